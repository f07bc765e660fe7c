/** Result of reading bytes as text: the decoded string, or why the bytes are not text. */
export type DecodedText = { ok: true; text: string } | { ok: false; why: string };

// Printable text has few C0 controls besides tab, newlines and form feed; more than this share means binary.
const MAX_CONTROL_RATIO = 0.01;

function decoder(encoding: 'utf-8' | 'utf-16le' | 'utf-16be') {
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
}

/** Decodes UTF-8 (with or without BOM) or BOM-marked UTF-16; refuses NUL bytes and invalid sequences. */
export function decodeText(bytes: Uint8Array): DecodedText {
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  else if (bytes.includes(0)) return { ok: false, why: 'it contains NUL bytes' };
  let text: string;
  try {
    text = decoder(encoding).decode(bytes);
  } catch {
    return { ok: false, why: `it is not valid ${encoding === 'utf-8' ? 'UTF-8' : 'UTF-16'} text` };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) return { ok: false, why: 'it contains NUL characters' };
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) controls++;
  }
  if (controls > Math.max(8, text.length * MAX_CONTROL_RATIO))
    return { ok: false, why: 'it contains binary data' };
  return { ok: true, text };
}
