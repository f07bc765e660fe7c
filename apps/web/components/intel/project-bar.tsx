import { Alert } from '@/components/ui/alert';
import { Card, EmptyState } from '@/components/ui/card';
import type { ProjectChoice } from '@/lib/intel-projects';
import { IntelCreateProjectForm } from './create-project-form';
import { IntelProjectPicker } from './project-picker';

/**
 * The project strip of project-scoped intel pages: an error, a first project to create, or the picker
 * (with "New project" for editors). Pages render their content only when `choice.current` is set.
 */
export function ProjectBar({
  choice,
  path,
  canEdit,
}: {
  choice: ProjectChoice;
  path: string;
  canEdit: boolean;
}) {
  if (choice.error) return <Alert>{`Projects could not be loaded: ${choice.error}`}</Alert>;
  if (!choice.current)
    return (
      <Card title="Create a project" description="Reports, rule sets, agents and feeds belong to a project.">
        {canEdit ? (
          <IntelCreateProjectForm back={path} />
        ) : (
          <EmptyState title="No projects yet">Ask an editor or admin to create one.</EmptyState>
        )}
      </Card>
    );
  return (
    <Card title="Project">
      <div className="flex flex-col gap-3">
        <IntelProjectPicker projects={choice.projects} current={choice.current.id} action={path} />
        {canEdit ? (
          <details>
            <summary className="cursor-pointer text-sm font-medium text-accent">New project</summary>
            <div className="pt-3">
              <IntelCreateProjectForm back={path} />
            </div>
          </details>
        ) : null}
      </div>
    </Card>
  );
}
