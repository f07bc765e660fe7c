import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import type { VisibilityContext } from '@/lib/visibility-context';
import { CreateProjectForm } from './create-project-form';
import { ProjectPicker } from './project-picker';
import { VisibilityTabs } from './visibility-tabs';

/**
 * The visibility page around its content: title, sections, and the project picker. Without a project
 * (none yet, or the list failed) it renders the way to create one instead of the content.
 */
export function VisibilityFrame({
  v,
  title,
  description,
  action,
  children,
}: {
  v: VisibilityContext;
  title: string;
  description: string;
  /** The page the project picker reloads. */
  action: string;
  children: (project: NonNullable<VisibilityContext['project']>) => ReactNode;
}) {
  const header = (
    <>
      <PageHeader title={title} description={description} />
      <VisibilityTabs projectId={v.project?.id} />
    </>
  );
  if (v.error)
    return (
      <>
        {header}
        <Alert>{v.error}</Alert>
      </>
    );
  if (!v.project)
    return (
      <>
        {header}
        <Card title="Create a project" description="Brands, prompts, scans and answers belong to a project.">
          {v.canEdit ? (
            <CreateProjectForm />
          ) : (
            <EmptyState title="No projects yet">Ask an editor or admin to create one.</EmptyState>
          )}
        </Card>
      </>
    );
  return (
    <div className="flex flex-col gap-4">
      <div>
        {header}
        <div className="flex flex-wrap items-end justify-between gap-3">
          <ProjectPicker projects={v.projects} current={v.project.id} action={action} />
          {v.canEdit ? (
            <details className="text-sm">
              <summary className="cursor-pointer font-medium text-accent">New project</summary>
              <div className="pt-3">
                <CreateProjectForm />
              </div>
            </details>
          ) : null}
        </div>
      </div>
      {children(v.project)}
    </div>
  );
}
