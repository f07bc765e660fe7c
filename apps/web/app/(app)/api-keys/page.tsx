import { AccessDenied } from '@/components/shell/access-denied';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { SubmitButton } from '@/components/ui/submit-button';
import { attempt, load } from '@/lib/api';
import { guard } from '@/lib/guard';
import { atLeast, ROLES } from '@/lib/roles';
import type { ApiKey } from '@/lib/types';
import { revokeKey } from './actions';
import { CreateKeyForm } from './create-key-form';

export const metadata = { title: 'API keys · Assay' };

export default async function ApiKeysPage() {
  const { me, allowed } = await guard('admin');
  if (!allowed) return <AccessDenied needs="admin" role={me.current.role} />;
  const [keys, scopes] = await Promise.all([
    attempt(load<{ data: ApiKey[] }>('/v1/api-keys')),
    attempt(load<{ data: string[] }>('/v1/api-keys/scopes')),
  ]);
  const roles = ROLES.filter((r) => atLeast(me.current.role, r));
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="API keys"
        description="Keys act for this organization with the scopes you give them, limited by their role."
      />
      <Card title="Create a key">
        {scopes.data ? (
          <CreateKeyForm scopes={scopes.data.data} roles={roles} />
        ) : (
          <Alert>{scopes.error}</Alert>
        )}
      </Card>
      <Card title="Keys">
        {keys.error ? <Alert>{keys.error}</Alert> : null}
        {keys.data?.data.length === 0 ? (
          <EmptyState title="No API keys yet">Create one above to call the API from scripts.</EmptyState>
        ) : null}
        <ul className="divide-y divide-border" aria-label="API keys">
          {keys.data?.data.map((k) => (
            <li
              key={k.id}
              className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm"
              data-testid="api-key-row"
            >
              <span className="min-w-0">
                <span className="font-medium">{k.name}</span>{' '}
                <code className="font-mono text-fg-muted">{k.prefix}…</code>{' '}
                {k.revoked_at ? <Badge tone="danger">revoked</Badge> : <Badge tone="ok">active</Badge>}{' '}
                <Badge>{k.role}</Badge>
                <span className="block text-xs text-fg-muted">
                  scopes {k.scopes.join(', ')} · expires {k.expires_at ? formatDate(k.expires_at) : 'never'} ·
                  last used {formatDate(k.last_used_at)}
                </span>
              </span>
              {k.revoked_at ? null : (
                <ActionForm
                  action={revokeKey}
                  confirm={`Revoke “${k.name}”? Requests using it will fail.`}
                  label={`Revoke ${k.name}`}
                >
                  <input type="hidden" name="id" value={k.id} />
                  <SubmitButton variant="danger" size="sm" aria-label={`Revoke ${k.name}`}>
                    Revoke
                  </SubmitButton>
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
