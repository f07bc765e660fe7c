import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

// htmlparser2's Parser keeps its open-element stack with unshift/indexOf, which is quadratic for
// hostile nesting (200k nested tags took minutes). Its Tokenizer is linear, handles raw-text
// elements (script, style, title) and decodes entities, so we drive it directly and let each
// extractor keep only the little state it needs, in O(1) per tag.

export type Attributes = Record<string, string>;

export interface MarkupHandler {
  open(name: string, attributes: Attributes): void;
  close(name: string): void;
  text(text: string): void;
}

const VOID_ELEMENTS = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
);
// In HTML, "<x/>" does not close x, except for void and foreign (SVG, MathML) elements.
const SELF_CLOSABLE = new Set(['svg', 'math', 'path', 'circle', 'rect', 'use', 'line', 'polygon', 'g']);

/** Streams tags and text of HTML (tag names lowercased) or XML (names as written) to `handler`. */
export function scanMarkup(source: string, mode: 'html' | 'xml', handler: MarkupHandler): void {
  const xml = mode === 'xml';
  const nameAt = (start: number, end: number) =>
    xml ? source.slice(start, end) : source.slice(start, end).toLowerCase();
  let tag = '';
  let attributes: Attributes = {};
  let attribute = '';
  let value = '';

  const endOpenTag = (selfClosing: boolean) => {
    if (!tag) return;
    handler.open(tag, attributes);
    const closes = xml ? selfClosing : VOID_ELEMENTS.has(tag) || (selfClosing && SELF_CLOSABLE.has(tag));
    if (closes) handler.close(tag);
    tag = '';
  };

  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      tag = nameAt(start, end);
      attributes = {};
    },
    onattribname(start, end) {
      attribute = nameAt(start, end);
      value = '';
    },
    onattribdata(start, end) {
      value += source.slice(start, end);
    },
    onattribentity(codepoint) {
      value += String.fromCodePoint(codepoint);
    },
    onattribend() {
      if (!Object.hasOwn(attributes, attribute)) attributes[attribute] = value;
      value = '';
    },
    onopentagend() {
      endOpenTag(false);
    },
    onselfclosingtag() {
      endOpenTag(true);
    },
    onclosetag(start, end) {
      const name = nameAt(start, end);
      if (xml || !VOID_ELEMENTS.has(name)) handler.close(name);
    },
    ontext(start, end) {
      handler.text(source.slice(start, end));
    },
    ontextentity(codepoint) {
      handler.text(String.fromCodePoint(codepoint));
    },
    oncdata(start, end, offset) {
      if (xml) handler.text(source.slice(start, end - offset));
    },
    oncomment() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {},
  };
  const tokenizer = new Tokenizer({ xmlMode: xml, decodeEntities: true }, callbacks);
  tokenizer.write(source);
  tokenizer.end();
}
