import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { Project } from '@/lib/types';

/** A GET form: the project lives in the URL, so every tab and the back button keep it. */
export function ProjectPicker({
  projects,
  current,
  action,
}: {
  projects: Project[];
  current: string;
  action: string;
}) {
  return (
    <form method="get" action={action} className="flex min-w-0 flex-wrap items-end gap-2">
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor="visibility-project" className="text-sm font-medium">
          Project
        </label>
        <select id="visibility-project" name="project" defaultValue={current} className={inputClass}>
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
