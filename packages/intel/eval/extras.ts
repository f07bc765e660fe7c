import { indexCatalog } from '../src/attack/search.ts';
import type { AttackCatalog } from '../src/attack/types.ts';
import { extractIndicators } from '../src/engine/extract.ts';
import { extractReport } from '../src/engine/index.ts';
import type { IndicatorType } from '../src/engine/types.ts';
import type { CorpusDocument, ValuesByType } from './corpus.ts';
import { type Counts, comparable } from './score.ts';

const keySet = (values: ValuesByType | undefined) =>
  new Set(
    Object.entries(values ?? {}).flatMap(([t, l]) => (l ?? []).map((v) => comparable(t as IndicatorType, v))),
  );

/**
 * How well warnings separate noise from signal: of the benign labels we extract, how many carry a
 * warning; of the true indicators we extract, how many carry one anyway (false alarms).
 */
export function warningQuality(docs: CorpusDocument[]): {
  benignFlagged: number;
  benignSeen: number;
  trueFlagged: number;
  trueSeen: number;
} {
  const out = { benignFlagged: 0, benignSeen: 0, trueFlagged: 0, trueSeen: 0 };
  for (const doc of docs) {
    const benign = keySet(doc.gold.benign);
    const truth = keySet(doc.gold.indicators);
    const flagged = new Map<string, boolean>();
    for (const i of extractIndicators(doc.text, { publisherDomains: doc.gold.publisherDomains })) {
      const k = comparable(i.type, i.value);
      flagged.set(k, (flagged.get(k) ?? false) || i.warnings.length > 0);
    }
    for (const [k, warned] of flagged) {
      if (benign.has(k)) {
        out.benignSeen++;
        if (warned) out.benignFlagged++;
      } else if (truth.has(k)) {
        out.trueSeen++;
        if (warned) out.trueFlagged++;
      }
    }
  }
  return out;
}

/** Threat actor and software names found against the labelled ones, matched by ATT&CK ID. */
export function nameScores(
  docs: CorpusDocument[],
  catalog: AttackCatalog,
): { actors: Counts; software: Counts; unresolved: string[] } {
  const index = indexCatalog(catalog);
  const unresolved: string[] = [];
  const resolve = (names: string[], kind: 'group' | 'software') =>
    new Set(
      names.flatMap((n) => {
        const hit = index.byName(n).find((e) => e.kind === kind);
        if (!hit) unresolved.push(n);
        return hit ? [hit.object.id] : [];
      }),
    );
  const actors = { tp: 0, fp: 0, fn: 0 };
  const software = { tp: 0, fp: 0, fn: 0 };
  const tally = (c: Counts, got: Set<string>, want: Set<string>) => {
    for (const id of got) want.has(id) ? c.tp++ : c.fp++;
    for (const id of want) if (!got.has(id)) c.fn++;
  };
  for (const doc of docs) {
    if (!doc.gold.names) continue;
    const report = extractReport(doc.text, { catalog });
    tally(actors, new Set(report.actors.map((m) => m.id)), resolve(doc.gold.names.actors, 'group'));
    tally(software, new Set(report.software.map((m) => m.id)), resolve(doc.gold.names.software, 'software'));
  }
  return { actors, software, unresolved };
}
