import Link from 'next/link';
import { IndicatorTable } from '@/components/intel/indicator-table';
import { ReportList } from '@/components/intel/report-list';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { attempt, load } from '@/lib/api';
import { guard } from '@/lib/guard';
import { param } from '@/lib/intel-projects';
import type { SearchResults } from '@/lib/intel-types';

export const metadata = { title: 'Search · Intel · Assay' };

const attackHref = (kind: string, id: string) =>
  kind === 'technique' || kind === 'subtechnique' ? `/intel/attack/${encodeURIComponent(id)}` : null;

/** One box over indicators, actors, ATT&CK objects and reports (full-text), the top matches of each. */
export default async function IntelSearchPage({ searchParams }: PageProps<'/intel/search'>) {
  await guard('viewer');
  const q = (param((await searchParams).q) ?? '').trim().slice(0, 200);
  const res = q
    ? await attempt(load<SearchResults>(`/v1/intel/search?${new URLSearchParams({ q, limit: '20' })}`))
    : null;
  const r = res?.data;
  const none = r && !r.indicators.length && !r.actors.length && !r.attack.length && !r.reports.length;
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Search intel"
        description="Indicators, threat actors, ATT&CK techniques and groups, and report text, at once."
      />
      <form
        method="get"
        action="/intel/search"
        aria-label="Search intel"
        className="flex flex-wrap items-end gap-2"
      >
        <div className="min-w-0 flex-1">
          <Field
            label="Search for"
            name="q"
            id="intel-search"
            type="search"
            defaultValue={q}
            maxLength={200}
          />
        </div>
        <Button type="submit">Search</Button>
      </form>
      {res?.error ? <Alert>{res.error}</Alert> : null}
      {none ? <EmptyState title={`Nothing matches “${q}”`} /> : null}
      {r && r.indicators.length > 0 ? (
        <Card title="Indicators">
          <IndicatorTable indicators={r.indicators} caption={`Indicators matching ${q}`} />
        </Card>
      ) : null}
      {r && r.actors.length > 0 ? (
        <Card title="Threat actors">
          <ul className="flex flex-col gap-1 text-sm" aria-label="Matching threat actors">
            {r.actors.map((a) => (
              <li key={a.id}>
                <Link href={`/intel/actors/${a.id}`} className="text-accent underline">
                  {a.name}
                </Link>
                {a.aliases.length ? (
                  <span className="text-xs text-fg-muted"> aka {a.aliases.slice(0, 5).join(', ')}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {r && r.attack.length > 0 ? (
        <Card title="ATT&CK">
          <ul className="flex flex-col gap-1 text-sm" aria-label="Matching ATT&CK objects">
            {r.attack.map((a) => {
              const href = attackHref(a.kind, a.id);
              return (
                <li key={`${a.kind}-${a.id}`}>
                  <span className="font-mono text-xs">{a.id}</span>{' '}
                  {href ? (
                    <Link href={href} className="text-accent underline">
                      {a.name}
                    </Link>
                  ) : (
                    a.name
                  )}{' '}
                  <span className="text-xs text-fg-muted">{a.kind}</span>
                </li>
              );
            })}
          </ul>
        </Card>
      ) : null}
      {r && r.reports.length > 0 ? (
        <Card title="Reports">
          <ReportList reports={r.reports} projectNames={new Map()} />
        </Card>
      ) : null}
    </div>
  );
}
