import { type OffsetMap, rewrite } from './offsets.ts';
import { isTld } from './tld.ts';

/** A refanged text and the way back from its positions to the original text's. */
export interface Refanged {
  original: string;
  text: string;
  /** The original range that produced refanged range [start, end). */
  toOriginal(start: number, end: number): { start: number; end: number };
  /** Whether refanging changed anything inside refanged range [start, end). */
  defanged(start: number, end: number): boolean;
}

// Zero-width and bidi marks, soft hyphen, full-width ASCII, ideographic and leader dots, lenticular brackets.
const SPECIAL_CHARS = /[\u00AD\u200B-\u200F\u2060\uFEFF\uFF01-\uFF5E\u3002\uFF61\u2024\uFE52\u3010\u3011]/g;

function plainChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3002 || code === 0xff61 || code === 0x2024 || code === 0xfe52) return '.';
  if (code === 0x3010) return '[';
  if (code === 0x3011) return ']';
  return '';
}

const OPEN = '[\\[({<]';
const CLOSE = '[\\])}>]';
const DEFANG = new RegExp(
  [
    // hxxp, hXXp, hxtp, fxp ... when a scheme separator follows
    `\\b(?:[hH][xX][xX][pP]|[hH][xX][tT][pP]|[hH][tT][xX][pP]|[fF][xX][pP])(?=[sS]?\\s?(?:${OPEN}\\s?:|:))`,
    `${OPEN}\\s?:\\s?\\/\\/\\s?${CLOSE}`, // [://]
    `${OPEN}\\s?:\\s?${CLOSE}`, // [:]
    `${OPEN}\\/{1,2}${CLOSE}`, // [/] [//]
    '\\\\\\/', // \/ as in JSON-escaped URLs
    ` ?${OPEN} ?(?:\\.|dot|DOT|Dot) ?${CLOSE} ?`, // [.] (.) {.} [dot] (dot), optionally spaced
    ` ?${OPEN} ?(?:at|AT|@) ?${CLOSE} ?`, // [at] (at) [@]
    '(?<=[A-Za-z0-9])\\\\\\.(?=[a-z0-9])', // evil\.com
    '(?<=[a-z0-9-]{2}) (?:dot|DOT) (?=([a-z0-9-]+)\\b)', // evil dot com (checked below)
  ].join('|'),
  'g',
);

const SPOKEN_DOT_SKIP = /(?:^|[^a-z0-9-])(?:the|a|an|this|that|one|each|every|per)$/;

function refangMatch(match: RegExpExecArray, text: string): string | undefined {
  const m = match[0];
  const first = m.charAt(0);
  if (first === 'h' || first === 'H') return 'http';
  if (first === 'f' || first === 'F') return 'ftp';
  if (m === '\\/') return '/';
  if (m === '\\.') return '.';
  const inner = m.replace(/[\s[\](){}<>]/g, '');
  if (inner === '://' || inner === ':' || inner === '/' || inner === '//' || inner === '@') return inner;
  if (inner === 'at' || inner === 'AT') return '@';
  if (inner === '.' || inner.toLowerCase() === 'dot') {
    // A spoken " dot " only counts between hostname labels ending in a TLD, never after an article.
    if (m.startsWith(' ') && m.endsWith(' ') && !/[[({<]/.test(m)) {
      const before = text.slice(Math.max(0, match.index - 12), match.index);
      if (!isTld(match[1] ?? '') || SPOKEN_DOT_SKIP.test(before)) return undefined;
    }
    return '.';
  }
  return undefined;
}

/** Chains two maps: positions of the second rewrite go back through the first. */
function compose(first: OffsetMap, second: OffsetMap, original: string, text: string): Refanged {
  return {
    original,
    text,
    toOriginal(start, end) {
      return { start: first.start(second.start(start)), end: first.end(second.end(end)) };
    },
    defanged(start, end) {
      if (second.touches(start, end)) return true;
      return first.touches(second.start(start), second.end(end));
    },
  };
}

/**
 * Undoes the defanging conventions of threat reports (hxxp, [.], (dot), [at], [:], \., full-width and
 * zero-width characters, ...) and keeps a map back to the original positions.
 */
export function refang(original: string): Refanged {
  const chars = rewrite(original, SPECIAL_CHARS, (m) => plainChar(m[0]));
  const result = rewrite(chars.text, DEFANG, refangMatch);
  return compose(chars.map, result.map, original, result.text);
}

/** The refanged string alone. */
export function refangText(text: string): string {
  return refang(text).text;
}
