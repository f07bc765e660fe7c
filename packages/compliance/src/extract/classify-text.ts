/** Decides whether decoded text is HTML, Markdown or plain text, from its content first. */
export type TextFormat = 'html' | 'markdown' | 'text';

// Looking at the head is enough to classify and keeps the cost flat for huge inputs.
const SAMPLE_CHARS = 64 * 1024;

const HTML_START = /^<(?:!doctype\s+html|html[\s>])/i;
const HTML_TAG =
  /<\/?(?:html|head|body|title|meta|p|div|span|a|h[1-6]|ul|ol|li|table|thead|tbody|tr|td|th|br|hr|img|section|article|header|footer|main|nav|strong|em|b|i|script|style|link|form|blockquote|pre|code)\b[^<>]{0,500}>/gi;

// Strong signals are rare in plain prose; weak ones (bullets, numbered lines) are common in plain text too.
const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+\S/;
const FENCE = /^ {0,3}(?:```|~~~)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const LINK = /\[[^\]\n]{1,200}\]\((?:[^()\s]{1,500})\)/;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S/;
const QUOTE = /^ {0,3}>/;
const EMPHASIS = /(?:\*\*|__)[^\s*_][^*_\n]{0,200}(?:\*\*|__)|`[^`\n]{1,200}`/;
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|/;

/** Skips an XML declaration and comments before the first tag, with indexOf to stay linear. */
function skipPreamble(head: string): string {
  let rest = head;
  for (;;) {
    const close = rest.startsWith('<!--') ? '-->' : rest.startsWith('<?') ? '?>' : '';
    if (!close) return rest;
    const end = rest.indexOf(close);
    if (end < 0) return rest;
    rest = rest.slice(end + close.length).trimStart();
  }
}

export function normalizeDeclaredType(declared: string | undefined): string {
  return (declared ?? '').split(';')[0].trim().toLowerCase();
}

function markdownScore(sample: string): { strong: number; weak: number } {
  let strong = 0;
  let weak = 0;
  let previousWasText = false;
  for (const line of sample.split('\n')) {
    if (ATX_HEADING.test(line) || FENCE.test(line) || TABLE_DELIMITER.test(line)) strong++;
    else if (previousWasText && SETEXT_UNDERLINE.test(line)) strong++;
    if (LINK.test(line)) strong++;
    if (LIST_ITEM.test(line) || QUOTE.test(line) || EMPHASIS.test(line)) weak++;
    previousWasText = line.trim() !== '';
  }
  return { strong, weak };
}

export function classifyText(text: string, declaredType?: string): TextFormat {
  const declared = normalizeDeclaredType(declaredType);
  const sample = text.slice(0, SAMPLE_CHARS).replace(/\r\n?/g, '\n');
  const head = skipPreamble(sample.trimStart());
  const htmlTags = sample.match(HTML_TAG)?.length ?? 0;
  if (HTML_START.test(head)) return 'html';
  const { strong, weak } = markdownScore(sample);
  // Markdown often opens with inline HTML (a centred logo), so markdown structure outweighs tags.
  const looksMarkdown = strong >= 2 || (strong >= 1 && weak >= 1);
  const declaredHtml = declared === 'text/html' || declared === 'application/xhtml+xml';
  if (!looksMarkdown && htmlTags >= 1) {
    if (head.startsWith('<') && htmlTags >= 2) return 'html';
    if (declaredHtml || htmlTags >= Math.max(5, 2 * (strong + weak))) return 'html';
  }
  if (looksMarkdown) return 'markdown';
  const declaredMarkdown = declared === 'text/markdown' || declared === 'text/x-markdown';
  if (declaredMarkdown && strong + weak >= 1) return 'markdown';
  return 'text';
}
