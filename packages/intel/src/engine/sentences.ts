/**
 * Sentence spans of a report: prose sentences, and each line of a list or table on its own. A line
 * break inside a long unpunctuated line followed by a lower-case or hex continuation (text pulled out
 * of a PDF) does not end a sentence.
 */
const BREAK = /[.!?]+["')\]”’]*[ \t]+(?=[A-Z"'“‘(\d])|\n/g;
const MAX_SENTENCE = 400;

export class Sentences {
  private readonly starts: number[] = [0];
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
    BREAK.lastIndex = 0;
    let lineStart = 0;
    for (let m = BREAK.exec(text); m; m = BREAK.exec(text)) {
      const end = m.index + m[0].length;
      if (m[0] === '\n') {
        if (this.continues(lineStart, m.index, end)) {
          lineStart = end;
          continue;
        }
        lineStart = end;
      }
      this.starts.push(end);
    }
  }

  /** A wrapped line: long, no closing punctuation, next line starts in lower case, a digit or hex. */
  private continues(lineStart: number, newline: number, next: number): boolean {
    const line = this.text.slice(lineStart, newline).trim();
    if (line.length < 40 || !line.includes(' ') || '.!?:;|'.includes(line.charAt(line.length - 1)))
      return false;
    return /[a-z0-9]/.test(this.text.charAt(next));
  }

  /** Start and end of the sentence holding original position `pos`. */
  bounds(pos: number): { start: number; end: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return {
      start: this.starts[lo],
      end: lo + 1 < this.starts.length ? this.starts[lo + 1] : this.text.length,
    };
  }

  /** The sentence around original position `pos`, whitespace collapsed, shortened around `pos` if long. */
  at(pos: number, end = pos): string {
    let { start: from, end: to } = this.bounds(pos);
    if (to - from > MAX_SENTENCE) {
      from = Math.max(from, pos - MAX_SENTENCE / 2);
      to = Math.min(to, Math.max(end, pos) + MAX_SENTENCE / 2);
    }
    return this.text.slice(from, to).replace(/\s+/g, ' ').trim();
  }
}
