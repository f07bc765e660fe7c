/** A draft before it becomes Markdown: the shape both the extractive and the LLM writer produce. */
export interface DraftOutline {
  title: string;
  description: string;
  intro: string[];
  sections: { heading: string; paragraphs: string[]; items: string[] }[];
  faq: { question: string; answer: string }[];
  sources: { url: string; title: string | null }[];
}

export interface Draft {
  title: string;
  description: string;
  bodyMd: string;
  method: 'llm' | 'baseline';
}

export const MAX_TITLE = 120;
export const MAX_DESCRIPTION = 300;

/** Markdown control characters at the start of a line, or inline, that would change the text's meaning. */
export function mdText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/`/g, "'")
    .replace(/\*/g, '\u2217')
    .replace(/\[([^\]]*)\]\(/g, '[$1] (')
    .replace(/^(#{1,6}\s|>\s?|[-+]\s|\d{1,3}[.)]\s)/, '\u200b$1')
    .trim();
}

/** The Markdown body: intro, sections, the visible FAQ (the only Q&A the FAQPage may describe), sources. */
export function assembleMarkdown(outline: DraftOutline): string {
  const out: string[] = [];
  for (const p of outline.intro) out.push(mdText(p));
  for (const s of outline.sections) {
    if (!s.paragraphs.length && !s.items.length) continue;
    out.push(`## ${mdText(s.heading).replace(/\?+$/, '')}`);
    for (const p of s.paragraphs) out.push(mdText(p));
    if (s.items.length) out.push(s.items.map((i) => `- ${mdText(i)}`).join('\n'));
  }
  if (outline.faq.length) {
    out.push('## Frequently asked questions');
    for (const q of outline.faq) {
      const question = mdText(q.question);
      out.push(`### ${question.endsWith('?') ? question : `${question}?`}`, mdText(q.answer));
    }
  }
  if (outline.sources.length) {
    out.push('## Sources');
    out.push(
      outline.sources
        .map((s) => `- [${mdText(s.title ?? s.url).replace(/[[\]]/g, '')}](${encodeURI(decodeURI(s.url))})`)
        .join('\n'),
    );
  }
  return `${out.join('\n\n')}\n`;
}

export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[,;:.\s]+$/, '')}\u2026`;
}
