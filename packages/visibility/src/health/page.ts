import { type Attributes, scanHtml } from './markup.ts';

/** What the health checks need to know about a page, read in one pass over its HTML. */
export interface PageFacts {
  lang: string | null;
  title: string | null;
  metas: Attributes[];
  links: Attributes[];
  headings: { level: number; text: string }[];
  images: { src: string; alt: string | null }[];
  anchors: { href: string; text: string; label: string | null }[];
  jsonLd: string[];
  /** Visible body text, whitespace collapsed. */
  text: string;
  wordCount: number;
}

/** Elements whose content is not shown as text. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object']);
/** Elements inside which text runs on without a break (everything else separates words). */
const INLINE = new Set(
  'a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup time u var'.split(
    ' ',
  ),
);

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function readPage(html: string): PageFacts {
  const facts: PageFacts = {
    lang: null,
    title: null,
    metas: [],
    links: [],
    headings: [],
    images: [],
    anchors: [],
    jsonLd: [],
    text: '',
    wordCount: 0,
  };
  const hidden = new Map<string, number>();
  let hiddenDepth = 0;
  let body = '';
  let title: string | null = null;
  let script: string | null = null;
  let heading: { level: number; text: string } | null = null;
  let anchor: { href: string; text: string; label: string | null } | null = null;

  scanHtml(html, {
    open(name, attrs) {
      if (name === 'html' && facts.lang === null && attrs.lang !== undefined) facts.lang = attrs.lang.trim();
      else if (name === 'meta') facts.metas.push(attrs);
      else if (name === 'link') facts.links.push(attrs);
      else if (name === 'title' && facts.title === null) title = '';
      else if (name === 'script' && /^application\/ld\+json\b/i.test((attrs.type ?? '').trim())) script = '';
      else if (/^h[1-6]$/.test(name) && hiddenDepth === 0) heading = { level: Number(name[1]), text: '' };
      else if (name === 'a' && hiddenDepth === 0)
        anchor = { href: attrs.href ?? '', text: '', label: attrs['aria-label'] ?? attrs.title ?? null };
      else if (name === 'img' && hiddenDepth === 0) {
        facts.images.push({ src: attrs.src ?? '', alt: attrs.alt ?? null });
        if (anchor && attrs.alt) anchor.text += ` ${attrs.alt}`;
      }
      if (HIDDEN.has(name)) {
        hidden.set(name, (hidden.get(name) ?? 0) + 1);
        hiddenDepth++;
      }
      if (!INLINE.has(name)) body += ' ';
    },
    close(name) {
      if (name === 'title' && title !== null) {
        facts.title = clean(title);
        title = null;
      } else if (name === 'script' && script !== null) {
        facts.jsonLd.push(script);
        script = null;
      } else if (heading && name === `h${heading.level}`) {
        facts.headings.push({ level: heading.level, text: clean(heading.text) });
        heading = null;
      } else if (name === 'a' && anchor) {
        facts.anchors.push({ ...anchor, text: clean(anchor.text) });
        anchor = null;
      }
      if (HIDDEN.has(name) && (hidden.get(name) ?? 0) > 0) {
        hidden.set(name, hidden.get(name)! - 1);
        hiddenDepth--;
      }
      if (!INLINE.has(name)) body += ' ';
    },
    text(text) {
      if (title !== null) title += text;
      if (script !== null) script += text;
      if (hiddenDepth > 0) return;
      body += text;
      if (heading) heading.text += text;
      if (anchor) anchor.text += text;
    },
  });
  facts.text = clean(body);
  facts.wordCount = facts.text.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return facts;
}
