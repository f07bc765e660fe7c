import Link from 'next/link';
import { AccessDenied } from '@/components/shell/access-denied';
import { Alert } from '@/components/ui/alert';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { attempt, load } from '@/lib/api';
import { guard } from '@/lib/guard';
import type { AuditEntry, Member, Page } from '@/lib/types';
import { AuditFilterForm } from './filter-form';

export const metadata = { title: 'Audit log · Assay' };

const FILTERS = ['action', 'target_type', 'actor_id', 'from', 'to'] as const;
const PAGE_SIZE = 25;

/** datetime-local values have no zone; the form labels them UTC. */
const toIso = (v: string) =>
  Number.isNaN(new Date(`${v}Z`).getTime()) ? v : new Date(`${v}Z`).toISOString();

export default async function AuditPage({ searchParams }: PageProps<'/audit'>) {
  const { me, allowed } = await guard('admin');
  if (!allowed) return <AccessDenied needs="admin" role={me.current.role} />;
  const q = await searchParams;
  const values: Record<string, string> = {};
  const api = new URLSearchParams({ 'page[size]': String(PAGE_SIZE) });
  for (const key of FILTERS) {
    const v = q[key];
    if (typeof v === 'string' && v) {
      values[key] = v;
      api.set(key, key === 'from' || key === 'to' ? toIso(v) : v);
    }
  }
  const cursor = typeof q.cursor === 'string' ? q.cursor : undefined;
  if (cursor) api.set('page[cursor]', cursor);
  const [entries, members] = await Promise.all([
    attempt(load<Page<AuditEntry>>(`/v1/audit-logs?${api}`)),
    attempt(load<{ data: Member[] }>('/v1/members')),
  ]);
  const names = new Map(members.data?.data.map((m) => [m.user_id, m.email]) ?? []);
  const nextHref = entries.data?.meta.next_cursor
    ? `/audit?${new URLSearchParams({ ...values, cursor: entries.data.meta.next_cursor })}`
    : null;
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Audit log" description="Who did what in this organization, newest first." />
      <Card title="Filters">
        <AuditFilterForm values={values} />
      </Card>
      <Card title="Events">
        {entries.error ? <Alert>{entries.error}</Alert> : null}
        {entries.data?.data.length === 0 ? <EmptyState title="No events match these filters" /> : null}
        {entries.data && entries.data.data.length > 0 ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Audit events</caption>
              <thead className="text-xs uppercase text-fg-muted">
                <tr>
                  <th scope="col" className="py-2 pr-3">
                    When
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Action
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Actor
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Target
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {entries.data.data.map((e) => (
                  <tr key={e.id} data-testid="audit-row">
                    <td className="whitespace-nowrap py-2 pr-3">{formatDate(e.created_at)}</td>
                    <td className="py-2 pr-3 font-mono">{e.action}</td>
                    <td className="py-2 pr-3">
                      {e.actor_id
                        ? (names.get(e.actor_id) ?? `${e.actor_type} ${e.actor_id.slice(0, 8)}`)
                        : e.actor_type}
                    </td>
                    <td className="py-2 pr-3">
                      {e.target_type ? `${e.target_type} ${e.target_id?.slice(0, 8) ?? ''}` : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <nav aria-label="Pagination" className="mt-3 flex gap-3 text-sm">
          {cursor ? (
            <Link className="text-accent underline" href={`/audit?${new URLSearchParams(values)}`}>
              First page
            </Link>
          ) : null}
          {nextHref ? (
            <Link className="text-accent underline" href={nextHref}>
              Next page
            </Link>
          ) : null}
        </nav>
      </Card>
    </div>
  );
}
