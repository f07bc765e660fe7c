import type { Metadata } from 'next';
import Link from 'next/link';
import { createOrg } from '@/app/(app)/settings/actions';
import { OrgNameForm } from '@/app/(app)/settings/org-name-form';
import { Card } from '@/components/ui/card';
import { SubmitButton } from '@/components/ui/submit-button';
import { getMe } from '@/lib/api';
import { signOut } from '../actions';

export const metadata: Metadata = { title: 'Welcome · Assay' };

/**
 * Where a signed-in user without an organization lands (typically someone new from the identity
 * provider): create one, or join one through an invitation link.
 */
export default async function WelcomePage() {
  const me = await getMe();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Welcome to Assay</h1>
      <p className="text-sm text-fg-muted">
        Signed in as <strong className="text-fg">{me.user.email}</strong>.{' '}
        {me.memberships.length === 0 ? 'You are not in an organization yet.' : null}
      </p>
      <Card title="Create your organization" description="You become its owner and can invite your team.">
        <OrgNameForm action={createOrg} label="Organization name" submit="Create organization" />
      </Card>
      <Card title="Invited to an organization?">
        <p className="text-sm">
          Open the invitation link from your email while signed in as <strong>{me.user.email}</strong>: it
          adds you to that organization. Ask whoever invited you to resend it if the link has expired.
        </p>
      </Card>
      <div className="flex items-center justify-between gap-2 text-sm">
        {me.memberships.length > 0 ? (
          <Link className="text-accent underline" href="/">
            Go to the dashboard
          </Link>
        ) : (
          <span />
        )}
        <form action={signOut}>
          <SubmitButton variant="secondary" size="sm" pendingText="Signing out…">
            Sign out
          </SubmitButton>
        </form>
      </div>
    </div>
  );
}
