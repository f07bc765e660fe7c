import type { Metadata } from 'next';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { oidcConfig } from '@/lib/oidc/config';
import { oidcErrorMessage } from '@/lib/oidc/errors';
import { IdpSignIn } from './idp-sign-in';
import { SignInForm } from './signin-form';

export const metadata: Metadata = { title: 'Sign in · Assay' };

export default async function SignInPage({ searchParams }: PageProps<'/signin'>) {
  const q = await searchParams;
  const next = typeof q.next === 'string' ? q.next : '/';
  const idp = oidcConfig();
  const idpError = oidcErrorMessage(q.error);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      {q.expired ? <Alert kind="info">Your session has ended. Please sign in again.</Alert> : null}
      {idpError ? <Alert>{idpError}</Alert> : null}
      <Card>
        {idp ? <IdpSignIn providerName={idp.providerName} next={next} /> : null}
        <SignInForm next={next} />
      </Card>
      <DemoHint />
    </div>
  );
}

/** First run: `npm start` creates a demo account and prints its password in the terminal. */
function DemoHint() {
  return (
    <aside aria-label="Demo account" className="rounded-md border border-border bg-muted px-3 py-2 text-sm">
      <p className="font-medium">Trying Assay locally?</p>
      <p className="text-fg-muted">
        The first <code>npm start</code> creates a demo account: sign in as <code>demo@assay.local</code> with
        the password printed in that terminal (also kept in <code>DATA_DIR/demo-credentials.json</code>).
      </p>
    </aside>
  );
}
