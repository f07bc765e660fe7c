import { Parser } from 'htmlparser2';

/** A unit of readable content, in page order. */
export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'qa'; question: string; answer: string };

export interface ReadableContent {
  title: string | null;
  description: string | null;
  siteName: string | null;
  lang: string | null;
  blocks: Block[];
  /** Characters of block text, for limits and reporting. */
  chars: number;
}

/** Chrome and non-content: nothing inside these is read. */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'object',
  'canvas',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
  'dialog',
]);
const BLOCKS = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'td',
  'th',
  'summary',
  'figcaption',
  'pre',
]);
const MAX_BLOCK_CHARS = 4000;

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

interface Raw {
  tag: string;
  text: string;
  /** Index of the root (main/article/body) region the block sits in. */
  region: number;
}

/**
 * Reads the content a person would read: headings, paragraphs, list items and Q&A pairs (from
 * `<dt>/<dd>`, `<details>/<summary>`, or a question heading followed by its answer), skipping
 * navigation, headers, footers, forms and scripts. Prefers `<main>` or `<article>` when the page has one.
 */
export function extractReadable(html: string): ReadableContent {
  const out: ReadableContent = {
    title: null,
    description: null,
    siteName: null,
    lang: null,
    blocks: [],
    chars: 0,
  };
  const raws: Raw[] = [];
  let skipDepth = 0;
  let current: { tag: string; text: string } | null = null;
  let inTitle = false;
  let title = '';
  let mainDepth = 0;
  let sawMain = false;
  const stack: string[] = [];

  const flush = () => {
    if (current) {
      const text = clean(current.text).slice(0, MAX_BLOCK_CHARS);
      if (text) raws.push({ tag: current.tag, text, region: mainDepth > 0 ? 1 : 0 });
      current = null;
    }
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        stack.push(name);
        if (name === 'html' && attrs.lang) out.lang = attrs.lang.trim() || null;
        if (name === 'title') inTitle = true;
        if (name === 'meta') {
          const key = (attrs.name ?? attrs.property ?? '').toLowerCase();
          if ((key === 'description' || key === 'og:description') && !out.description)
            out.description = clean(attrs.content ?? '') || null;
          if (key === 'og:site_name' && !out.siteName) out.siteName = clean(attrs.content ?? '') || null;
        }
        if (SKIP.has(name)) skipDepth++;
        if (name === 'main' || name === 'article') {
          mainDepth++;
          sawMain = true;
        }
        if (skipDepth > 0) return;
        if (BLOCKS.has(name)) {
          flush();
          current = { tag: name, text: '' };
        } else if (name === 'br' && current) current.text += ' ';
      },
      ontext(text) {
        if (inTitle) title += text;
        if (skipDepth > 0 || !current) return;
        current.text += text;
      },
      onclosetag(name) {
        stack.pop();
        if (name === 'title') inTitle = false;
        if (skipDepth === 0 && BLOCKS.has(name)) flush();
        if (SKIP.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if ((name === 'main' || name === 'article') && mainDepth > 0) {
          flush();
          mainDepth--;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  out.title = clean(title) || null;
  const chosen = sawMain ? raws.filter((r) => r.region === 1) : raws;
  out.blocks = toBlocks(chosen);
  out.chars = out.blocks.reduce((n, b) => n + blockText(b).length, 0);
  return out;
}

export const isQuestion = (text: string) => /\?\s*$/.test(text) && text.length <= 300;

function toBlocks(raws: Raw[]): Block[] {
  const blocks: Block[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < raws.length; i++) {
    const r = raws[i];
    const next = raws[i + 1];
    const answerFollows = next && (next.tag === 'p' || next.tag === 'dd');
    // Q&A: a question as <dt>, <summary> or heading, answered by the next paragraph.
    if (
      (r.tag === 'dt' || r.tag === 'summary' || /^h[2-6]$/.test(r.tag)) &&
      isQuestion(r.text) &&
      answerFollows
    ) {
      blocks.push({ kind: 'qa', question: r.text, answer: next.text });
      i++;
      continue;
    }
    if (seen.has(r.text)) continue;
    seen.add(r.text);
    if (/^h[1-6]$/.test(r.tag)) blocks.push({ kind: 'heading', level: Number(r.tag[1]), text: r.text });
    else if (r.tag === 'li') {
      const last = blocks.at(-1);
      if (last?.kind === 'list') last.items.push(r.text);
      else blocks.push({ kind: 'list', items: [r.text] });
    } else blocks.push({ kind: 'paragraph', text: r.text });
  }
  return blocks;
}

export function blockText(b: Block): string {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return b.text;
    case 'list':
      return b.items.join(' ');
    case 'qa':
      return `${b.question} ${b.answer}`;
  }
}
