import { type Attributes, scanMarkup } from './markup.ts';

// WordprocessingML elements are matched by namespace, not by a hard-coded "w:" prefix, because
// generators may bind the namespace to another prefix (or make it the default namespace).
const WORD_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

export interface WordXmlHandler {
  /** `name` is the local name for WordprocessingML elements, or the raw qualified name otherwise. */
  open(name: string, isWord: boolean, attr: (local: string) => string | undefined): void;
  close(name: string, isWord: boolean): void;
  text(text: string): void;
}

export function decodeXmlBytes(bytes: Uint8Array): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  return new TextDecoder(utf16 ? 'utf-16le' : 'utf-8').decode(bytes);
}

/** Streams an OOXML part; no tree is built, so nesting depth costs neither stack nor quadratic time. */
export function parseWordXml(xml: string, handler: WordXmlHandler): void {
  let prefix: string | undefined;
  const split = (qualified: string): [string, boolean] => {
    const colon = qualified.indexOf(':');
    const p = colon < 0 ? '' : qualified.slice(0, colon);
    return p === prefix ? [qualified.slice(colon + 1), true] : [qualified, false];
  };
  scanMarkup(xml, 'xml', {
    open(qualified, attributes) {
      if (prefix === undefined) prefix = findWordPrefix(attributes);
      const [name, isWord] = split(qualified);
      const attributePrefix = prefix ? `${prefix}:` : '';
      handler.open(name, isWord, (local) => attributes[attributePrefix + local] ?? attributes[local]);
    },
    close(qualified) {
      const [name, isWord] = split(qualified);
      handler.close(name, isWord);
    },
    text(text) {
      handler.text(text);
    },
  });
}

function findWordPrefix(attribs: Attributes): string {
  for (const [key, value] of Object.entries(attribs)) {
    if (!WORD_NAMESPACES.has(value)) continue;
    if (key === 'xmlns') return '';
    if (key.startsWith('xmlns:')) return key.slice(6);
  }
  return 'w';
}
