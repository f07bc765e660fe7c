import { RefreshWhile } from '@/components/compliance/refresh-while';
import { UploadPanel } from '@/components/compliance/upload-panel';
import { QueryProvider } from '@/components/query-provider';
import { Alert } from '@/components/ui/alert';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { attempt, load } from '@/lib/api';
import type { Assessment, ComplianceDocument, Usage } from '@/lib/compliance-types';
import { guard } from '@/lib/guard';
import { atLeast } from '@/lib/roles';
import type { Page, Project } from '@/lib/types';
import { DEFAULT_MAX_BYTES } from '@/lib/uploads';
import { CreateProjectForm } from './create-project-form';
import { DocumentList } from './document-list';
import { ProjectPicker } from './project-picker';

export const metadata = { title: 'Compliance · Assay' };

const DESCRIPTION =
  'Assess policy documents against SOC 2, GDPR, HIPAA and OSCAL catalogs, with quoted evidence per control.';

export default async function CompliancePage({ searchParams }: PageProps<'/compliance'>) {
  const { me } = await guard('viewer');
  const canEdit = atLeast(me.current.role, 'editor');
  const projects = await attempt(load<Page<Project>>('/v1/projects?page[size]=100'));
  if (!projects.data)
    return (
      <>
        <PageHeader title="Compliance" description={DESCRIPTION} />
        <Alert>{projects.error}</Alert>
      </>
    );
  const list = projects.data.data;
  if (list.length === 0)
    return (
      <>
        <PageHeader title="Compliance" description={DESCRIPTION} />
        <Card title="Create a project" description="Documents and their assessments belong to a project.">
          {canEdit ? (
            <CreateProjectForm />
          ) : (
            <EmptyState title="No projects yet">Ask an editor or admin to create one.</EmptyState>
          )}
        </Card>
      </>
    );

  const q = await searchParams;
  const project = list.find((p) => p.id === q.project) ?? list[0];
  const [documents, assessments, usage] = await Promise.all([
    attempt(
      load<Page<ComplianceDocument>>(`/v1/compliance/documents?project_id=${project.id}&page[size]=100`),
    ),
    attempt(load<Page<Assessment>>(`/v1/assessments?project_id=${project.id}&page[size]=100`)),
    canEdit ? attempt(load<Usage>('/v1/usage')) : Promise.resolve(null),
  ]);
  const maxBytes =
    usage?.data?.metrics.find((m) => m.metric === 'compliance.max_document_bytes')?.limit ??
    DEFAULT_MAX_BYTES;
  const busy =
    documents.data?.data.some((d) => d.status === 'processing') ||
    assessments.data?.data.some((a) => a.status === 'processing') ||
    false;

  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Compliance" description={DESCRIPTION} />
      <Card title="Project">
        <div className="flex flex-col gap-3">
          <ProjectPicker projects={list} current={project.id} />
          {canEdit ? (
            <details>
              <summary className="cursor-pointer text-sm font-medium text-accent">New project</summary>
              <div className="pt-3">
                <CreateProjectForm />
              </div>
            </details>
          ) : null}
        </div>
      </Card>
      {canEdit ? (
        <Card
          title="Upload a policy"
          description={`Into ${project.name}. Its text is extracted, then you can assess it.`}
        >
          <QueryProvider>
            <UploadPanel projectId={project.id} maxBytes={maxBytes} />
          </QueryProvider>
        </Card>
      ) : null}
      <Card title="Documents" description={`In ${project.name}, newest first.`}>
        {documents.error ? <Alert>{documents.error}</Alert> : null}
        {assessments.error ? <Alert>{`Assessments could not be loaded: ${assessments.error}`}</Alert> : null}
        {documents.data ? (
          <DocumentList
            documents={documents.data.data}
            assessments={assessments.data?.data ?? []}
            canDelete={atLeast(me.current.role, 'admin')}
          />
        ) : null}
        <RefreshWhile active={busy} />
      </Card>
    </div>
  );
}
