import type { AttackMention, ReportExtraction } from '../engine/index.ts';
import type { intelReviewItems } from '../schema.ts';

type ItemInsert = typeof intelReviewItems.$inferInsert;

/** At most this many staged items per report: beyond it a "report" is a dump, not something to review. */
export const MAX_ITEMS = 5000;
// ATT&CK IDs found as indicators are staged once, as the technique or tactic they name.
const SKIP_TYPES = new Set(['attack_technique', 'attack_tactic']);
const MENTION_KIND = {
  techniques: 'technique',
  tactics: 'tactic',
  actors: 'actor',
  software: 'software',
  campaigns: 'campaign',
} as const;

/**
 * Turns one extraction into review items: one per distinct indicator (type + normalised value) or
 * ATT&CK object, keeping the strongest confidence, every warning, the first sentence and the offsets
 * of every occurrence (for highlighting).
 */
export function stageExtraction(orgId: string, reportId: string, extraction: ReportExtraction): ItemInsert[] {
  const items = new Map<string, ItemInsert>();
  for (const i of extraction.indicators) {
    if (SKIP_TYPES.has(i.type)) continue;
    const key = `indicator:${i.type}:${i.value}`;
    const item = items.get(key);
    if (item) {
      item.confidence = Math.max(item.confidence as number, i.confidence);
      item.defanged = item.defanged || i.defanged;
      for (const w of i.warnings) if (!item.warnings?.includes(w)) item.warnings?.push(w);
      item.occurrences?.push({ start: i.start, end: i.end });
      continue;
    }
    items.set(key, {
      orgId,
      reportId,
      kind: 'indicator',
      type: i.type,
      value: i.value,
      confidence: i.confidence,
      warnings: [...i.warnings],
      defanged: i.defanged,
      sentence: i.sentence,
      occurrences: [{ start: i.start, end: i.end }],
    });
  }
  for (const [field, kind] of Object.entries(MENTION_KIND)) {
    for (const m of extraction[field as keyof typeof MENTION_KIND] as AttackMention[]) {
      items.set(`${kind}:${m.id}`, {
        orgId,
        reportId,
        kind,
        type: kind,
        value: m.id,
        name: m.name,
        // An actor the language model named without an ATT&CK entry has its name as value and no id.
        attackId: /^(?:T|TA|G|S|C)\d{4}/.test(m.id) ? m.id : null,
        confidence: m.confidence,
        warnings: m.warnings,
        sentence: m.occurrences[0]?.sentence ?? '',
        occurrences: m.occurrences.map((o) => ({ start: o.start, end: o.end })),
      });
    }
  }
  return [...items.values()].slice(0, MAX_ITEMS);
}
