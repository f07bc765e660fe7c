import type { ExtractedDocument, TextBlock } from '../document.ts';
import { BlockCollector, HeadingTracker } from './blocks.ts';
import { ExtractionError } from './errors.ts';
import { scanMarkup } from './markup.ts';

// Tolerant by construction: unclosed and stray tags only move block boundaries. We keep no element
// tree, just counters and a small stack of list/table containers, so any nesting depth is linear.

const IGNORED = new Set(
  'script style nav noscript template svg math iframe object select button title'.split(' '),
);
// Elements whose start or end ends the running block of text.
const BLOCK = new Set(
  [
    'address article aside blockquote body caption dd details div dl dt fieldset figcaption figure',
    'footer form h1 h2 h3 h4 h5 h6 header hr html legend li main ol p pre section summary table tbody',
    'td tfoot th thead tr ul',
  ]
    .join(' ')
    .split(' '),
);
const HEADING = /^h([1-6])$/;
// How far back a closing </ul> or </table> looks for its opener; bounds the work per tag.
const CONTAINER_SEARCH = 64;

type Container = 'list' | 'li' | 'table' | 'cell';

/** Tracks list and table nesting with the implied closes HTML allows (a new <li> ends the previous one). */
class Containers {
  private readonly stack: Container[] = [];

  open(tag: string): void {
    const top = this.stack[this.stack.length - 1];
    if (tag === 'ul' || tag === 'ol') this.stack.push('list');
    else if (tag === 'table') this.stack.push('table');
    else if (tag === 'li') {
      if (top === 'li') this.stack.pop();
      this.stack.push('li');
    } else if (tag === 'td' || tag === 'th' || tag === 'tr') {
      if (top === 'cell') this.stack.pop();
      if (tag !== 'tr') this.stack.push('cell');
    }
  }

  close(tag: string): void {
    const top = this.stack[this.stack.length - 1];
    if (tag === 'li' && top === 'li') this.stack.pop();
    else if ((tag === 'td' || tag === 'th') && top === 'cell') this.stack.pop();
    else if (tag === 'ul' || tag === 'ol') this.popThrough('list');
    else if (tag === 'table') this.popThrough('table');
  }

  kind(): TextBlock['kind'] {
    const top = this.stack[this.stack.length - 1];
    return top === 'li' ? 'list-item' : top === 'cell' ? 'table-cell' : 'paragraph';
  }

  private popThrough(container: Container): void {
    const from = Math.max(0, this.stack.length - CONTAINER_SEARCH);
    const at = this.stack.lastIndexOf(container);
    if (at >= from) this.stack.length = at;
  }
}

export function extractHtml(html: string, options: { maxChars: number }): ExtractedDocument {
  const out = new BlockCollector(options.maxChars);
  const headings = new HeadingTracker();
  const containers = new Containers();
  let headingLevel = 0;
  let ignoredDepth = 0;
  let inTitle = false;
  let title = '';
  let firstH1 = '';
  let buffer = '';

  const flush = () => {
    const text = out.normalize(buffer);
    buffer = '';
    if (!text) return;
    if (!headingLevel) {
      out.add(text, containers.kind(), headings.location());
      return;
    }
    headings.enter(headingLevel, text);
    if (headingLevel === 1 && !firstH1) firstH1 = text;
    out.add(text, 'heading', headings.location());
  };

  scanMarkup(html, 'html', {
    open(name) {
      if (name === 'title' && !title && !ignoredDepth) inTitle = true;
      if (IGNORED.has(name)) ignoredDepth++;
      if (ignoredDepth) return;
      if (name === 'br') buffer += ' ';
      if (!BLOCK.has(name)) return;
      flush();
      // Block content inside a heading ends it: an unclosed <h1> must not swallow the page.
      const level = HEADING.exec(name);
      headingLevel = level ? Number(level[1]) : 0;
      containers.open(name);
    },
    close(name) {
      if (name === 'title') inTitle = false;
      if (IGNORED.has(name)) {
        ignoredDepth = Math.max(0, ignoredDepth - 1);
        return;
      }
      if (ignoredDepth || !BLOCK.has(name)) return;
      flush();
      if (HEADING.test(name)) headingLevel = 0;
      containers.close(name);
    },
    text(text) {
      if (inTitle) title += text;
      else if (!ignoredDepth) buffer += text;
    },
  });
  flush();
  if (out.size === 0) throw new ExtractionError('empty', 'The HTML page contains no readable text.');
  return out.finish('html', { title: title || firstH1 });
}
