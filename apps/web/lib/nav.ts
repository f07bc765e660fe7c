import type { Role } from './types';

export interface NavItem {
  href: string;
  label: string;
  /** The weakest role that may open the page (the API enforces the same rule). */
  minRole: Role;
  soon?: boolean;
}

export const NAV: { section: string; items: NavItem[] }[] = [
  {
    section: 'Workspace',
    items: [
      { href: '/', label: 'Dashboard', minRole: 'viewer' },
      { href: '/jobs', label: 'Jobs', minRole: 'viewer' },
      { href: '/members', label: 'Members', minRole: 'viewer' },
    ],
  },
  {
    section: 'Modules',
    items: [
      { href: '/compliance', label: 'Compliance', minRole: 'viewer' },
      { href: '/visibility', label: 'Visibility', minRole: 'viewer' },
      { href: '/intel', label: 'Intel', minRole: 'viewer' },
    ],
  },
  {
    section: 'Administration',
    items: [
      { href: '/api-keys', label: 'API keys', minRole: 'admin' },
      { href: '/audit', label: 'Audit log', minRole: 'admin' },
      { href: '/exports', label: 'Data export', minRole: 'admin' },
      { href: '/billing', label: 'Billing', minRole: 'owner' },
      { href: '/settings/webhooks', label: 'Webhooks', minRole: 'admin' },
    ],
  },
  {
    section: 'You',
    items: [
      { href: '/settings', label: 'Account settings', minRole: 'viewer' },
      { href: '/settings/notifications', label: 'Notifications', minRole: 'viewer' },
    ],
  },
];
