import type { Mention, ScanStatus } from './visibility-types';

/** 0.4213 → "42%"; null (no answers) → "—". One decimal below 10% so small rates do not read as 0. */
export function pct(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const p = value * 100;
  return p > 0 && p < 10 ? `${p.toFixed(1)}%` : `${Math.round(p)}%`;
}

export const micros = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `$${(v / 1_000_000).toFixed(v < 10_000 ? 4 : 2)}`;

export const num = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined ? '—' : v.toFixed(digits);

export const STATUS_TONE: Record<ScanStatus, 'neutral' | 'ok' | 'danger' | 'accent'> = {
  QUEUED: 'neutral',
  RUNNING: 'accent',
  DONE: 'ok',
  PARTIAL: 'danger',
  FAILED: 'danger',
  CANCELLED: 'neutral',
};

export const STATUS_LABEL: Record<ScanStatus, string> = {
  QUEUED: 'queued',
  RUNNING: 'running',
  DONE: 'done',
  PARTIAL: 'partial',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
};

export interface TextSegment {
  text: string;
  /** The mention this piece belongs to, when it is one. */
  mention?: Mention;
  start: number;
}

/**
 * Cuts an answer into plain and mentioned pieces from the mentions' half-open UTF-16 spans. Spans out of
 * range are clipped, overlapping ones are merged into the first, so every character appears exactly once.
 */
export function segmentText(text: string, mentions: Mention[]): TextSegment[] {
  const spans = mentions
    .flatMap((m) => m.spans.map(([start, end]) => ({ start, end, mention: m })))
    .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TextSegment[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    if (s.start > at) out.push({ text: text.slice(at, s.start), start: at });
    out.push({ text: text.slice(s.start, s.end), mention: s.mention, start: s.start });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), start: at });
  return out;
}

/** Short labels for how a rank was read. */
export const RANK_METHOD: Record<string, string> = {
  numbered_list: 'numbered list',
  bullet_list: 'bullet order',
  heading: 'headings',
  table: 'table rows',
  first_mention: 'first mention',
};

export const sentimentTone = (label: string | undefined) =>
  label === 'positive' ? 'ok' : label === 'negative' ? 'danger' : 'neutral';

/** Keeps `project` (and other chosen params) on links between the visibility tabs. */
export function withQuery(path: string, params: Record<string, string | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
