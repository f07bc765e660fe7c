import Link from 'next/link';
import { Confidence, TlpBadge } from '@/components/intel/badges';
import { Pager } from '@/components/intel/pager';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { Field } from '@/components/ui/field';
import { attempt, load } from '@/lib/api';
import { guard } from '@/lib/guard';
import { plural } from '@/lib/intel-format';
import { param } from '@/lib/intel-projects';
import type { Actor } from '@/lib/intel-types';
import type { Page } from '@/lib/types';

export const metadata = { title: 'Threat actors · Intel · Assay' };

export default async function ActorsPage({ searchParams }: PageProps<'/intel/actors'>) {
  await guard('viewer');
  const q = await searchParams;
  const text = param(q.q)?.slice(0, 200);
  const cursor = param(q.cursor);
  const query = new URLSearchParams({ 'page[size]': '50' });
  if (text) query.set('q', text);
  if (cursor) query.set('page[cursor]', cursor);
  const list = await attempt(load<Page<Actor>>(`/v1/intel/actors?${query}`));
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Threat actors"
        description="Groups named in your reviewed reports, merged by ATT&CK id or name."
      />
      <Card title="Actors">
        <form
          method="get"
          action="/intel/actors"
          aria-label="Search actors"
          className="mb-3 flex flex-wrap items-end gap-2"
        >
          <div className="min-w-0 flex-1">
            <Field
              label="Search names and aliases"
              name="q"
              id="actors-q"
              type="search"
              defaultValue={text ?? ''}
              maxLength={200}
            />
          </div>
          <Button type="submit">Search</Button>
          <a href="/intel/actors" className={buttonClass('ghost')}>
            Clear
          </a>
        </form>
        {list.error ? <Alert>{list.error}</Alert> : null}
        {list.data?.data.length === 0 ? (
          <EmptyState title="No threat actors yet">
            Accept the actors a report names to track them here.
          </EmptyState>
        ) : null}
        <ul className="divide-y divide-border" aria-label="Threat actors">
          {list.data?.data.map((a) => (
            <li key={a.id} className="flex flex-col gap-1 py-3" data-testid="actor-row">
              <span className="flex flex-wrap items-center gap-2">
                <Link href={`/intel/actors/${a.id}`} className="font-medium text-accent underline">
                  {a.name}
                </Link>
                {a.attack_id ? <span className="font-mono text-xs">{a.attack_id}</span> : null}
                <TlpBadge tlp={a.tlp} />
                <Confidence value={a.confidence} />
              </span>
              <span className="text-xs text-fg-muted">
                {a.aliases.length
                  ? `aka ${a.aliases.slice(0, 6).join(', ')}${a.aliases.length > 6 ? '…' : ''} · `
                  : ''}
                {plural(a.sightings, 'report')} · last seen {formatDate(a.last_seen)}
              </span>
            </li>
          ))}
        </ul>
        {list.data ? (
          <Pager
            path="/intel/actors"
            params={text ? { q: text } : {}}
            nextCursor={list.data.meta.next_cursor}
            onFirstPage={!cursor}
            label="Actors"
          />
        ) : null}
      </Card>
    </div>
  );
}
