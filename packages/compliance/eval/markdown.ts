import type { ExtractedDocument, TextBlock } from '../src/document.ts';

type Draft = Pick<TextBlock, 'text' | 'kind'> & { headingPath: string[] };

/**
 * A minimal Markdown/plain-text splitter for the evaluation set, so the eval does not depend on the
 * extract module: `#` lines are headings, `-`/`*`/`1.` lines list items, `|` rows table cells, and
 * blank lines separate paragraphs.
 */
export function markdownToDocument(source: string, title?: string): ExtractedDocument {
  const drafts: Draft[] = [];
  const path: string[] = [];
  let paragraph: string[] = [];
  let item: string[] | undefined;
  const flush = () => {
    if (paragraph.length)
      drafts.push({ text: paragraph.join(' '), kind: 'paragraph', headingPath: [...path] });
    if (item) drafts.push({ text: item.join(' '), kind: 'list-item', headingPath: [...path] });
    paragraph = [];
    item = undefined;
  };
  for (const line of source.split(/\r?\n/)) {
    const trimmed = line.trim();
    const heading = /^(#{1,6})\s+(.*)$/.exec(trimmed);
    const bullet = /^([-*+]|\d+[.)])\s+(.*)$/.exec(trimmed);
    if (!trimmed) flush();
    else if (heading) {
      flush();
      path.splice(heading[1].length - 1, path.length, heading[2].trim());
      drafts.push({ text: heading[2].trim(), kind: 'heading', headingPath: [...path] });
    } else if (bullet) {
      flush();
      item = [bullet[2]];
    } else if (trimmed.startsWith('|')) {
      flush();
      if (/^\|[\s:|-]+\|$/.test(trimmed)) continue;
      for (const cell of trimmed
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim())
        .filter(Boolean))
        drafts.push({ text: cell, kind: 'table-cell', headingPath: [...path] });
    } else if (item && /^\s/.test(line)) item.push(trimmed);
    else if (item) {
      flush();
      paragraph.push(trimmed);
    } else paragraph.push(trimmed);
  }
  flush();
  return assemble(drafts, title);
}

function assemble(drafts: Draft[], title?: string): ExtractedDocument {
  const blocks: TextBlock[] = [];
  let offset = 0;
  for (const { text, kind, headingPath } of drafts) {
    blocks.push({ text, kind, start: offset, end: offset + text.length, location: { headingPath } });
    offset += text.length + 2;
  }
  return { format: 'markdown', text: blocks.map((b) => b.text).join('\n\n'), blocks, title };
}
