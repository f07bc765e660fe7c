import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { getMe } from '@/lib/api';
import { AcceptForm } from './accept-form';

export const metadata = { title: 'Accept invitation · Assay' };

/** Reached from the invitation email; the proxy sends signed-out visitors to sign in first. */
export default async function AcceptPage({ searchParams }: PageProps<'/invitations/accept'>) {
  const q = await searchParams;
  const token = typeof q.token === 'string' ? q.token : '';
  const me = await getMe();
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-md flex-col justify-center gap-4 px-4 py-10">
      <h1 className="text-2xl font-semibold">Join an organization</h1>
      <Card>
        {token ? (
          <div className="flex flex-col gap-3">
            <p className="text-sm">
              You are signed in as <strong>{me.user.email}</strong>. The invitation must have been sent to
              this address.
            </p>
            <AcceptForm token={token} />
          </div>
        ) : (
          <Alert>This invitation link is incomplete. Open the link from the email again.</Alert>
        )}
      </Card>
      <p className="text-center text-sm">
        <Link className="text-accent underline" href="/">
          Go to the dashboard
        </Link>
      </p>
    </main>
  );
}
