import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Markdown } from '@/components/intel/markdown';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { load } from '@/lib/api';
import { ApiError } from '@/lib/errors';
import { apiBase, forwardHeaders } from '@/lib/forward';
import { guard } from '@/lib/guard';
import type { Artifact } from '@/lib/intel-types';

export const metadata = { title: 'Trend report · Intel · Assay' };

async function loadArtifact(id: string): Promise<Artifact> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  try {
    return await load<Artifact>(`/v1/intel/artifacts/${id}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}

/** The artifact's text (Markdown, at most a few kB); null when it cannot be read. */
async function loadText(id: string): Promise<string | null> {
  try {
    const res = await fetch(`${apiBase()}/v1/intel/artifacts/${id}/download`, {
      headers: await forwardHeaders(),
      cache: 'no-store',
    });
    return res.ok ? await res.text() : null;
  } catch {
    return null;
  }
}

export default async function TrendReportPage({ params }: PageProps<'/intel/trends/[id]'>) {
  await guard('viewer');
  const { id } = await params;
  const artifact = await loadArtifact(id);
  const markdown = artifact.content_type.startsWith('text/') ? await loadText(id) : null;
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm wrap-anywhere">
        <Link href={`/intel/trends?project=${artifact.project_id}`} className="text-accent underline">
          Trends
        </Link>{' '}
        / <span aria-current="page">{artifact.title}</span>
      </nav>
      <PageHeader
        title={artifact.title}
        description={`Written ${formatDate(artifact.created_at)}${artifact.method ? ` · ${artifact.method === 'llm' ? 'briefing by a language model' : 'baseline, without a language model'}` : ''}`}
      />
      <div className="-mt-3">
        <a href={`/intel/artifacts/${artifact.id}`} className={buttonClass('secondary', 'sm')} download>
          Download {artifact.filename}
        </a>
      </div>
      <Card>
        {markdown === null ? (
          <Alert>The report’s text could not be loaded. Download it instead.</Alert>
        ) : (
          <Markdown source={markdown} />
        )}
      </Card>
    </div>
  );
}
