import type { PdfLine } from './pdf-layout.ts';

// Running headers and footers ("Acme Confidential", "Page 3 of 12") repeat on every page and would
// otherwise be read as paragraphs in the middle of sentences that cross a page break. Only lines that
// are both among the first/last lines of a page and inside its top/bottom band are candidates.

export interface PdfPage {
  lines: PdfLine[];
  /** Vertical extent of the page box in PDF units (y grows upwards). */
  bottom: number;
  top: number;
}

const EDGE_LINES = 2;
const MARGIN_BAND = 0.08;
const PAGE_NUMBER = /^(?:page\s*)?[-–—(]?\s*\d{1,5}\s*(?:(?:of|\/)\s*\d{1,5})?\s*[-–—)]?$/i;

const key = (line: PdfLine) => line.text.trim().toLowerCase().replace(/\d+/g, '#');

function marginLines(page: PdfPage): Set<PdfLine> {
  const band = (page.top - page.bottom) * MARGIN_BAND;
  const inBand = (line: PdfLine) => line.y > page.top - band || line.y < page.bottom + band;
  const { lines } = page;
  const edges = [
    ...lines.slice(0, EDGE_LINES),
    ...lines.slice(Math.max(EDGE_LINES, lines.length - EDGE_LINES)),
  ];
  return new Set(edges.filter(inBand));
}

/** Removes margin page numbers, and margin lines repeated on at least a quarter of the pages (chapter headers change). */
export function dropRunningHeaders(pages: PdfPage[]): PdfLine[][] {
  const margins = pages.map(marginLines);
  const pagesWithKey = new Map<string, number>();
  for (const lines of margins) {
    for (const k of new Set([...lines].map(key))) pagesWithKey.set(k, (pagesWithKey.get(k) ?? 0) + 1);
  }
  const threshold = Math.max(3, Math.ceil(pages.length * 0.25));
  return pages.map((page, i) =>
    page.lines.filter((line) => {
      if (!margins[i].has(line)) return true;
      if (PAGE_NUMBER.test(line.text.trim())) return false;
      return (pagesWithKey.get(key(line)) ?? 0) < threshold;
    }),
  );
}
