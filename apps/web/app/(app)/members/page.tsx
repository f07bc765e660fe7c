import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { inputClass } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { attempt, load } from '@/lib/api';
import { guard } from '@/lib/guard';
import { atLeast, ROLES } from '@/lib/roles';
import type { Invitation, Member } from '@/lib/types';
import { changeRole, removeMember, revokeInvitation } from './actions';
import { InviteForm } from './invite-form';

export const metadata = { title: 'Members · Assay' };

export default async function MembersPage() {
  const { me } = await guard('viewer');
  const isAdmin = atLeast(me.current.role, 'admin');
  const isOwner = me.current.role === 'owner';
  const [members, invitations] = await Promise.all([
    attempt(load<{ data: Member[] }>('/v1/members')),
    isAdmin ? attempt(load<{ data: Invitation[] }>('/v1/invitations')) : Promise.resolve(null),
  ]);
  const pending = invitations?.data?.data.filter((i) => i.status === 'pending') ?? [];
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Members" description="People in this organization and their roles." />
      {isAdmin ? (
        <Card title="Invite someone" description="They get an email with a link valid for 7 days.">
          <InviteForm canInviteOwner={isOwner} />
        </Card>
      ) : null}
      {invitations ? (
        <Card title="Pending invitations">
          {invitations.error ? <Alert>{invitations.error}</Alert> : null}
          {pending.length === 0 && !invitations.error ? <EmptyState title="No pending invitations" /> : null}
          <ul className="divide-y divide-border">
            {pending.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span>
                  <span className="font-medium">{i.email}</span> <Badge>{i.role}</Badge>
                  <span className="block text-xs text-fg-muted">expires {formatDate(i.expires_at)}</span>
                </span>
                <ActionForm
                  action={revokeInvitation}
                  confirm={`Revoke the invitation for ${i.email}?`}
                  label={`Revoke invitation for ${i.email}`}
                >
                  <input type="hidden" name="id" value={i.id} />
                  <SubmitButton variant="danger" size="sm" aria-label={`Revoke invitation for ${i.email}`}>
                    Revoke
                  </SubmitButton>
                </ActionForm>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card title="Members">
        {members.error ? <Alert>{members.error}</Alert> : null}
        <ul className="divide-y divide-border" aria-label="Members">
          {members.data?.data.map((m) => {
            const self = m.user_id === me.user.id;
            const manageable = isAdmin && !self && (isOwner || m.role !== 'owner');
            return (
              <li
                key={m.user_id}
                className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm"
                data-testid="member-row"
              >
                <span className="min-w-0">
                  <span className="font-medium">{m.name}</span>
                  {self ? <span className="text-fg-muted"> (you)</span> : null}
                  <span className="block truncate text-fg-muted">{m.email}</span>
                </span>
                {manageable ? (
                  <span className="flex flex-wrap items-center gap-2">
                    <ActionForm
                      action={changeRole}
                      className="flex items-center gap-2"
                      label={`Role of ${m.email}`}
                    >
                      <input type="hidden" name="id" value={m.user_id} />
                      <label htmlFor={`role-${m.user_id}`} className="sr-only">
                        Role of {m.email}
                      </label>
                      <select
                        id={`role-${m.user_id}`}
                        name="role"
                        defaultValue={m.role}
                        className={`${inputClass} w-auto py-1`}
                      >
                        {ROLES.filter((r) => isOwner || r !== 'owner').map((r) => (
                          <option key={r} value={r}>
                            {r}
                          </option>
                        ))}
                      </select>
                      <SubmitButton variant="secondary" size="sm" aria-label={`Save role of ${m.email}`}>
                        Save
                      </SubmitButton>
                    </ActionForm>
                    <ActionForm
                      action={removeMember}
                      confirm={`Remove ${m.email} from the organization?`}
                      label={`Remove ${m.email}`}
                    >
                      <input type="hidden" name="id" value={m.user_id} />
                      <SubmitButton variant="danger" size="sm" aria-label={`Remove ${m.email}`}>
                        Remove
                      </SubmitButton>
                    </ActionForm>
                  </span>
                ) : (
                  <Badge>{m.role}</Badge>
                )}
              </li>
            );
          })}
        </ul>
      </Card>
    </div>
  );
}
