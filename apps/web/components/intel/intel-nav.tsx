'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const TABS = [
  { href: '/intel', label: 'Reports' },
  { href: '/intel/indicators', label: 'Indicators' },
  { href: '/intel/actors', label: 'Actors' },
  { href: '/intel/attack', label: 'ATT&CK' },
  { href: '/intel/agents', label: 'Agents' },
  { href: '/intel/trends', label: 'Trends' },
  { href: '/intel/yara', label: 'YARA' },
  { href: '/intel/exports', label: 'Exports' },
  { href: '/intel/search', label: 'Search' },
];

/** The module's sections; the current one is marked with aria-current for screen readers. */
export function IntelNav() {
  const path = usePathname();
  const current = (href: string) =>
    href === '/intel' ? path === '/intel' || path.startsWith('/intel/reports') : path.startsWith(href);
  return (
    <nav aria-label="Intel sections" className="-mx-1 mb-4 overflow-x-auto">
      <ul className="flex min-w-max gap-1 border-b border-border px-1">
        {TABS.map((t) => (
          <li key={t.href}>
            <Link
              href={t.href}
              aria-current={current(t.href) ? 'page' : undefined}
              className={`inline-block border-b-2 px-3 py-2 text-sm ${
                current(t.href)
                  ? 'border-accent font-semibold text-fg'
                  : 'border-transparent text-fg-muted hover:text-fg'
              }`}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
