import type { TextBlock } from '../document.ts';

/** One positioned run of text from a PDF page (PDF user space: y grows upwards). */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  hasEOL: boolean;
}

export interface PdfLine {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PdfParagraph {
  text: string;
  kind: TextBlock['kind'];
}

/** Document-wide typography: the body font size and the usual line gap as a multiple of font size. */
export interface PdfStats {
  bodySize: number;
  leading: number;
}

const BULLET = /^[•◦▪▫‣∙●○■□➢►✓\uf0b7\uf0a7]\s*/;
const NUMBERED = /^\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s/i;
const SENTENCE_END = /[.!?:;]["'”’)\]]?$/;

/** Groups a page's items into visual lines, adding a space where runs are visibly apart. */
export function itemsToLines(items: PdfItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let line: PdfLine | undefined;
  let lineEnd = 0;
  for (const item of items) {
    const size = item.size || 1;
    if (line && Math.abs(item.y - line.y) > 0.5 * Math.max(size, line.size)) line = undefined;
    if (item.str) {
      if (!line) {
        line = { text: '', x: item.x, y: item.y, width: 0, size };
        lines.push(line);
      } else if (item.x - lineEnd > 0.15 * size && !/\s$/.test(line.text) && !/^\s/.test(item.str)) {
        line.text += ' ';
      }
      line.text += item.str;
      line.size = Math.max(line.size, size);
      lineEnd = item.x + item.width;
      line.width = Math.max(line.width, lineEnd - line.x);
    }
    if (item.hasEOL) line = undefined;
  }
  return lines.filter((l) => l.text.trim());
}

function median(values: number[], fallback: number): number {
  if (!values.length) return fallback;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function layoutStats(pages: PdfLine[][]): PdfStats {
  const charsBySize = new Map<number, number>();
  const ratios: number[] = [];
  for (const lines of pages) {
    lines.forEach((line, i) => {
      const size = Math.round(line.size * 2) / 2;
      charsBySize.set(size, (charsBySize.get(size) ?? 0) + line.text.length);
      const prev = lines[i - 1];
      if (prev && Math.abs(prev.size - line.size) < 0.1 * line.size) {
        const ratio = (prev.y - line.y) / line.size;
        if (ratio > 0.5 && ratio < 3) ratios.push(ratio);
      }
    });
  }
  let bodySize = 0;
  let most = -1;
  for (const [size, chars] of charsBySize) if (chars > most) [bodySize, most] = [size, chars];
  return { bodySize: bodySize || 10, leading: median(ratios, 1.2) };
}

function startsParagraph(prev: PdfLine, line: PdfLine, stats: PdfStats, fullWidth: number): boolean {
  if (Math.abs(prev.size - line.size) > 0.1 * Math.max(prev.size, line.size)) return true;
  const gap = (prev.y - line.y) / line.size;
  if (gap < 0.3 || gap > stats.leading * 1.4) return true;
  if (BULLET.test(line.text) || NUMBERED.test(line.text)) return true;
  const prevEndsSentence = SENTENCE_END.test(prev.text.trimEnd());
  if (prevEndsSentence && prev.width < 0.65 * fullWidth) return true;
  return prevEndsSentence && line.x > prev.x + line.size;
}

/** Joins wrapped lines, undoing end-of-line hyphenation when the next line continues the word in lowercase. */
function joinLines(lines: string[]): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!text) text = line;
    else if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line)) text = text.slice(0, -1) + line;
    else if (text.endsWith('\u00ad')) text = text.slice(0, -1) + line;
    else text += ` ${line}`;
  }
  return text;
}

function classify(lines: PdfLine[], text: string, stats: PdfStats): TextBlock['kind'] {
  if (BULLET.test(text) || NUMBERED.test(text)) return 'list-item';
  const isLarger = lines[0].size >= stats.bodySize * 1.15;
  return isLarger && lines.length <= 3 && text.length <= 200 ? 'heading' : 'paragraph';
}

/** Splits one page's lines into paragraphs using gaps, font size changes, bullets and short last lines. */
export function linesToParagraphs(lines: PdfLine[], stats: PdfStats): PdfParagraph[] {
  const widths = new Map<number, number>();
  for (const l of lines) widths.set(l.size, Math.max(widths.get(l.size) ?? 0, l.width));
  const groups: PdfLine[][] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    if (!prev || startsParagraph(prev, line, stats, widths.get(prev.size) ?? prev.width)) groups.push([line]);
    else groups[groups.length - 1].push(line);
  });
  return groups.map((group) => {
    const joined = joinLines(group.map((l) => l.text));
    const kind = classify(group, joined, stats);
    return { text: kind === 'list-item' ? joined.replace(BULLET, '') : joined, kind };
  });
}
