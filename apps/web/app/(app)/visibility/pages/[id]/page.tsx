import { notFound } from 'next/navigation';
import { RefreshWhile } from '@/components/compliance/refresh-while';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/card';
import { VisibilityTabs } from '@/components/visibility/visibility-tabs';
import { load } from '@/lib/api';
import { ApiError } from '@/lib/errors';
import { guard } from '@/lib/guard';
import { atLeast } from '@/lib/roles';
import type { KnowledgePage } from '../types';
import { PageEditor } from './page-editor';

export const metadata = { title: 'Edit knowledge page · Assay' };

export default async function KnowledgePageEditor({ params }: PageProps<'/visibility/pages/[id]'>) {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const { me } = await guard('viewer');
  let page: KnowledgePage;
  try {
    page = await load<KnowledgePage>(`/v1/knowledge-pages/${id}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
  const drafting = page.generation === 'queued' || page.generation === 'running';
  return (
    <>
      <VisibilityTabs projectId={page.project_id} />
      <PageHeader title={page.title} description={`/${page.slug}`} />
      <RefreshWhile active={drafting} />
      {drafting ? (
        <Alert kind="info">
          Crawling {page.sources?.length ?? 0} source{page.sources?.length === 1 ? '' : 's'} and writing the
          draft… this page updates by itself.
        </Alert>
      ) : (
        <>
          {page.generation === 'failed' || page.error ? (
            <Alert kind={page.generation === 'failed' ? 'error' : 'info'}>{page.error}</Alert>
          ) : null}
          <PageEditor
            initial={page}
            canEdit={atLeast(me.current.role, 'editor')}
            canDelete={atLeast(me.current.role, 'admin')}
          />
        </>
      )}
    </>
  );
}
