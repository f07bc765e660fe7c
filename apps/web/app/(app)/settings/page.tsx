import { ActionForm } from '@/components/ui/action-form';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { SubmitButton } from '@/components/ui/submit-button';
import { getMe } from '@/lib/api';
import { atLeast } from '@/lib/roles';
import { createOrg, leaveOrg, renameOrg } from './actions';
import { OrgNameForm } from './org-name-form';

export const metadata = { title: 'Account settings · Assay' };

export default async function SettingsPage() {
  const me = await getMe();
  const current = me.memberships.find((m) => m.org_id === me.current.org_id);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Account settings" />
      <Card title="Your account">
        <dl className="grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
          <dt className="text-fg-muted">Name</dt>
          <dd>{me.user.name}</dd>
          <dt className="text-fg-muted">Email</dt>
          <dd className="break-all">{me.user.email}</dd>
          <dt className="text-fg-muted">Member since</dt>
          <dd>{formatDate(me.user.created_at)}</dd>
          <dt className="text-fg-muted">Signed in with</dt>
          <dd>{me.current.method}</dd>
        </dl>
      </Card>
      <Card title="Your organizations">
        <ul className="divide-y divide-border text-sm">
          {me.memberships.map((m) => (
            <li key={m.org_id} className="flex items-center justify-between py-2">
              <span>
                {m.org_name}{' '}
                {m.org_id === me.current.org_id ? <span className="text-fg-muted">(current)</span> : null}
              </span>
              <Badge>{m.role}</Badge>
            </li>
          ))}
        </ul>
      </Card>
      {current && atLeast(current.role, 'admin') ? (
        <Card title="This organization">
          <OrgNameForm
            action={renameOrg}
            label="Organization name"
            submit="Rename"
            defaultValue={current.org_name}
          />
        </Card>
      ) : null}
      <Card title="New organization" description="You will be its owner.">
        <OrgNameForm action={createOrg} label="Name" submit="Create organization" />
      </Card>
      {current ? (
        <Card
          title="Leave this organization"
          description="You lose access to its data. The last owner cannot leave."
        >
          <ActionForm action={leaveOrg} confirm={`Leave ${current.org_name}?`} label="Leave organization">
            <SubmitButton variant="danger">Leave {current.org_name}</SubmitButton>
          </ActionForm>
        </Card>
      ) : null}
    </div>
  );
}
