import Link from 'next/link';
import { AccessDenied } from '@/components/shell/access-denied';
import { Alert } from '@/components/ui/alert';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { SubmitButton } from '@/components/ui/submit-button';
import { attempt, load } from '@/lib/api';
import { guard } from '@/lib/guard';
import { deleteEndpoint, sendTest, setEnabled } from './actions';
import { CreateEndpointForm } from './create-endpoint-form';
import { RowAction } from './row-action';
import type { EventType, WebhookEndpoint } from './types';

export const metadata = { title: 'Webhooks · Assay' };

export default async function WebhooksPage() {
  const { me, allowed } = await guard('admin');
  if (!allowed) return <AccessDenied needs="admin" role={me.current.role} />;
  const [endpoints, types] = await Promise.all([
    attempt(load<{ data: WebhookEndpoint[] }>('/v1/webhooks/endpoints?page[size]=100')),
    attempt(load<{ data: EventType[] }>('/v1/webhooks/event-types')),
  ]);
  const choosable = (types.data?.data ?? []).filter((t) => t.type !== 'webhook.ping');
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Webhooks"
        description="Assay POSTs signed JSON events to these URLs when work finishes or the organization changes. Verify the Assay-Signature header with the endpoint's secret (see the README)."
      />
      <Card title="Add an endpoint">
        {types.error ? <Alert>{types.error}</Alert> : <CreateEndpointForm eventTypes={choosable} />}
      </Card>
      <Card title="Endpoints">
        {endpoints.error ? <Alert>{endpoints.error}</Alert> : null}
        {endpoints.data?.data.length === 0 ? (
          <EmptyState title="No endpoints yet">Add one above to start receiving events.</EmptyState>
        ) : null}
        <ul className="divide-y divide-border" aria-label="Webhook endpoints">
          {endpoints.data?.data.map((e) => (
            <li key={e.id} className="flex flex-col gap-2 py-3 text-sm" data-testid="webhook-row">
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/settings/webhooks/${e.id}`} className="break-all font-medium underline">
                  {e.url}
                </Link>
                {e.enabled ? <Badge tone="ok">enabled</Badge> : <Badge tone="danger">disabled</Badge>}
                <code className="font-mono text-xs text-fg-muted">{e.secret_prefix}…</code>
              </div>
              <p className="text-xs text-fg-muted">
                {e.description ? `${e.description} · ` : ''}events {e.event_types.join(', ')} · last success{' '}
                {formatDate(e.last_success_at)} · last failure {formatDate(e.last_failure_at)}
                {e.consecutive_failures > 0 ? ` · ${e.consecutive_failures} failed in a row` : ''}
              </p>
              {e.disabled_reason ? <Alert kind="info">{e.disabled_reason}</Alert> : null}
              <div className="flex flex-wrap gap-3">
                <RowAction action={setEnabled} label={`${e.enabled ? 'Disable' : 'Enable'} ${e.url}`}>
                  <input type="hidden" name="id" value={e.id} />
                  <input type="hidden" name="enabled" value={e.enabled ? 'false' : 'true'} />
                  <SubmitButton variant="secondary" size="sm">
                    {e.enabled ? 'Disable' : 'Enable'}
                  </SubmitButton>
                </RowAction>
                <RowAction action={sendTest} label={`Send a test event to ${e.url}`}>
                  <input type="hidden" name="id" value={e.id} />
                  <SubmitButton variant="secondary" size="sm" pendingText="Sending…">
                    Send test event
                  </SubmitButton>
                </RowAction>
                <Link href={`/settings/webhooks/${e.id}`} className="self-center text-sm underline">
                  Delivery log
                </Link>
                <RowAction
                  action={deleteEndpoint}
                  label={`Delete ${e.url}`}
                  confirm={`Delete the endpoint ${e.url} and its delivery log?`}
                >
                  <input type="hidden" name="id" value={e.id} />
                  <SubmitButton variant="danger" size="sm">
                    Delete
                  </SubmitButton>
                </RowAction>
              </div>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
