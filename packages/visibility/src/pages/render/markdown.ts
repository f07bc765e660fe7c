/** The Markdown a knowledge page body may use: ATX headings, paragraphs, lists, quotes, code blocks, links. */
export type MdBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'quote'; text: string }
  | { kind: 'code'; text: string };

export function parseMarkdown(md: string): MdBlock[] {
  const lines = md.replace(/\r\n?/g, '\n').split('\n');
  const blocks: MdBlock[] = [];
  let para: string[] = [];
  const endPara = () => {
    if (para.length) blocks.push({ kind: 'paragraph', text: para.join(' ').trim() });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*```/.test(line)) {
      endPara();
      const body: string[] = [];
      for (i++; i < lines.length && !/^\s*```/.test(lines[i]); i++) body.push(lines[i]);
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const heading = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d{1,3}[.)]\s+(.*)$/.exec(line);
    if (heading) {
      endPara();
      blocks.push({ kind: 'heading', level: heading[1].length, text: heading[2] });
    } else if (bullet || numbered) {
      endPara();
      const ordered = !bullet;
      const last = blocks.at(-1);
      const item = (bullet ?? numbered)![1].trim();
      if (last?.kind === 'list' && last.ordered === ordered) last.items.push(item);
      else blocks.push({ kind: 'list', ordered, items: [item] });
    } else if (/^\s*>\s?/.test(line)) {
      endPara();
      const text = line.replace(/^\s*>\s?/, '');
      const last = blocks.at(-1);
      if (last?.kind === 'quote') last.text += ` ${text}`;
      else blocks.push({ kind: 'quote', text });
    } else if (!line.trim()) endPara();
    else {
      const last = blocks.at(-1);
      // A continuation line of a list item (indented) stays with the item.
      if (!para.length && last?.kind === 'list' && /^\s{2,}\S/.test(line))
        last.items[last.items.length - 1] += ` ${line.trim()}`;
      else para.push(line.trim());
    }
  }
  endPara();
  return blocks;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Links may go to http(s), mailto, or paths of the same site; anything else renders as text. */
function safeHref(href: string): string | null {
  const h = href.trim();
  if (/^(https?:\/\/|mailto:)/i.test(h) || /^\/(?!\/)/.test(h) || h.startsWith('#')) return h;
  return null;
}

/** Inline Markdown to HTML; everything is escaped first, so no HTML from the author passes through. */
export function renderInline(text: string): string {
  const codes: string[] = [];
  // Placeholders use private-use characters, removed from the author's text first.
  let s = text.replace(/[\uE000\uE001]/g, '').replace(/`([^`]+)`/g, (_, code: string) => {
    codes.push(`<code>${escapeHtml(code)}</code>`);
    return `\uE000${codes.length - 1}\uE000`;
  });
  const links: string[] = [];
  s = s.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_whole, label: string, href: string) => {
    const safe = safeHref(href);
    links.push(safe ? `<a href="${escapeHtml(safe)}">${emphasis(escapeHtml(label))}</a>` : escapeHtml(label));
    return `\uE001${links.length - 1}\uE001`;
  });
  s = emphasis(escapeHtml(s));
  return s
    .replace(/\uE001(\d+)\uE001/g, (_, n) => links[Number(n)])
    .replace(/\uE000(\d+)\uE000/g, (_, n) => codes[Number(n)]);
}

function emphasis(escaped: string): string {
  return escaped
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*([^*\s][^*]*)\*(?!\w)/g, '$1<em>$2</em>');
}

/** Plain text of inline Markdown: what a reader sees. */
export function plainInline(text: string): string {
  return text
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\[([^\]]+)\]\([^)\s]+\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[^*\w])\*([^*\s][^*]*)\*(?!\w)/g, '$1$2')
    .trim();
}

export function renderMarkdown(md: string): string {
  return parseMarkdown(md)
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return `<h${b.level}>${renderInline(b.text)}</h${b.level}>`;
        case 'paragraph':
          return `<p>${renderInline(b.text)}</p>`;
        case 'quote':
          return `<blockquote><p>${renderInline(b.text)}</p></blockquote>`;
        case 'code':
          return `<pre><code>${escapeHtml(b.text)}</code></pre>`;
        case 'list': {
          const tag = b.ordered ? 'ol' : 'ul';
          return `<${tag}>${b.items.map((i) => `<li>${renderInline(i)}</li>`).join('')}</${tag}>`;
        }
        default:
          return '';
      }
    })
    .join('\n');
}

/** Question headings ending in "?" with the paragraphs under them: the page's visible Q&A. */
export function faqFromMarkdown(md: string): { question: string; answer: string }[] {
  const blocks = parseMarkdown(md);
  const out: { question: string; answer: string }[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind !== 'heading' || b.level < 2 || !/\?\s*$/.test(b.text)) continue;
    const answer: string[] = [];
    for (let j = i + 1; j < blocks.length && blocks[j].kind !== 'heading'; j++) {
      const a = blocks[j];
      if (a.kind === 'paragraph' || a.kind === 'quote') answer.push(plainInline(a.text));
      else if (a.kind === 'list') answer.push(a.items.map(plainInline).join('; '));
    }
    if (answer.length) out.push({ question: plainInline(b.text), answer: answer.join(' ') });
  }
  return out;
}

export function firstHeading(md: string): string | null {
  const h = parseMarkdown(md).find((b) => b.kind === 'heading' && b.level === 1);
  return h && h.kind === 'heading' ? plainInline(h.text) : null;
}
