import { decodeXML } from 'entities';
import type { ExtractedDocument } from '../document.ts';
import { BlockCollector, HeadingTracker } from './blocks.ts';
import { headingLevelOf, type ParagraphStyle, parseStyles } from './docx-styles.ts';
import { decodeXmlBytes, parseWordXml } from './docx-xml.ts';
import { ExtractionError } from './errors.ts';
import { type InflateBudget, readZipEntry, type ZipEntry } from './zip.ts';

// DOCX is read directly from word/document.xml rather than through a DOCX-to-HTML converter: we need
// only paragraphs, styles, list markers and table cells, and a SAX pass over the XML keeps memory
// proportional to the text while the ZIP layer enforces the decompression budget.

export interface DocxOptions {
  maxChars: number;
  maxUncompressedBytes: number;
}

interface OpenParagraph {
  styleId?: string;
  numbered: boolean;
  outlineLevel?: number;
  text: string;
}

// Subtrees whose text is not part of the current document: tracked-change history and moved-away
// content. (mc:Fallback, the legacy copy of content Word also stores in its modern form, is skipped too.)
const SKIPPED = new Set(['del', 'moveFrom', 'pPrChange', 'rPrChange', 'sectPrChange']);
const RUN_TEXT = new Map([
  ['tab', ' '],
  ['br', ' '],
  ['cr', ' '],
  ['noBreakHyphen', '-'],
]);

function coreTitle(xml: string | undefined): string | undefined {
  const match = xml ? /<dc:title(?:\s[^>]*)?>([^<]*)<\/dc:title>/.exec(xml) : null;
  return match ? decodeXML(match[1]) : undefined;
}

function walkDocument(xml: string, styleOf: (id: string | undefined) => ParagraphStyle, out: BlockCollector) {
  const headings = new HeadingTracker();
  const paragraphs: OpenParagraph[] = [];
  const cells: string[] = [];
  let skipDepth = 0;
  let textDepth = 0;
  let propsDepth = 0;
  let title: string | undefined;

  const emit = (p: OpenParagraph) => {
    const text = out.normalize(p.text);
    if (!text) return;
    // A cell's paragraphs become one table-cell block, emitted when the cell closes.
    if (cells.length) {
      cells[cells.length - 1] += ` ${text}`;
      return;
    }
    const style = styleOf(p.styleId);
    const level = headingLevelOf(undefined, p.outlineLevel) ?? style.headingLevel;
    if (style.isTitle) {
      title ??= text;
      out.add(text, 'heading', headings.location());
    } else if (level !== undefined) {
      headings.enter(level, text);
      out.add(text, 'heading', headings.location());
    } else {
      out.add(text, p.numbered || style.isList ? 'list-item' : 'paragraph', headings.location());
    }
  };

  parseWordXml(xml, {
    open(name, isWord, attr) {
      if (skipDepth || (isWord ? SKIPPED.has(name) : /(^|:)Fallback$/.test(name))) {
        skipDepth++;
        return;
      }
      if (!isWord) return;
      const paragraph = paragraphs[paragraphs.length - 1];
      if (name === 'p') paragraphs.push({ numbered: false, text: '' });
      else if (name === 'pPr') propsDepth++;
      else if (name === 'tc') cells.push('');
      else if (name === 't') textDepth++;
      else if (paragraph && RUN_TEXT.has(name) && !propsDepth) paragraph.text += RUN_TEXT.get(name);
      else if (paragraph && propsDepth) {
        if (name === 'pStyle') paragraph.styleId = attr('val');
        else if (name === 'numId') paragraph.numbered = attr('val') !== '0';
        else if (name === 'outlineLvl') paragraph.outlineLevel = Number(attr('val'));
      }
    },
    close(name, isWord) {
      if (skipDepth) {
        skipDepth--;
        return;
      }
      if (!isWord) return;
      if (name === 'p') {
        const paragraph = paragraphs.pop();
        if (paragraph) emit(paragraph);
      } else if (name === 'pPr') propsDepth = Math.max(0, propsDepth - 1);
      else if (name === 't') textDepth = Math.max(0, textDepth - 1);
      else if (name === 'tc') {
        const cell = cells.pop();
        if (cell) out.add(cell, 'table-cell', headings.location());
      }
    },
    text(text) {
      const paragraph = paragraphs[paragraphs.length - 1];
      if (!skipDepth && textDepth && paragraph) paragraph.text += text;
    },
  });
  // A truncated part leaves elements open; keep what was read rather than dropping it.
  for (let p = paragraphs.pop(); p; p = paragraphs.pop()) emit(p);
  for (let cell = cells.pop(); cell !== undefined; cell = cells.pop())
    out.add(cell, 'table-cell', headings.location());
  return title;
}

export function extractDocx(bytes: Uint8Array, entries: ZipEntry[], options: DocxOptions): ExtractedDocument {
  const budget: InflateBudget = {
    remaining: options.maxUncompressedBytes,
    limit: options.maxUncompressedBytes,
  };
  const read = (name: string) => {
    const entry = entries.find((e) => e.name === name);
    return entry ? decodeXmlBytes(readZipEntry(bytes, entry, budget)) : undefined;
  };
  const documentXml = read('word/document.xml');
  if (documentXml === undefined) throw new ExtractionError('corrupt', 'The Word document has no main part.');
  const styleOf = parseStyles(read('word/styles.xml'));
  const collector = new BlockCollector(options.maxChars);
  const titleParagraph = walkDocument(documentXml, styleOf, collector);
  if (collector.size === 0) throw new ExtractionError('empty', 'The Word document contains no text.');
  return collector.finish('docx', { title: titleParagraph ?? coreTitle(read('docProps/core.xml')) });
}
