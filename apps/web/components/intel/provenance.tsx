import Link from 'next/link';
import { EmptyState } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { plural } from '@/lib/intel-format';
import { entityHref, entityLabel, relationPhrase } from '@/lib/intel-links';
import type { Relationship, Source } from '@/lib/intel-types';

/** The reports an entity was accepted from, each with the sentence that backs it. */
export function SourceList({ sources }: { sources: Source[] }) {
  if (sources.length === 0)
    return <EmptyState title="No source reports">Nothing links it to a report yet.</EmptyState>;
  return (
    <ul className="flex flex-col gap-3" aria-label="Source reports">
      {sources.map((s) => (
        <li key={`${s.report_id}-${s.linked_at}`} data-testid="source-report">
          <Link href={`/intel/reports/${s.report_id}`} className="font-medium text-accent underline">
            {s.report_title}
          </Link>{' '}
          <span className="text-xs text-fg-muted">accepted {formatDate(s.linked_at)}</span>
          <blockquote className="mt-1 rounded-md border-l-4 border-accent bg-muted px-3 py-2 text-sm wrap-anywhere">
            {s.sentence}
          </blockquote>
        </li>
      ))}
    </ul>
  );
}

const ATTACK_REFS = new Set(['technique', 'tactic', 'software', 'campaign']);

/** Relationships grouped by what they say ("uses", "indicated by"), the far end linked to its page. */
export function RelationshipList({ relationships }: { relationships: Relationship[] }) {
  if (relationships.length === 0)
    return (
      <EmptyState title="No relationships">
        None of the reviewed reports relates it to anything else yet.
      </EmptyState>
    );
  const groups = new Map<string, Relationship[]>();
  for (const r of relationships) {
    const key = relationPhrase(r.type, r.direction);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return (
    <div className="flex flex-col gap-4">
      {[...groups].map(([phrase, list]) => (
        <section key={phrase} aria-label={phrase}>
          <h3 className="mb-1 text-sm font-semibold capitalize">{phrase}</h3>
          <ul className="divide-y divide-border">
            {list.map((r) => {
              const href = entityHref(r.other.type, r.other.ref);
              return (
                <li key={r.id} className="py-2 text-sm" data-testid="relationship" data-type={r.type}>
                  <span className="text-xs text-fg-muted">{entityLabel(r.other.type)} </span>
                  {href ? (
                    <Link href={href} className="break-all font-medium text-accent underline">
                      {r.other.name}
                    </Link>
                  ) : (
                    <span className="break-all font-medium">{r.other.name}</span>
                  )}
                  {ATTACK_REFS.has(r.other.type) && r.other.name !== r.other.ref ? (
                    <span className="ml-1 font-mono text-xs text-fg-muted">{r.other.ref}</span>
                  ) : null}
                  <span className="block text-xs text-fg-muted">
                    {plural(r.sightings, 'sighting')} · confidence {r.confidence} · last seen{' '}
                    {formatDate(r.last_seen)}
                  </span>
                  {r.evidence.length > 0 ? (
                    <ul className="mt-1 flex flex-col gap-1">
                      {r.evidence.map((e) => (
                        <li key={`${e.report_id}-${e.sentence.slice(0, 40)}`} className="text-xs">
                          <q className="wrap-anywhere">{e.sentence}</q>{' '}
                          <Link href={`/intel/reports/${e.report_id}`} className="text-accent underline">
                            source
                          </Link>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
