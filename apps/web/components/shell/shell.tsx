import type { ReactNode } from 'react';
import { signOut } from '@/app/(auth)/actions';
import { Badge } from '@/components/ui/card';
import { SubmitButton } from '@/components/ui/submit-button';
import { NAV } from '@/lib/nav';
import { atLeast } from '@/lib/roles';
import type { Me } from '@/lib/types';
import { NavLinks } from './nav-links';
import { OrgSwitcher } from './org-switcher';
import { ThemeToggle } from './theme-toggle';

/** Pages the role may not use are left out of the navigation (the API refuses them anyway). */
export function Shell({ me, children }: { me: Me; children: ReactNode }) {
  const role = me.current.role;
  const sections = NAV.map((s) => ({ ...s, items: s.items.filter((i) => atLeast(role, i.minRole)) })).filter(
    (s) => s.items.length,
  );
  const sidebar = (
    <div className="flex flex-col gap-5">
      <OrgSwitcher memberships={me.memberships} current={me.current.org_id} />
      <nav aria-label="Main">
        <NavLinks sections={sections} />
      </nav>
    </div>
  );
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-surface focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="flex items-center justify-between gap-2 border-b border-border bg-surface px-4 py-2">
        <span className="font-semibold tracking-tight">Assay</span>
        <div className="flex min-w-0 items-center gap-2">
          <span className="hidden truncate text-sm sm:inline" data-testid="user-name">
            {me.user.name}
          </span>
          <span data-testid="role-badge">
            <Badge tone="accent">{role ?? 'no role'}</Badge>
          </span>
          <ThemeToggle />
          <form action={signOut}>
            <SubmitButton variant="secondary" size="sm" pendingText="Signing out…">
              Sign out
            </SubmitButton>
          </form>
        </div>
      </header>
      <details className="border-b border-border bg-surface px-4 py-2 md:hidden">
        <summary className="cursor-pointer text-sm font-medium">Menu</summary>
        <div className="pt-3">{sidebar}</div>
      </details>
      <div className="mx-auto flex max-w-6xl gap-6 px-4 py-6">
        <aside className="hidden w-56 shrink-0 md:block">{sidebar}</aside>
        <main id="main" className="min-w-0 flex-1">
          {children}
        </main>
      </div>
    </div>
  );
}
