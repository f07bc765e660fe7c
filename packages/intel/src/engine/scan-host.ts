import type { Collector } from './collector.ts';
import { FILE_EXTENSIONS } from './data/lists.ts';
import { ambiguousExtension } from './domain.ts';
import type { Sentences } from './sentences.ts';

const ROOTS: Record<string, string> = {
  HKLM: 'HKEY_LOCAL_MACHINE',
  HKCU: 'HKEY_CURRENT_USER',
  HKCR: 'HKEY_CLASSES_ROOT',
  HKU: 'HKEY_USERS',
  HKCC: 'HKEY_CURRENT_CONFIG',
};
// Inner key names may hold spaces between capitalised words ("Windows NT"); the last one only before a
// reg.exe switch ("Windows Defender /v ..."), as elsewhere it would swallow the prose after it.
const KEY = '[^\\\\\\s"\'<>|,;:*?()“”]+';
const REGISTRY_RE = new RegExp(
  `\\b(HKEY_LOCAL_MACHINE|HKEY_CURRENT_USER|HKEY_CLASSES_ROOT|HKEY_USERS|HKEY_CURRENT_CONFIG|HKLM|HKCU|HKCR|HKU|HKCC):?` +
    `((?:\\\\{1,2}${KEY}(?: [A-Z0-9]${KEY}?){0,3}(?=\\\\))*\\\\{1,2}${KEY}(?:(?: [A-Z0-9]${KEY}?){1,2}(?= \\/[a-z]\\b))?` +
    `|(?:\\\\{1,2}${KEY}(?: [A-Z0-9]${KEY}?){0,3}(?=\\\\))+)`,
  'g',
);

/** Registry keys (HKLM\..., HKEY_CURRENT_USER\...), with the hive spelled out and doubled backslashes undone. */
export function scanRegistry(c: Collector): void {
  const t = c.refanged.original;
  REGISTRY_RE.lastIndex = 0;
  for (let m = REGISTRY_RE.exec(t); m; m = REGISTRY_RE.exec(t)) {
    let path = m[2].replace(/\\\\/g, '\\');
    let end = m.index + m[0].length;
    const open = t.charAt(m.index - 1);
    const close = open === '"' ? '"' : open === '“' ? '”' : open === "'" ? "'" : '';
    if (close) {
      // Quoted: the key runs to the closing quote, spaces and all.
      const q = t.indexOf(close, m.index);
      if (q > end && q - m.index < 300 && !t.slice(end, q).includes('\n')) {
        path += t.slice(end, q).replace(/\\\\/g, '\\');
        end = q;
      }
    }
    const trailing = /[.\\]+$/.exec(path)?.[0].length ?? 0;
    path = path.slice(0, path.length - trailing);
    end -= trailing;
    if (path.length < 2) continue;
    const root = ROOTS[m[1]] ?? m[1];
    c.addOriginal('registry_key', `${root}${path}`, m.index, end, false);
  }
}

const MUTEX_WORD = /\bmut(?:ex(?:es)?|ants?)\b/gi;
const QUOTED = /["'“‘`]([^"'”’`\s]{3,80})["'”’`]/g;
const NAMESPACED = /(?<![\w\\])(?:Global|Local|Session\\\d+|BaseNamedObjects)\\[^\s"'<>,;()]{2,80}/g;
const AFTER_WORD =
  /^(?:\s+(?:named|called|object|name|value|string|created|opened|handle))*\s*[:=]?\s*([A-Za-z0-9_\-{}$#@.]{4,80})/;
const FILE_LIKE = new RegExp(`\\.(?:${FILE_EXTENSIONS.join('|')})$|^[a-z]:\\\\|/`, 'i');

/** Looks like an identifier rather than a word: a digit, underscore, brace or an inner capital. */
const identifierLike = (s: string) =>
  /[\d_{}$#@]|[a-z][A-Z]/.test(s) || (s.length >= 5 && s === s.toUpperCase());

/**
 * Mutex names, only where the sentence says "mutex": quoted names, Global\ and Local\ names, and an
 * identifier-looking token right after the word. Found in the original text (mutexes are never defanged).
 */
export function scanMutexes(c: Collector, sentences: Sentences): void {
  const t = c.refanged.original;
  MUTEX_WORD.lastIndex = 0;
  for (let w = MUTEX_WORD.exec(t); w; w = MUTEX_WORD.exec(t)) {
    const bounds = sentences.bounds(w.index);
    const from = Math.max(bounds.start, w.index - 80);
    const to = Math.min(bounds.end, w.index + w[0].length + 160);
    const window = t.slice(from, to);
    const add = (name: string, at: number) => {
      const clean = name.replace(/[.,]+$/, '');
      const value = clean.replace(/\\\\/g, '\\');
      if (clean.length >= 3 && !FILE_LIKE.test(clean))
        c.addOriginal('mutex', value, at, at + clean.length, false);
    };
    for (const re of [QUOTED, NAMESPACED]) {
      re.lastIndex = 0;
      for (let m = re.exec(window); m; m = re.exec(window)) {
        const name = m[1] ?? m[0];
        add(name, from + m.index + m[0].indexOf(name));
      }
    }
    const after = AFTER_WORD.exec(t.slice(w.index + w[0].length, to));
    if (after && identifierLike(after[1])) {
      add(after[1], w.index + w[0].length + after[0].length - after[1].length);
    }
  }
}

const EXTS = [...FILE_EXTENSIONS].sort((a, b) => b.length - a.length).join('|');
const NAME_CHARS = '[\\w\\-~$@%+]';
const FILE_RE = new RegExp(
  `(?<![\\w\\-.~$@%+])${NAME_CHARS}+(?:\\.${NAME_CHARS}+)*\\.(?:${EXTS})(?![\\w-]|\\.[A-Za-z0-9])`,
  'gi',
);
// A quoted name or path may hold spaces: "C:\\Users\\x\\Remittance Advice 0412.js" names `Remittance Advice 0412.js`.
const QUOTED_FILE_RE = new RegExp(`["“'‘]([^"“”'‘’\\r\\n<>|*?]{1,240}?\\.(?:${EXTS}))["”'’]`, 'gi');
const TECH_NAMES = new Set([
  'node.js',
  'vue.js',
  'next.js',
  'react.js',
  'express.js',
  'nuxt.js',
  'd3.js',
  'three.js',
  'chart.js',
]);

/**
 * File names with a known extension; names ending in an extension that is also a TLD go to whichever
 * reading the context favours, through `isFile`.
 */
export function scanFiles(c: Collector, isFile: (start: number, end: number, name: string) => boolean): void {
  const t = c.refanged.text;
  const consider = (name: string, start: number) => {
    const end = start + name.length;
    if (TECH_NAMES.has(name.toLowerCase()) || /^\d+(?:\.\d+)+$/.test(name)) return;
    if (ambiguousExtension(name) && (c.refanged.defanged(start, end) || !isFile(start, end, name))) return;
    c.add('file', name, start, end, ambiguousExtension(name) ? ['also reads as a domain name'] : []);
  };
  QUOTED_FILE_RE.lastIndex = 0;
  for (let m = QUOTED_FILE_RE.exec(t); m; m = QUOTED_FILE_RE.exec(t)) {
    const name = m[1].slice(Math.max(m[1].lastIndexOf('\\'), m[1].lastIndexOf('/')) + 1).trim();
    if (name.includes(' ')) consider(name, m.index + m[0].lastIndexOf(name));
  }
  FILE_RE.lastIndex = 0;
  for (let m = FILE_RE.exec(t); m; m = FILE_RE.exec(t)) consider(m[0], m.index);
}
