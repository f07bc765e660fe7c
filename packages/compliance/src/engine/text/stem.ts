// A small suffix-stripping stemmer. It only has to be consistent (the same stem for "encrypt",
// "encrypted", "encryption"), since facet terms and document text go through the same function.

const DERIVATIONAL: [suffix: string, replacement: string][] = [
  ['isation', 'ize'],
  ['ization', 'ize'],
  ['ational', 'ate'],
  ['ations', 'ate'],
  ['ation', 'ate'],
  ['itions', ''],
  ['ition', ''],
  ['ments', ''],
  ['ment', ''],
  ['ness', ''],
  ['ions', ''],
  ['ion', ''],
  ['ively', ''],
  ['ive', ''],
  ['ally', ''],
  ['ly', ''],
  ['al', ''],
];

const MIN_STEM = 3;

export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length <= MIN_STEM || /\d/.test(w)) return w;
  // British spellings join the American ones: "authorised" -> "authorized".
  w = w.replace(/(?<=\w{3})is(e|ed|es|ing|ation|ations)$/, 'iz$1');
  w = stripInflection(w);
  for (const [suffix, replacement] of DERIVATIONAL) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 4) w = `${w.slice(0, -1)}i`;
  return w;
}

function stripInflection(w: string): string {
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('ied') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (/(ss|us|is)$/.test(w)) return w;
  if (w.endsWith('s')) w = w.slice(0, -1);
  if (w.endsWith('eed')) return w.length > 4 ? w.slice(0, -1) : w;
  for (const suffix of ['ing', 'ed']) {
    if (!w.endsWith(suffix)) continue;
    const base = w.slice(0, -suffix.length);
    if (!/[aeiouy]/.test(base)) return w;
    // "used" -> "use", "aged" -> "age": too short to be a stem without its final e.
    if (base.length < MIN_STEM) return `${base}e`;
    return undoubleConsonant(base);
  }
  return w;
}

function undoubleConsonant(base: string): string {
  const last = base.at(-1)!;
  if (base.length > 3 && last === base.at(-2) && !'lsz'.includes(last) && !/[aeiou]/.test(last))
    return base.slice(0, -1);
  return base;
}
