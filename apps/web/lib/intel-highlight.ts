import { locateQuote } from './evidence';
import type { Occurrence } from './intel-types';

export interface Highlightable {
  id: string;
  sentence: string;
  occurrences: Occurrence[];
  /** Rejected items keep their span (struck through) but not their sentence highlight. */
  status?: string;
}

export interface Segment {
  start: number;
  end: number;
  /** Items whose evidence sentence covers this stretch. */
  sentences: string[];
  /** Items whose value is written here. */
  spans: string[];
  /** Items whose first occurrence starts here: the anchor `#occ-<id>` points at this segment. */
  anchors: string[];
}

/** How far around its first occurrence an item's sentence is looked for (sentences repeat in reports). */
const WINDOW = 2000;

/** Where an item's sentence is in the text: near its first occurrence when it has one, else anywhere. */
export function locateSentence(text: string, item: Highlightable): Occurrence | null {
  const first = item.occurrences[0];
  if (first) {
    const from = Math.max(0, first.start - WINDOW);
    const hit = locateQuote(text.slice(from, Math.min(text.length, first.end + WINDOW)), item.sentence);
    if (hit && hit.start <= first.start - from && hit.end >= first.end - from)
      return { start: hit.start + from, end: hit.end + from };
    if (hit) return { start: hit.start + from, end: hit.end + from };
  }
  return locateQuote(text, item.sentence);
}

interface Edge {
  at: number;
  id: string;
  layer: 'sentences' | 'spans';
  delta: 1 | -1;
}

/**
 * Cuts the report text into stretches that are each covered by the same sentences and indicator spans,
 * in one sweep over the range edges (reports can carry thousands of items).
 */
export function segmentText(text: string, items: Highlightable[]): Segment[] {
  const edges: Edge[] = [];
  const anchorAt = new Map<number, string[]>();
  const add = (id: string, layer: Edge['layer'], r: Occurrence) => {
    const start = Math.max(0, Math.min(text.length, r.start));
    const end = Math.max(start, Math.min(text.length, r.end));
    if (end === start) return;
    edges.push({ at: start, id, layer, delta: 1 }, { at: end, id, layer, delta: -1 });
  };
  for (const item of items) {
    for (const o of item.occurrences) add(item.id, 'spans', o);
    const first = item.occurrences[0];
    if (first && first.start >= 0 && first.start < text.length)
      anchorAt.set(first.start, [...(anchorAt.get(first.start) ?? []), item.id]);
    if (item.status !== 'rejected') {
      const s = locateSentence(text, item);
      if (s) add(item.id, 'sentences', s);
    }
  }
  const cuts = new Set<number>([0, text.length, ...edges.map((e) => e.at), ...anchorAt.keys()]);
  const points = [...cuts].sort((a, b) => a - b);
  edges.sort((a, b) => a.at - b.at);

  const active = { sentences: new Map<string, number>(), spans: new Map<string, number>() };
  const segments: Segment[] = [];
  let e = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    while (e < edges.length && edges[e].at <= start) {
      const { id, layer, delta } = edges[e++];
      const n = (active[layer].get(id) ?? 0) + delta;
      if (n > 0) active[layer].set(id, n);
      else active[layer].delete(id);
    }
    const end = points[i + 1];
    if (end > start)
      segments.push({
        start,
        end,
        sentences: [...active.sentences.keys()],
        spans: [...active.spans.keys()],
        anchors: anchorAt.get(start) ?? [],
      });
  }
  return segments;
}
