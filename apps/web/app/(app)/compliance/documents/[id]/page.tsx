import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AssessmentStatusBadge, DocumentStatusBadge } from '@/components/compliance/badges';
import { NewAssessmentForm } from '@/components/compliance/new-assessment-form';
import { RefreshWhile } from '@/components/compliance/refresh-while';
import { QueryProvider } from '@/components/query-provider';
import { Alert } from '@/components/ui/alert';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { attempt, load } from '@/lib/api';
import { frameworkLabel, percent } from '@/lib/compliance-format';
import type { Assessment, ComplianceDocument, Framework } from '@/lib/compliance-types';
import { ApiError } from '@/lib/errors';
import { guard } from '@/lib/guard';
import { atLeast } from '@/lib/roles';
import type { Page } from '@/lib/types';
import { formatBytes } from '@/lib/uploads';

export const metadata = { title: 'Document · Compliance · Assay' };

async function loadDocument(id: string): Promise<ComplianceDocument> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  try {
    return await load<ComplianceDocument>(`/v1/compliance/documents/${id}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}

export default async function DocumentPage({ params }: PageProps<'/compliance/documents/[id]'>) {
  const { me } = await guard('viewer');
  const { id } = await params;
  const doc = await loadDocument(id);
  const canEdit = atLeast(me.current.role, 'editor');
  const [frameworks, assessments] = await Promise.all([
    canEdit && doc.status === 'ready'
      ? attempt(load<{ data: Framework[] }>('/v1/compliance/frameworks'))
      : Promise.resolve(null),
    attempt(load<Page<Assessment>>(`/v1/assessments?document_id=${doc.id}&page[size]=100`)),
  ]);
  const busy =
    doc.status === 'processing' || (assessments.data?.data.some((a) => a.status === 'processing') ?? false);
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/compliance?project=${doc.project_id}`} className="text-accent underline">
          Compliance
        </Link>{' '}
        / <span aria-current="page">{doc.filename}</span>
      </nav>
      <PageHeader
        title={doc.filename}
        description={
          <>
            <DocumentStatusBadge status={doc.status} /> {formatBytes(doc.size_bytes)} · uploaded{' '}
            {formatDate(doc.created_at)}
            {doc.title ? ` · “${doc.title}”` : ''}
            {doc.text_chars !== null ? ` · ${doc.text_chars.toLocaleString('en')} characters` : ''}
            {doc.page_count ? ` · ${doc.page_count} pages` : ''}
          </>
        }
      />
      {doc.status === 'failed' ? (
        <Alert>
          {`This document could not be processed: ${doc.error ?? 'unknown error'}`}
          {doc.error_reason ? ` (reason: ${doc.error_reason})` : ''}
        </Alert>
      ) : null}
      {doc.status === 'processing' || doc.status === 'awaiting_upload' ? (
        <Alert kind="info">
          {doc.status === 'processing'
            ? 'Its text is being extracted; this page updates by itself.'
            : 'The file was never uploaded. Upload it again from the Compliance page.'}
        </Alert>
      ) : null}
      {frameworks ? (
        <Card title="New assessment" description="Check the document against one or more frameworks.">
          {frameworks.data ? (
            <QueryProvider>
              <NewAssessmentForm documentId={doc.id} frameworks={frameworks.data.data} />
            </QueryProvider>
          ) : (
            <Alert>{frameworks.error}</Alert>
          )}
        </Card>
      ) : null}
      <Card title="Assessments">
        {assessments.error ? <Alert>{assessments.error}</Alert> : null}
        {assessments.data?.data.length === 0 ? <EmptyState title="Not assessed yet" /> : null}
        <ul className="divide-y divide-border" aria-label="Assessments">
          {assessments.data?.data.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span className="flex flex-wrap items-center gap-2">
                <Link href={`/compliance/assessments/${a.id}`} className="font-medium text-accent underline">
                  {a.frameworks.map((f) => frameworkLabel(f)).join(', ')}
                </Link>
                <AssessmentStatusBadge status={a.status} />
                {a.summary ? <span>coverage {percent(a.summary.overall.coverage)}</span> : null}
              </span>
              <span className="text-xs text-fg-muted">
                {a.engine} engine · {formatDate(a.created_at)}
              </span>
            </li>
          ))}
        </ul>
      </Card>
      <RefreshWhile active={busy} />
    </div>
  );
}
