import type { ExtractedDocument, TextBlock } from '../document.ts';
import { BlockCollector, HeadingTracker } from './blocks.ts';
import { ExtractionError } from './errors.ts';
import { stripInline } from './markdown-inline.ts';
import {
  atxHeading,
  FENCE,
  frontMatter,
  isReferenceDefinition,
  isTableDelimiter,
  isThematicBreak,
  listItem,
  setextLevel,
  splitTableRow,
  stripQuoteMarkers,
} from './markdown-syntax.ts';

// A line-by-line reader rather than a full CommonMark AST: we need headings, paragraphs, list items,
// table cells and code as flat blocks, and a single pass bounds memory and time for hostile input.

export function extractMarkdown(source: string, options: { maxChars: number }): ExtractedDocument {
  const out = new BlockCollector(options.maxChars);
  const headings = new HeadingTracker();
  const lines = source.split(/\r\n?|\n/);
  const front = frontMatter(lines);
  let title = front.title;
  let open: { kind: TextBlock['kind']; lines: string[] } | undefined;
  let inList = false;
  let fence: { marker: string; lines: string[] } | undefined;
  let inComment = false;

  const inline = (raw: string) => {
    out.ensureRoomFor(raw.length);
    return stripInline(raw);
  };
  const flush = () => {
    if (open) out.add(inline(open.lines.join('\n')), open.kind, headings.location());
    open = undefined;
  };
  const heading = (level: number, raw: string) => {
    const text = out.normalize(inline(raw));
    headings.enter(level, text);
    if (level === 1 && text) title ??= text;
    out.add(text, 'heading', headings.location());
  };

  for (let i = front.end; i < lines.length; i++) {
    const raw = lines[i];
    if (fence) {
      const closing = FENCE.exec(raw);
      if (
        closing &&
        closing[1][0] === fence.marker[0] &&
        closing[1].length >= fence.marker.length &&
        !raw.slice(closing[0].length).trim()
      ) {
        out.add(fence.lines.join('\n'), 'paragraph', headings.location());
        fence = undefined;
      } else fence.lines.push(raw);
      continue;
    }
    if (inComment) {
      inComment = !raw.includes('-->');
      continue;
    }
    const line = stripQuoteMarkers(raw);
    const indented = /^(?: {2,}|\t)/.test(line);
    if (!line.trim()) {
      flush();
      continue;
    }
    const fenceOpen = FENCE.exec(line);
    if (fenceOpen) {
      flush();
      fence = { marker: fenceOpen[1], lines: [] };
      continue;
    }
    if (line.trimStart().startsWith('<!--') && !line.includes('-->')) {
      flush();
      inComment = true;
      continue;
    }
    const atx = atxHeading(line);
    if (atx) {
      flush();
      heading(atx.level, atx.text);
      inList = false;
      continue;
    }
    const setext = setextLevel(line);
    if (setext && open?.kind === 'paragraph') {
      const text = open.lines.join(' ');
      open = undefined;
      heading(setext, text);
      continue;
    }
    if (isThematicBreak(line)) {
      flush();
      continue;
    }
    if (!open && line.includes('|') && isTableDelimiter(stripQuoteMarkers(lines[i + 1] ?? ''))) {
      i = readTable(lines, i, (cell) => out.add(inline(cell), 'table-cell', headings.location()));
      inList = false;
      continue;
    }
    if (!open && isReferenceDefinition(line)) continue;
    const item = listItem(line);
    if (item) {
      flush();
      open = { kind: 'list-item', lines: [item.text] };
      inList = true;
    } else if (open) {
      open.lines.push(line);
    } else {
      inList &&= indented;
      open = { kind: inList ? 'list-item' : 'paragraph', lines: [line] };
    }
  }
  if (fence) out.add(fence.lines.join('\n'), 'paragraph', headings.location());
  flush();
  if (out.size === 0) throw new ExtractionError('empty', 'The Markdown document contains no text.');
  return out.finish('markdown', { title });
}

/** Emits the cells of a pipe table starting at `start` (its header row); returns the last line used. */
function readTable(lines: string[], start: number, emit: (cell: string) => void): number {
  for (const cell of splitTableRow(stripQuoteMarkers(lines[start]))) emit(cell);
  let i = start + 2;
  for (; i < lines.length; i++) {
    const row = stripQuoteMarkers(lines[i]);
    if (!row.trim() || !row.includes('|')) break;
    for (const cell of splitTableRow(row)) emit(cell);
  }
  return i - 1;
}
