import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { Project } from '@/lib/types';

/** A GET form (the project lives in the URL); no auto-submit, so it works the same with a keyboard. */
export function ProjectPicker({ projects, current }: { projects: Project[]; current: string }) {
  return (
    <form method="get" action="/compliance" className="flex flex-wrap items-end gap-2">
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <label htmlFor="project-picker" className="text-sm font-medium">
          Project
        </label>
        <select id="project-picker" name="project" defaultValue={current} className={inputClass}>
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
