import type { ExtractedDocument, SourceLocation, TextBlock } from '../document.ts';
import { ExtractionError } from './errors.ts';

const BLOCK_SEPARATOR = '\n\n';
const MAX_TITLE_CHARS = 500;

// Soft hyphens, zero-width characters, BOMs and control characters carry no words; dropping them keeps
// quotes copied from the text matchable against what a reader sees.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff\u0000-\u0008\u000e-\u001f\u007f]/g;

// Giant blocks are normalised in slices so a hostile single paragraph is rejected once it passes the
// character limit, instead of first being copied whole by several regex passes.
const SLICE = 1 << 20;

/** Collapses all whitespace to single spaces and removes invisible characters, so blocks are one line. */
export function normalizeWhitespace(text: string, limit = Number.POSITIVE_INFINITY): string {
  if (text.length <= SLICE) return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().normalize('NFC');
  let out = '';
  for (let i = 0; i < text.length && out.length <= limit; i += SLICE) {
    const piece = text
      .slice(i, i + SLICE)
      .replace(INVISIBLE, '')
      .replace(/\s+/g, ' ');
    out += out.endsWith(' ') && piece.startsWith(' ') ? piece.slice(1) : piece;
  }
  return out.length > limit ? out : out.trim().normalize('NFC');
}

/**
 * Accumulates blocks in reading order and lays them out into one text with exact offsets.
 * Counts characters as it goes so a hostile document fails fast with `too_large` instead of exhausting memory.
 */
export class BlockCollector {
  private readonly drafts: Omit<TextBlock, 'start' | 'end'>[] = [];
  private chars = 0;
  private readonly maxChars: number;

  constructor(maxChars: number) {
    this.maxChars = maxChars;
  }

  get size(): number {
    return this.drafts.length;
  }

  /** Normalises text, stopping early (with a result over the limit) once it cannot fit any more. */
  normalize(raw: string): string {
    return normalizeWhitespace(raw, this.maxChars - this.chars);
  }

  add(raw: string, kind: TextBlock['kind'], location: SourceLocation): string {
    const text = this.normalize(raw);
    if (!text) return text;
    this.chars += text.length + BLOCK_SEPARATOR.length;
    if (this.chars > this.maxChars) throw this.tooLarge();
    this.drafts.push({ text, kind, location });
    return text;
  }

  /** Fails early when raw markup alone is far beyond what its text could fit in (markup rarely shrinks 4x). */
  ensureRoomFor(rawLength: number): void {
    if (rawLength > 4 * (this.maxChars - this.chars)) throw this.tooLarge();
  }

  private tooLarge(): ExtractionError {
    return new ExtractionError(
      'too_large',
      `The document has more than ${this.maxChars.toLocaleString('en-US')} characters of text, which is more than can be assessed.`,
    );
  }

  finish(
    format: ExtractedDocument['format'],
    extra: { pageCount?: number; title?: string } = {},
  ): ExtractedDocument {
    const blocks: TextBlock[] = [];
    let offset = 0;
    for (const draft of this.drafts) {
      if (blocks.length) offset += BLOCK_SEPARATOR.length;
      blocks.push({ ...draft, start: offset, end: offset + draft.text.length });
      offset += draft.text.length;
    }
    const doc: ExtractedDocument = {
      format,
      text: this.drafts.map((d) => d.text).join(BLOCK_SEPARATOR),
      blocks,
    };
    if (extra.pageCount !== undefined) doc.pageCount = extra.pageCount;
    const title = extra.title ? normalizeWhitespace(extra.title.slice(0, MAX_TITLE_CHARS)) : '';
    if (title) doc.title = title;
    return doc;
  }
}

/**
 * Tracks the heading path (outermost first). Levels may skip (h1 then h3): a heading closes every open
 * heading at its level or deeper. Paths are shared, never mutated, so consecutive blocks reuse one array.
 */
export class HeadingTracker {
  private stack: { level: number; text: string }[] = [];
  private path: string[] | undefined;

  enter(level: number, text: string): void {
    if (!text) return;
    const kept = this.stack.filter((h) => h.level < level);
    this.stack = [...kept, { level, text }];
    this.path = this.stack.map((h) => h.text);
  }

  location(extra: SourceLocation = {}): SourceLocation {
    return this.path ? { ...extra, headingPath: this.path } : { ...extra };
  }
}
