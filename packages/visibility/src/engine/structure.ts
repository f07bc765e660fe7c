import {
  BOLD_LINE,
  BULLET,
  closeSections,
  FENCE,
  HEADING,
  indentOf,
  LEADING_NUMBER,
  listContinues,
  NUMBERED,
  TABLE_SEPARATOR,
  tableCells,
} from './markdown.ts';
import type { BlockKind } from './types.ts';

export type ItemKind = 'numbered' | 'bullet' | 'heading' | 'table';

/** A list item, heading or table row of a Markdown-ish answer, with its offsets in the text. */
export interface Item {
  id: number;
  kind: ItemKind;
  /** Extent including continuation lines, nested items and, for headings, the whole section. */
  start: number;
  end: number;
  /** The item's first line, and where its content starts after the marker. */
  lineEnd: number;
  contentStart: number;
  indent: number;
  /** The number written before a numbered item or heading (`3.`), if any. */
  number: number | null;
  /** Heading level 1-6; 7 for a line that is bold only (`**HubSpot**`); 0 for other items. */
  level: number;
  /** Table rows: spans of the cell contents. */
  cells: [number, number][];
  header: boolean;
  parent: Item | null;
  /** Items of one list, one table, or sibling headings share a group. */
  group: number;
}

export interface Line {
  start: number;
  end: number;
  kind: BlockKind;
  blank: boolean;
  /** The innermost item the line belongs to. */
  item: Item | null;
}

export interface Structure {
  items: Item[];
  lines: Line[];
}

/** Splits an answer into lines, list items, headings and table rows. */
export function parseStructure(text: string): Structure {
  const items: Item[] = [];
  const lines: Line[] = [];
  let groups = 0;
  let listStack: Item[] = [];
  const headingStack: Item[] = [];
  const headingGroups = new Map<string, number>();
  const lastNumbered = new Map<string, Item>();
  // The last list item per parent and indent; headings and tables end every list.
  const lastSibling = new Map<string, Item>();
  let previousLine: Line | null = null;
  let blankBefore = false;
  let inFence = false;

  const make = (kind: ItemKind, start: number, lineEnd: number, fields: Partial<Item>): Item => {
    const item: Item = {
      id: items.length,
      kind,
      start,
      end: lineEnd,
      lineEnd,
      contentStart: start,
      indent: 0,
      number: null,
      level: 0,
      cells: [],
      header: false,
      parent: null,
      group: -1,
      ...fields,
    };
    items.push(item);
    return item;
  };
  const extend = (item: Item | null, end: number) => {
    for (let it = item; it && it.kind !== 'heading'; it = it.parent) it.end = Math.max(it.end, end);
  };
  const currentHeading = () => headingStack[headingStack.length - 1] ?? null;

  let offset = 0;
  for (const raw of text.split('\n')) {
    const start = offset;
    const end = start + raw.length;
    offset = end + 1;
    const line: Line = { start, end, kind: 'prose', blank: !raw.trim(), item: null };
    lines.push(line);
    if (FENCE.test(raw)) inFence = !inFence;
    if (line.blank) {
      blankBefore = true;
      continue;
    }
    const heading = inFence ? null : HEADING.exec(raw);
    const bold =
      inFence || NUMBERED.test(raw) || (listStack.length && /^\s/.test(raw)) ? null : BOLD_LINE.exec(raw);
    const numbered = inFence ? null : NUMBERED.exec(raw);
    const bullet = inFence || numbered ? null : BULLET.exec(raw);
    const isTable = !inFence && raw.trimStart().startsWith('|');

    if (heading || bold) {
      listStack = [];
      lastSibling.clear();
      const level = heading ? heading[1].length : 7;
      const contentStart = heading ? start + heading[0].length : start + raw.search(/\S/);
      while (headingStack.length && headingStack[headingStack.length - 1].level >= level) headingStack.pop();
      const parent = currentHeading();
      const key = `${parent?.id ?? 'root'}:${level}`;
      if (!headingGroups.has(key)) headingGroups.set(key, groups++);
      const bodyStart = heading ? contentStart : contentStart + 2;
      const num = LEADING_NUMBER.exec(text.slice(bodyStart, end));
      const item = make('heading', start, end, {
        contentStart,
        level,
        parent,
        group: headingGroups.get(key)!,
        number: num ? Number(num[1]) : null,
      });
      headingStack.push(item);
      line.kind = 'heading';
      line.item = item;
    } else if (isTable) {
      listStack = [];
      lastSibling.clear();
      if (TABLE_SEPARATOR.test(raw)) {
        if (previousLine?.item?.kind === 'table') previousLine.item.header = true;
        line.kind = 'table';
        line.item = previousLine?.item ?? null;
      } else {
        const continues = previousLine?.item?.kind === 'table' && !blankBefore;
        const group = continues ? previousLine!.item!.group : groups++;
        const item = make('table', start, end, {
          parent: currentHeading(),
          group,
          cells: tableCells(text, start, end),
        });
        line.kind = 'table';
        line.item = item;
      }
    } else if (numbered || bullet) {
      const match = (numbered ?? bullet)!;
      const indent = indentOf(match[1]);
      while (listStack.length && listStack[listStack.length - 1].indent >= indent) listStack.pop();
      const parentItem = listStack[listStack.length - 1] ?? null;
      const parent = parentItem ?? currentHeading();
      let group: number;
      let number: number | null = null;
      if (numbered) {
        number = Number(numbered[2]);
        const key = `${parentItem?.id ?? 'top'}:${indent}`;
        const last = lastNumbered.get(key);
        group =
          last && (number === last.number! + 1 || (number === 1 && last.number === 1))
            ? last.group
            : groups++;
      } else {
        const sibling = lastSibling.get(`${parent?.id ?? 'root'}:${indent}`);
        group =
          sibling && sibling.kind === 'bullet' && listContinues(sibling, lines) ? sibling.group : groups++;
      }
      const item = make(numbered ? 'numbered' : 'bullet', start, end, {
        contentStart: start + match[0].length,
        indent,
        number,
        parent,
        group,
      });
      if (numbered) lastNumbered.set(`${parentItem?.id ?? 'top'}:${indent}`, item);
      lastSibling.set(`${parent?.id ?? 'root'}:${indent}`, item);
      extend(parentItem, end);
      listStack.push(item);
      line.kind = item.kind;
      line.item = item;
    } else {
      const top = listStack[listStack.length - 1];
      const indent = indentOf(/^\s*/.exec(raw)![0]);
      if (top && (!blankBefore || indent > top.indent)) {
        line.kind = top.kind;
        line.item = top;
        extend(top, end);
      } else {
        listStack = [];
        line.item = currentHeading();
      }
    }
    previousLine = line;
    blankBefore = false;
  }
  closeSections(items, text.length);
  return { items, lines };
}
