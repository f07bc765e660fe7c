'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const TABS = [
  { href: '/visibility', label: 'Dashboard' },
  { href: '/visibility/answers', label: 'Answers' },
  { href: '/visibility/scans', label: 'Scans' },
  { href: '/visibility/import', label: 'Import' },
  { href: '/visibility/setup', label: 'Setup' },
  { href: '/visibility/competitors', label: 'Suggestions' },
  { href: '/visibility/pages', label: 'Knowledge pages' },
];

/** The module's sections; the chosen project travels along in the query string. */
export function VisibilityTabs({ projectId }: { projectId?: string }) {
  const path = usePathname();
  const q = projectId ? `?project=${projectId}` : '';
  return (
    <nav aria-label="Visibility sections" className="relative mb-4 overflow-x-auto border-b border-border">
      <ul className="flex min-w-max gap-1">
        {TABS.map((t) => {
          const current = t.href === '/visibility' ? path === '/visibility' : path.startsWith(t.href);
          return (
            <li key={t.href}>
              <Link
                href={`${t.href}${q}`}
                aria-current={current ? 'page' : undefined}
                className={`inline-block border-b-2 px-3 py-2 text-sm ${
                  current ? 'border-accent font-semibold' : 'border-transparent text-fg-muted hover:text-fg'
                }`}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
