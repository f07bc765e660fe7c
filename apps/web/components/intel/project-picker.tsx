import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { Project } from '@/lib/types';

/** A GET form (the project lives in the URL); no auto-submit, so it works the same with a keyboard. */
export function IntelProjectPicker({
  projects,
  current,
  action,
  allowAll = false,
}: {
  projects: Project[];
  current: string | null;
  action: string;
  /** Offers "All projects" (lists that span the organization). */
  allowAll?: boolean;
}) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-2">
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <label htmlFor="intel-project" className="text-sm font-medium">
          Project
        </label>
        <select id="intel-project" name="project" defaultValue={current ?? ''} className={inputClass}>
          {allowAll ? <option value="">All projects</option> : null}
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass('secondary')}>
        Open
      </button>
    </form>
  );
}
