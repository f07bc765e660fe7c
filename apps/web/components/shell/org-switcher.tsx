import { switchOrg } from '@/app/(app)/shell-actions';
import { inputClass } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { Membership } from '@/lib/types';

/** A plain form: works without JavaScript and with the keyboard (no auto-submit on change). */
export function OrgSwitcher({ memberships, current }: { memberships: Membership[]; current: string | null }) {
  if (memberships.length === 0) return <p className="text-sm text-fg-muted">No organization</p>;
  return (
    <form action={switchOrg} className="flex items-end gap-2">
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <label htmlFor="org-switcher" className="text-xs font-semibold uppercase tracking-wide text-fg-muted">
          Organization
        </label>
        <select
          id="org-switcher"
          name="org_id"
          defaultValue={current ?? undefined}
          className={`${inputClass} py-1.5`}
        >
          {memberships.map((m) => (
            <option key={m.org_id} value={m.org_id}>
              {m.org_name}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton variant="secondary" size="sm" pendingText="…">
        Switch
      </SubmitButton>
    </form>
  );
}
