import { buttonClass } from '@/components/ui/button';

/**
 * "Sign in with <provider>": a plain link (a top-level GET navigation) to the route that starts the
 * Authorization Code flow. Rendered only when OIDC_ISSUER and OIDC_CLIENT_ID are set.
 */
export function IdpSignIn({ providerName, next }: { providerName: string; next: string }) {
  const href = next === '/' ? '/auth/oidc/start' : `/auth/oidc/start?next=${encodeURIComponent(next)}`;
  return (
    <div className="mb-4 flex flex-col gap-3">
      <a href={href} className={`${buttonClass('secondary')} w-full`}>
        Sign in with {providerName}
      </a>
      <p className="flex items-center gap-2 text-xs uppercase text-fg-muted" aria-hidden="true">
        <span className="h-px flex-1 bg-border" />
        or with a password
        <span className="h-px flex-1 bg-border" />
      </p>
    </div>
  );
}
