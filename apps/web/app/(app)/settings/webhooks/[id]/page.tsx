import Link from 'next/link';
import { AccessDenied } from '@/components/shell/access-denied';
import { Alert } from '@/components/ui/alert';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { SubmitButton } from '@/components/ui/submit-button';
import { attempt, load } from '@/lib/api';
import { guard } from '@/lib/guard';
import { redeliver } from '../actions';
import { RowAction } from '../row-action';
import type { Delivery, WebhookEndpoint } from '../types';

export const metadata = { title: 'Webhook deliveries · Assay' };

const tone = (status: Delivery['status']) =>
  status === 'delivered'
    ? 'ok'
    : status === 'failed'
      ? 'danger'
      : status === 'retrying'
        ? 'accent'
        : 'neutral';

export default async function DeliveriesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ cursor?: string; status?: string }>;
}) {
  const { me, allowed } = await guard('admin');
  if (!allowed) return <AccessDenied needs="admin" role={me.current.role} />;
  const { id } = await params;
  const { cursor, status } = await searchParams;
  const query = new URLSearchParams({ 'page[size]': '50' });
  if (cursor) query.set('page[cursor]', cursor);
  if (status) query.set('status', status);
  const [endpoint, deliveries] = await Promise.all([
    attempt(load<WebhookEndpoint>(`/v1/webhooks/endpoints/${encodeURIComponent(id)}`)),
    attempt(
      load<{ data: Delivery[]; meta: { next_cursor: string | null } }>(
        `/v1/webhooks/endpoints/${encodeURIComponent(id)}/deliveries?${query}`,
      ),
    ),
  ]);
  if (endpoint.error) return <Alert>{endpoint.error}</Alert>;
  const next = deliveries.data?.meta.next_cursor;
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Delivery log"
        description={
          <>
            <span className="break-all font-mono">{endpoint.data?.url}</span> ·{' '}
            <Link href="/settings/webhooks" className="underline">
              all endpoints
            </Link>
          </>
        }
      />
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
        {['', 'delivered', 'retrying', 'failed', 'pending', 'skipped'].map((s) => (
          <Link
            key={s || 'all'}
            href={s ? `?status=${s}` : '?'}
            aria-current={(status ?? '') === s ? 'page' : undefined}
            className="rounded-full border border-border px-3 py-1 aria-[current=page]:bg-muted"
          >
            {s || 'all'}
          </Link>
        ))}
      </nav>
      <Card title="Deliveries">
        {deliveries.error ? <Alert>{deliveries.error}</Alert> : null}
        {deliveries.data?.data.length === 0 ? <EmptyState title="Nothing delivered yet" /> : null}
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-fg-muted">
              <tr>
                <th className="py-2 pr-3 font-medium">Event</th>
                <th className="py-2 pr-3 font-medium">Status</th>
                <th className="py-2 pr-3 font-medium">Attempts</th>
                <th className="py-2 pr-3 font-medium">Response</th>
                <th className="py-2 pr-3 font-medium">Latency</th>
                <th className="py-2 pr-3 font-medium">When</th>
                <th className="py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {deliveries.data?.data.map((d) => (
                <tr key={d.id} data-testid="delivery-row" className="align-top">
                  <td className="py-2 pr-3">
                    <span className="font-mono">{d.event_type}</span>
                    <span className="block font-mono text-xs text-fg-muted">{d.event_id}</span>
                  </td>
                  <td className="py-2 pr-3">
                    <Badge tone={tone(d.status)}>{d.status}</Badge>
                    {d.next_attempt_at ? (
                      <span className="block text-xs text-fg-muted">
                        next {formatDate(d.next_attempt_at)}
                      </span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-3">{d.attempts}</td>
                  <td className="max-w-xs py-2 pr-3">
                    {d.last_response_code ?? '—'}
                    {d.last_error ? <span className="block text-xs text-danger">{d.last_error}</span> : null}
                    {d.last_response_body ? (
                      <code
                        className="block truncate font-mono text-xs text-fg-muted"
                        title={d.last_response_body}
                      >
                        {d.last_response_body}
                      </code>
                    ) : null}
                  </td>
                  <td className="py-2 pr-3">
                    {d.last_latency_ms === null ? '—' : `${d.last_latency_ms} ms`}
                  </td>
                  <td className="py-2 pr-3">{formatDate(d.created_at)}</td>
                  <td className="py-2">
                    <RowAction action={redeliver} label={`Redeliver ${d.event_id}`}>
                      <input type="hidden" name="id" value={id} />
                      <input type="hidden" name="delivery_id" value={d.id} />
                      <SubmitButton variant="secondary" size="sm" pendingText="Queuing…">
                        Redeliver
                      </SubmitButton>
                    </RowAction>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {next ? (
          <Link
            href={`?${new URLSearchParams({ cursor: next, ...(status ? { status } : {}) })}`}
            className="mt-3 inline-block text-sm underline"
          >
            Older deliveries
          </Link>
        ) : null}
      </Card>
    </div>
  );
}
