const WORD_CHAR = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/gu;

/** Letters and digits of any script; JavaScript's `\b` only knows ASCII, so `Über` needs this. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && WORD_CHAR.test(ch);
}

/** Removes diacritics: `Über` -> `Uber`, `Citroën` -> `Citroen`. */
export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(MARK, '').normalize('NFC');
}

/** Case-, accent- and whitespace-insensitive form used to compare names. */
export function foldName(text: string): string {
  return stripAccents(text).toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

/**
 * The answer text folded for matching (lower case, no diacritics, curly apostrophes straightened,
 * whitespace runs collapsed to one space), with a map back to the original offsets so that every
 * match can be reported as a span of the text the user sees.
 */
export interface FoldedText {
  original: string;
  folded: string;
  /** `starts[i]`: offset in `original` where the character behind `folded[i]` begins. */
  starts: number[];
  /** `ends[i]`: offset in `original` just after the character behind `folded[i]`. */
  ends: number[];
}

export function foldText(original: string): FoldedText {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < original.length) {
    const cp = original.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const width = ch.length;
    if (/\s/.test(ch)) {
      let j = i + width;
      while (j < original.length && /\s/.test(original[j])) j++;
      folded += ' ';
      starts.push(i);
      ends.push(j);
      i = j;
      continue;
    }
    const out = ch === '’' || ch === '‘' ? "'" : ch.normalize('NFD').replace(MARK, '').toLowerCase();
    for (let k = 0; k < out.length; k++) {
      folded += out[k];
      starts.push(i);
      ends.push(i + width);
    }
    i += width;
  }
  return { original, folded, starts, ends };
}

/** Maps a half-open range of the folded text back to the original text. */
export function toOriginal(text: FoldedText, start: number, end: number): [number, number] {
  return [text.starts[start], text.ends[end - 1]];
}

/** Non-overlapping spans with a binary-searched intersection test, for many lookups. */
export function spanLookup(spans: [number, number][]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  return (start, end) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid][1] <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && sorted[lo][0] < end;
  };
}
