import Link from 'next/link';
import { RefreshWhile } from '@/components/compliance/refresh-while';
import { Alert } from '@/components/ui/alert';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { VisibilityTabs } from '@/components/visibility/visibility-tabs';
import { attempt, load } from '@/lib/api';
import { guard } from '@/lib/guard';
import { atLeast } from '@/lib/roles';
import type { Page, Project } from '@/lib/types';
import { CheckUrlForm } from './check-url-form';
import { CreatePageForm } from './create-page-form';
import type { KnowledgePage } from './types';

export const metadata = { title: 'Knowledge pages · Visibility · Assay' };

const DESCRIPTION =
  'Pages that teach assistants about your brand: drafted from your own URLs, checked for LLM readiness, published on your knowledge site.';

const METHOD: Record<KnowledgePage['method'], string> = {
  llm: 'AI draft',
  baseline: 'Extractive draft',
  manual: 'Written by hand',
};

export default async function KnowledgePagesPage({ searchParams }: PageProps<'/visibility/pages'>) {
  const q = await searchParams;
  const projectId =
    typeof q.project === 'string' && /^[0-9a-f-]{36}$/i.test(q.project) ? q.project : undefined;
  const { me } = await guard('viewer');
  const canEdit = atLeast(me.current.role, 'editor');
  const [pages, projects, ai] = await Promise.all([
    attempt(
      load<Page<KnowledgePage>>(
        `/v1/knowledge-pages?page[size]=100${projectId ? `&project_id=${projectId}` : ''}`,
      ),
    ),
    attempt(load<Page<Project>>('/v1/projects?page[size]=100')),
    attempt(load<{ available: boolean }>('/v1/ai/settings')),
  ]);
  const busy = pages.data?.data.some((p) => p.generation === 'queued' || p.generation === 'running') ?? false;
  return (
    <>
      <PageHeader title="Knowledge pages" description={DESCRIPTION} />
      <VisibilityTabs projectId={projectId} />
      <RefreshWhile active={busy} />
      <div className="flex flex-col gap-5">
        <Card title="Pages">
          {pages.error ? (
            <Alert>{pages.error}</Alert>
          ) : pages.data?.data.length ? (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="text-fg-muted">
                  <tr>
                    <th className="py-2 pr-3 font-medium">Title</th>
                    <th className="py-2 pr-3 font-medium">Status</th>
                    <th className="py-2 pr-3 font-medium">Health</th>
                    <th className="py-2 pr-3 font-medium">Draft</th>
                    <th className="py-2 font-medium">Updated</th>
                  </tr>
                </thead>
                <tbody>
                  {pages.data.data.map((p) => (
                    <tr key={p.id} className="border-t border-border">
                      <td className="py-2 pr-3">
                        <Link
                          className="font-medium underline-offset-2 hover:underline"
                          href={`/visibility/pages/${p.id}`}
                        >
                          {p.title}
                        </Link>
                        <div className="text-xs text-fg-muted">/{p.slug}</div>
                      </td>
                      <td className="py-2 pr-3">
                        {p.generation === 'queued' || p.generation === 'running' ? (
                          <Badge>Drafting…</Badge>
                        ) : p.generation === 'failed' ? (
                          <Badge tone="danger">Draft failed</Badge>
                        ) : (
                          <Badge tone={p.status === 'PUBLISHED' ? 'ok' : 'neutral'}>
                            {p.status === 'PUBLISHED' ? 'Published' : 'Draft'}
                          </Badge>
                        )}
                      </td>
                      <td className="py-2 pr-3">{p.health_score ?? '–'}</td>
                      <td className="py-2 pr-3">{METHOD[p.method]}</td>
                      <td className="py-2">{formatDate(p.updated_at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <EmptyState title="No knowledge pages yet">Create one from your site's URLs below.</EmptyState>
          )}
        </Card>
        {canEdit ? (
          <Card
            title="New page"
            description="Draft a page from pages you already have, or start from a title."
          >
            {projects.data?.data.length ? (
              <CreatePageForm
                projects={projects.data.data}
                projectId={projectId}
                aiAvailable={ai.data?.available ?? false}
              />
            ) : (
              <EmptyState title="No projects yet">
                Create a project first (<Link href="/compliance">projects</Link> are shared by every module).
              </EmptyState>
            )}
          </Card>
        ) : null}
        <Card
          title="Check any page"
          description="Score a public page (yours or a competitor's) with the same health checks."
        >
          <CheckUrlForm />
        </Card>
      </div>
    </>
  );
}
