/** The small Markdown the agents write (headings, lists, paragraphs), read into blocks React renders as text. */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'paragraph'; text: string };

export function markdownBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  let list: string[] | null = null;
  const flush = () => {
    if (para.length) blocks.push({ kind: 'paragraph', text: para.join(' ') });
    para = [];
    if (list) blocks.push({ kind: 'list', items: list });
    list = null;
  };
  for (const raw of source.split('\n')) {
    const line = raw.trimEnd();
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    if (h) {
      flush();
      blocks.push({ kind: 'heading', level: Math.min(3, h[1].length) as 1 | 2 | 3, text: h[2] });
    } else if (item) {
      if (para.length) {
        blocks.push({ kind: 'paragraph', text: para.join(' ') });
        para = [];
      }
      list ??= [];
      list.push(item[1]);
    } else if (!line.trim()) flush();
    else {
      if (list) {
        blocks.push({ kind: 'list', items: list });
        list = null;
      }
      para.push(line.trim());
    }
  }
  flush();
  return blocks;
}
