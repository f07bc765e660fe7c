import type { Role } from '@/lib/types';

export function AccessDenied({ needs, role }: { needs: Role; role: Role | null }) {
  return (
    <div className="rounded-lg border border-border bg-surface p-6">
      <h1 className="text-xl font-semibold">Not available for your role</h1>
      <p className="mt-2 text-sm text-fg-muted">
        This page needs the <strong>{needs}</strong> role or higher; you are{' '}
        <strong>{role ?? 'not a member'}</strong> in this organization. Ask an owner or admin if you need
        access.
      </p>
    </div>
  );
}
