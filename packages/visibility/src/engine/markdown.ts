import type { Item, Line } from './structure.ts';

// Markdown syntax as LLM answers use it: line patterns, table cells, and how items relate.

export const HEADING = /^ {0,3}(#{1,6})[ \t]+/;
export const BOLD_LINE = /^\s*(?:\*\*|__)(?!\s)([^*_\n]+?)(?:\*\*|__):?\s*$/;
export const NUMBERED = /^(\s*)(?:\*\*)?(\d{1,3})[.)](?:\*\*)?[ \t]+/;
export const BULLET = /^(\s*)[-*+•][ \t]+(?=\S)/;
export const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
export const FENCE = /^\s*(```|~~~)/;
export const LEADING_NUMBER = /^(\d{1,3})[.)][ \t]+/;

export function indentOf(space: string): number {
  return space.replace(/\t/g, '    ').length;
}

export function tableCells(text: string, start: number, end: number): [number, number][] {
  const cells: [number, number][] = [];
  let cellStart = text.indexOf('|', start) + 1;
  for (let i = cellStart; i <= end; i++) {
    if (i === end || (text[i] === '|' && text[i - 1] !== '\\')) {
      let a = cellStart;
      let b = i;
      while (a < b && /\s/.test(text[a])) a++;
      while (b > a && /\s/.test(text[b - 1])) b--;
      if (i < end || a < b) cells.push([a, b]);
      cellStart = i + 1;
    }
  }
  return cells;
}

/** A bullet list goes on unless a paragraph outside it came in between. */
export function listContinues(sibling: Item, lines: Line[]): boolean {
  for (let i = lines.length - 2; i >= 0 && lines[i].start > sibling.start; i--) {
    const l = lines[i];
    if (!l.blank && l.kind === 'prose') return false;
  }
  return true;
}

/** A heading's section runs to the next heading of the same or a higher level. */
export function closeSections(items: Item[], textEnd: number) {
  const headings = items.filter((i) => i.kind === 'heading');
  headings.forEach((h, k) => {
    const next = headings.slice(k + 1).find((n) => n.level <= h.level);
    h.end = next ? next.start : textEnd;
  });
}
