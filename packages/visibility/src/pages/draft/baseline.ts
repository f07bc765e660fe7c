import type { ReadableContent } from '../crawl/readable.ts';
import { assembleMarkdown, clip, type Draft, type DraftOutline, MAX_TITLE } from './assemble.ts';

export interface SourceContent {
  url: string;
  content: ReadableContent;
}

const MAX_BODY_CHARS = 20_000;
const DESCRIPTION_TARGET = 155;

/** The first sentences of a text that fit in `max` characters (at least one sentence, clipped). */
function leadSentences(text: string, max: number): string {
  const sentences = text.match(/[^.!?]+[.!?]+(?:\s|$)|[^.!?]+$/g) ?? [text];
  let out = '';
  for (const s of sentences) {
    if ((out + s).trim().length > max) break;
    out += s;
  }
  return out.trim() || clip(text, max);
}

/**
 * The extractive draft: no text is written, only selected and arranged. The title and description
 * come from the first source, sections follow the sources' own headings, and the FAQ holds only
 * questions the sources answer on the page.
 */
export function draftBaseline(
  sources: SourceContent[],
  wanted: { title?: string; description?: string },
): Draft {
  const first = sources[0]?.content;
  const h1 = first?.blocks.find((b) => b.kind === 'heading' && b.level === 1);
  const title = clip(
    wanted.title ?? (h1?.kind === 'heading' ? h1.text : null) ?? first?.title ?? 'Untitled page',
    MAX_TITLE,
  );
  const firstParagraph = sources
    .flatMap((s) => s.content.blocks)
    .find((b) => b.kind === 'paragraph' && b.text.length >= 40);
  const description =
    wanted.description ??
    first?.description ??
    (firstParagraph?.kind === 'paragraph' ? leadSentences(firstParagraph.text, DESCRIPTION_TARGET) : '');

  const outline: DraftOutline = { title, description, intro: [], sections: [], faq: [], sources: [] };
  const seen = new Set<string>();
  let budget = MAX_BODY_CHARS;
  const take = (text: string) => {
    const key = text.toLowerCase();
    if (seen.has(key) || budget <= 0 || text === description) return false;
    seen.add(key);
    budget -= text.length;
    return true;
  };
  for (const { url, content } of sources) {
    outline.sources.push({ url, title: content.title });
    let section: DraftOutline['sections'][number] | null = null;
    for (const b of content.blocks) {
      if (b.kind === 'heading') {
        if (b.level === 1) continue;
        section = { heading: b.text, paragraphs: [], items: [] };
        outline.sections.push(section);
      } else if (b.kind === 'qa') {
        if (take(b.question)) outline.faq.push({ question: b.question, answer: b.answer });
      } else if (b.kind === 'paragraph') {
        if (!take(b.text)) continue;
        if (section) section.paragraphs.push(b.text);
        else if (outline.intro.length < 3) outline.intro.push(b.text);
        else {
          section = { heading: content.title ?? 'More', paragraphs: [b.text], items: [] };
          outline.sections.push(section);
        }
      } else if (b.kind === 'list') {
        const items = b.items.filter(take);
        if (!items.length) continue;
        if (section) section.items.push(...items);
        else outline.intro.push(...items.map((i) => `${i}`));
      }
    }
  }
  return {
    title,
    description: clip(description, 300),
    bodyMd: assembleMarkdown(outline),
    method: 'baseline',
  };
}
