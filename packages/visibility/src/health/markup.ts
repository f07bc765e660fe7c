import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

// We drive htmlparser2's Tokenizer rather than its Parser: the Parser's open-element bookkeeping
// degrades badly on hostile nesting, and pages come from arbitrary sites. The Tokenizer is linear,
// copes with broken markup, keeps <script> and <style> bodies raw and decodes entities elsewhere.

export type Attributes = Record<string, string>;

export interface MarkupHandler {
  open(name: string, attributes: Attributes): void;
  close(name: string): void;
  text(text: string): void;
}

export const VOID_ELEMENTS = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
);

/** Streams tags (names lower-cased) and decoded text of an HTML document to `handler`. */
export function scanHtml(html: string, handler: MarkupHandler): void {
  let tag = '';
  let attributes: Attributes = {};
  let attribute = '';
  let value = '';
  const finishOpen = () => {
    if (!tag) return;
    handler.open(tag, attributes);
    if (VOID_ELEMENTS.has(tag)) handler.close(tag);
    tag = '';
  };
  const callbacks: TokenizerCallbacks = {
    onopentagname: (start, end) => {
      tag = html.slice(start, end).toLowerCase();
      attributes = {};
    },
    onattribname: (start, end) => {
      attribute = html.slice(start, end).toLowerCase();
      value = '';
    },
    onattribdata: (start, end) => {
      value += html.slice(start, end);
    },
    onattribentity: (codepoint) => {
      value += String.fromCodePoint(codepoint);
    },
    onattribend: () => {
      if (!Object.hasOwn(attributes, attribute)) attributes[attribute] = value;
      value = '';
    },
    onopentagend: finishOpen,
    onselfclosingtag: finishOpen,
    onclosetag: (start, end) => {
      const name = html.slice(start, end).toLowerCase();
      if (!VOID_ELEMENTS.has(name)) handler.close(name);
    },
    ontext: (start, end) => handler.text(html.slice(start, end)),
    ontextentity: (codepoint) => handler.text(String.fromCodePoint(codepoint)),
    oncdata: () => {},
    oncomment: () => {},
    ondeclaration: () => {},
    onprocessinginstruction: () => {},
    onend: () => {},
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
}
