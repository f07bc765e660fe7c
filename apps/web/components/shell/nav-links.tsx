'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { NavItem } from '@/lib/nav';

const within = (path: string, href: string) =>
  href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);

/**
 * Marks the current page with aria-current so screen readers announce it: the item with the longest
 * href containing the path, so /settings/webhooks is Webhooks, not Account settings as well.
 */
export function NavLinks({ sections }: { sections: { section: string; items: NavItem[] }[] }) {
  const path = usePathname();
  const currentHref = sections
    .flatMap((s) => s.items.map((i) => i.href))
    .filter((href) => within(path, href))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <>
      {sections.map(({ section, items }) => (
        <div key={section} className="mb-4">
          <h2 className="mb-1 px-2 text-xs font-semibold uppercase tracking-wide text-fg-muted">{section}</h2>
          <ul className="flex flex-col gap-0.5">
            {items.map((item) => {
              const current = item.href === currentHref;
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={current ? 'page' : undefined}
                    className={`flex items-center justify-between rounded-md px-2 py-1.5 text-sm ${
                      current ? 'bg-muted font-semibold' : 'hover:bg-muted'
                    }`}
                  >
                    {item.label}
                    {item.soon ? <span className="text-xs text-fg-muted">soon</span> : null}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </>
  );
}
