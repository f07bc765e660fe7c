// Splits a block of prose into sentences without breaking on abbreviations ("e.g.", "Art. 5") or on the
// numbers of numbered headings ("4. Access control").

const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'inc',
  'ltd',
  'llc',
  'co',
  'corp',
  'art',
  'arts',
  'sec',
  'no',
  'nos',
  'mr',
  'mrs',
  'ms',
  'dr',
  'vs',
  'approx',
  'incl',
  'cf',
  'fig',
  'para',
  'p',
  'pp',
  'u.s',
  'u.k',
  'e.u',
  'st',
  'dept',
  'min',
  'max',
  'ref',
]);

const END = /[.!?]+["'”’)\]]*(?=\s)/g;

export function splitSentences(text: string): [start: number, end: number][] {
  const sentences: [number, number][] = [];
  let start = skipSpace(text, 0);
  for (const match of text.matchAll(END)) {
    const end = match.index + match[0].length;
    if (end <= start) continue;
    const next = skipSpace(text, end);
    if (next >= text.length) break;
    if (!/[A-Z0-9"“'([•-]/.test(text[next])) continue;
    if (match[0].startsWith('.') && !isSentenceEnd(text, start, match.index)) continue;
    sentences.push([start, trimEnd(text, end)]);
    start = next;
  }
  const last = trimEnd(text, text.length);
  if (last > start) sentences.push([start, last]);
  return sentences;
}

/** A period ends a sentence unless it follows an abbreviation, an initial or a leading section number. */
function isSentenceEnd(text: string, sentenceStart: number, dot: number): boolean {
  let wordStart = dot;
  while (wordStart > sentenceStart && !/\s/.test(text[wordStart - 1])) wordStart--;
  const word = text
    .slice(wordStart, dot)
    .replace(/^[("'“]+/, '')
    .toLowerCase();
  if (ABBREVIATIONS.has(word)) return false;
  if (/^[a-z]$/i.test(word)) return false;
  const isLeading = text.slice(sentenceStart, wordStart).trim() === '';
  if (isLeading && /^(\d+(\.\d+)*|[ivxlc]+)$/.test(word)) return false;
  return true;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}
