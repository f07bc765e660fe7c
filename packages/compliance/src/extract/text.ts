import type { ExtractedDocument } from '../document.ts';
import { BlockCollector, HeadingTracker } from './blocks.ts';
import { ExtractionError } from './errors.ts';

// Plain text has no markup, so structure is inferred conservatively: paragraphs are separated by
// blank lines; a lone short line in capitals or numbered like "2.1 Passwords" is taken as a heading;
// a paragraph whose every line starts with a bullet or number is a list.

const NUMBERED_HEADING = /^((?:\d{1,3}\.){0,5}\d{1,3})\.?[ \t]+(\p{Lu}.*)$/u;
const BULLET_LINE = /^[ \t]*(?:[-*•◦▪‣]|\(?\d{1,3}[.)]|\(?[a-z][.)])[ \t]+\S/u;
const BULLET_MARKER = /^[ \t]*[-*•◦▪‣][ \t]+/u;
const MAX_HEADING_CHARS = 100;

function headingLevel(paragraph: string[]): number | undefined {
  if (paragraph.length !== 1) return undefined;
  const line = paragraph[0].trim();
  if (line.length > MAX_HEADING_CHARS || /[.,;:!?]$/.test(line)) return undefined;
  const numbered = NUMBERED_HEADING.exec(line);
  if (numbered) return Math.min(numbered[1].split('.').length, 9);
  const letters = line.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return 1;
  return undefined;
}

export function extractText(source: string, options: { maxChars: number }): ExtractedDocument {
  const out = new BlockCollector(options.maxChars);
  const headings = new HeadingTracker();
  let paragraph: string[] = [];

  const flush = () => {
    const lines = paragraph;
    paragraph = [];
    if (!lines.length) return;
    const level = headingLevel(lines);
    if (level !== undefined) {
      const text = out.normalize(lines[0]);
      headings.enter(level, text);
      out.add(text, 'heading', headings.location());
    } else if (lines.length > 1 && lines.every((l) => BULLET_LINE.test(l))) {
      for (const line of lines) out.add(line.replace(BULLET_MARKER, ''), 'list-item', headings.location());
    } else {
      out.add(lines.join('\n'), 'paragraph', headings.location());
    }
  };

  for (const line of source.split(/\r\n?|\n|\f/)) {
    if (line.trim()) paragraph.push(line);
    else flush();
  }
  flush();
  if (out.size === 0) throw new ExtractionError('empty', 'The text file contains no text.');
  return out.finish('text');
}
