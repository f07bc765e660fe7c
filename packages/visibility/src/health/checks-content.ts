import type { CheckDefinition } from './types.ts';

export const TITLE_LENGTH = { min: 10, max: 60 };
export const DESCRIPTION_LENGTH = { min: 50, max: 160 };
export const MIN_WORDS = 300;
/** Link texts that say nothing about the target, for readers and for models alike. */
const GENERIC_LINK_TEXT = new Set([
  'click here',
  'here',
  'click',
  'read more',
  'more',
  'learn more',
  'this link',
  'link',
  'this',
  'see more',
  'go',
  'continue',
]);

function length(text: string): number {
  return [...text].length;
}

export const contentChecks: CheckDefinition[] = [
  {
    id: 'single_h1',
    category: 'content',
    weight: 6,
    run: ({ page }) => {
      const h1 = page.headings.filter((h) => h.level === 1);
      return {
        passed: h1.length === 1 && h1[0].text.length > 0,
        message:
          h1.length === 1
            ? h1[0].text
              ? 'Exactly one H1.'
              : 'The H1 is empty.'
            : `${h1.length} H1 headings; a page should have exactly one.`,
        details: { h1: h1.map((h) => h.text) },
      };
    },
  },
  {
    id: 'heading_order',
    category: 'content',
    weight: 4,
    run: ({ page }) => {
      const skips: { from: string; to: string; heading: string }[] = [];
      let previous = 0;
      for (const h of page.headings) {
        if (previous && h.level > previous + 1)
          skips.push({ from: `h${previous}`, to: `h${h.level}`, heading: h.text });
        previous = h.level;
      }
      return {
        applicable: page.headings.length > 0,
        passed: skips.length === 0,
        message: skips.length
          ? `Heading levels skip ${skips.map((s) => `${s.from}→${s.to}`).join(', ')}.`
          : 'Heading levels descend without skips.',
        details: { skips, outline: page.headings.map((h) => `h${h.level}`) },
      };
    },
  },
  {
    id: 'title_length',
    category: 'content',
    weight: 5,
    run: ({ page }) => {
      const n = page.title ? length(page.title) : 0;
      const ok = n >= TITLE_LENGTH.min && n <= TITLE_LENGTH.max;
      return {
        passed: ok,
        message: page.title
          ? ok
            ? `Title is ${n} characters.`
            : `Title is ${n} characters; aim for ${TITLE_LENGTH.min}-${TITLE_LENGTH.max}.`
          : 'No <title>.',
        details: { title: page.title, length: n, ...TITLE_LENGTH },
      };
    },
  },
  {
    id: 'meta_description',
    category: 'content',
    weight: 5,
    run: ({ page }) => {
      const meta = page.metas.find((m) => (m.name ?? '').toLowerCase() === 'description');
      const text = (meta?.content ?? '').replace(/\s+/g, ' ').trim();
      const n = length(text);
      const ok = n >= DESCRIPTION_LENGTH.min && n <= DESCRIPTION_LENGTH.max;
      return {
        passed: ok,
        message: meta
          ? ok
            ? `Meta description is ${n} characters.`
            : `Meta description is ${n} characters; aim for ${DESCRIPTION_LENGTH.min}-${DESCRIPTION_LENGTH.max}.`
          : 'No meta description.',
        details: { description: meta ? text : null, length: n, ...DESCRIPTION_LENGTH },
      };
    },
  },
  {
    id: 'word_count',
    category: 'content',
    weight: 6,
    run: ({ page }) => ({
      passed: page.wordCount >= MIN_WORDS,
      message:
        page.wordCount >= MIN_WORDS
          ? `${page.wordCount} words of visible text.`
          : `Only ${page.wordCount} words of visible text; at least ${MIN_WORDS} give models something to quote.`,
      details: { words: page.wordCount, min: MIN_WORDS },
    }),
  },
  {
    id: 'image_alt',
    category: 'content',
    weight: 3,
    run: ({ page }) => {
      // alt="" is the correct markup for a decorative image; only a missing alt fails.
      const missing = page.images.filter((i) => i.alt === null).map((i) => i.src);
      return {
        applicable: page.images.length > 0,
        passed: missing.length === 0,
        message: page.images.length
          ? missing.length
            ? `${missing.length} of ${page.images.length} images have no alt attribute.`
            : `All ${page.images.length} images have alt text.`
          : 'No images.',
        details: { images: page.images.length, missing_alt: missing.slice(0, 20) },
      };
    },
  },
  {
    id: 'link_text',
    category: 'content',
    weight: 3,
    run: ({ page }) => {
      const bad = page.anchors.filter((a) => {
        const text = (a.text || a.label || '')
          .toLowerCase()
          .replace(/[^\p{L}\p{N} ]/gu, '')
          .trim();
        return !text || GENERIC_LINK_TEXT.has(text);
      });
      return {
        applicable: page.anchors.length > 0,
        passed: bad.length === 0,
        message: bad.length
          ? `${bad.length} links have empty or generic text such as "click here".`
          : 'Link texts describe their targets.',
        details: {
          links: page.anchors.length,
          generic: bad.slice(0, 20).map((a) => ({ href: a.href, text: a.text })),
        },
      };
    },
  },
];
