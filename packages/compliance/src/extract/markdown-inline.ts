import { decodeHTML } from 'entities';

// Inline markup is removed with anchored or bounded patterns only, so a hostile single line of
// megabytes cannot trigger catastrophic regex backtracking.

// Escaped punctuation and code span contents are moved to a private-use range while the other
// patterns run, so `\*` or `a*b` inside code is never mistaken for markup, then moved back.
const PROTECT_BASE = 0xe000;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/g;
const protect = (s: string) =>
  s.replace(ASCII_PUNCT, (c) => String.fromCharCode(PROTECT_BASE + c.charCodeAt(0)));
const unprotect = (s: string) =>
  s.replace(/[\ue021-\ue07e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - PROTECT_BASE));

/** Protects code span contents; a span closes at the next backtick run of the same length (one pass). */
function protectCodeSpans(text: string): string {
  const runs: { at: number; length: number }[] = [];
  for (let i = text.indexOf('`'); i >= 0; ) {
    let j = i;
    while (text[j] === '`') j++;
    runs.push({ at: i, length: j - i });
    i = text.indexOf('`', j);
  }
  if (runs.length < 2) return text;
  const closer = new Array<number>(runs.length);
  const nextOfLength = new Map<number, number>();
  for (let k = runs.length - 1; k >= 0; k--) {
    closer[k] = nextOfLength.get(runs[k].length) ?? -1;
    nextOfLength.set(runs[k].length, k);
  }
  let out = '';
  let copied = 0;
  for (let k = 0; k < runs.length; k++) {
    const m = closer[k];
    if (m < 0) continue;
    const open = runs[k];
    out += text.slice(copied, open.at) + protect(text.slice(open.at + open.length, runs[m].at));
    copied = runs[m].at + runs[m].length;
    k = m;
  }
  return out + text.slice(copied);
}

const IMAGE = /!\[([^[\]]{0,1000})\]\([^()\s]{0,2000}(?:\s+"[^"]{0,500}")?\)/g;
const LINK = /\[([^[\]]{0,1000})\]\([^()\s]{0,2000}(?:\s+"[^"]{0,500}")?\)/g;
const REFERENCE_LINK = /\[([^[\]]{1,1000})\]\[[^[\]]{0,200}\]/g;
const FOOTNOTE_REF = /\[\^[^\]\s]{1,100}\]/g;
const AUTOLINK = /<((?:https?|ftp|mailto):[^<>\s]{1,2000})>/gi;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]{0,50}(?:\s[^<>]{0,1000})?\/?>/g;
const STRIKE = /~~/g;
const STARS = /\*+/g;
const UNDERSCORES = /_+/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function stripComments(text: string): string {
  let out = '';
  let i = 0;
  for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--', i)) {
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    out += text.slice(i, open);
    i = close + 3;
  }
  return out + text.slice(i);
}

function stripEmphasis(text: string): string {
  // `*` runs touching a non-space on either side are emphasis; `_` only at word edges, so snake_case survives.
  const withoutStars = text.replace(STARS, (run, at: number, all: string) => {
    const before = all[at - 1] ?? ' ';
    const after = all[at + run.length] ?? ' ';
    return /\s/.test(before) && /\s/.test(after) ? run : '';
  });
  return withoutStars.replace(STRIKE, '').replace(UNDERSCORES, (run, at: number, all: string) => {
    const before = all[at - 1] ?? ' ';
    const after = all[at + run.length] ?? ' ';
    return WORD_CHAR.test(before) && WORD_CHAR.test(after) ? run : '';
  });
}

/** Turns one block of Markdown inline syntax into the words a reader sees. */
export function stripInline(markdown: string): string {
  let text = markdown.replace(/\\([!-/:-@[-`{-~])/g, (_, c: string) => protect(c));
  text = stripComments(protectCodeSpans(text));
  text = text
    .replace(IMAGE, '$1')
    .replace(LINK, '$1')
    .replace(REFERENCE_LINK, '$1')
    .replace(FOOTNOTE_REF, '')
    .replace(AUTOLINK, '$1')
    .replace(HTML_TAG, '');
  // Entities are decoded while code stays protected: code spans show `&amp;` literally.
  return unprotect(decodeHTML(stripEmphasis(text)));
}
