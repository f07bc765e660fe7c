import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AssessmentProgress } from '@/components/compliance/assessment-progress';
import { AssessmentStatusBadge } from '@/components/compliance/badges';
import { type FindingFilters, FindingsFilter } from '@/components/compliance/findings-filter';
import { type FindingRow, FindingsTable } from '@/components/compliance/findings-table';
import { ReportDownloads } from '@/components/compliance/report-downloads';
import { RerunButton } from '@/components/compliance/rerun-button';
import { ShareDialog } from '@/components/compliance/share-dialog';
import { SummaryView } from '@/components/compliance/summary-view';
import { QueryProvider } from '@/components/query-provider';
import { Alert } from '@/components/ui/alert';
import { Card, PageHeader } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { attempt, load } from '@/lib/api';
import { frameworkLabel, SEVERITIES, STATUSES } from '@/lib/compliance-format';
import type { Assessment, ComplianceDocument, DocumentText, Framework } from '@/lib/compliance-types';
import { ApiError } from '@/lib/errors';
import { evidenceContext, uniqueEvidence } from '@/lib/evidence';
import { guard } from '@/lib/guard';
import { atLeast } from '@/lib/roles';

export const metadata = { title: 'Assessment · Compliance · Assay' };

type Search = Record<string, string | string[] | undefined>;

/** Only known values reach the API; anything else is ignored. */
function readFilters(q: Search): FindingFilters {
  const one = (k: string) => (typeof q[k] === 'string' ? (q[k] as string) : '');
  const out: FindingFilters = {};
  if (/^[\w:.-]{1,80}$/.test(one('framework'))) out.framework = one('framework');
  if ((STATUSES as string[]).includes(one('status'))) out.status = one('status');
  if ((SEVERITIES as string[]).includes(one('severity'))) out.severity = one('severity');
  return out;
}

async function loadAssessment(id: string, filters: FindingFilters): Promise<Assessment> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  try {
    return await load<Assessment>(`/v1/assessments/${id}?${new URLSearchParams({ ...filters })}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}

export default async function AssessmentPage({
  params,
  searchParams,
}: PageProps<'/compliance/assessments/[id]'>) {
  const { me } = await guard('viewer');
  const { id } = await params;
  const filters = readFilters(await searchParams);
  const a = await loadAssessment(id, filters);
  const canEdit = atLeast(me.current.role, 'editor');
  const needsText = a.status === 'completed' && (a.findings ?? []).some((f) => f.evidence.length > 0);
  const [doc, frameworks, text] = await Promise.all([
    attempt(load<ComplianceDocument>(`/v1/compliance/documents/${a.document_id}`)),
    attempt(load<{ data: Framework[] }>('/v1/compliance/frameworks')),
    needsText ? attempt(load<DocumentText>(`/v1/compliance/documents/${a.document_id}/text`)) : null,
  ]);
  const known = frameworks.data?.data;
  const names = a.frameworks.map((f) => frameworkLabel(f, known)).join(', ');
  const docName = doc.data?.filename ?? 'Document';
  const rows: FindingRow[] = (a.findings ?? []).map((f, i) => ({
    key: `${i}-${f.framework}-${f.control_id}`.replace(/[^\w-]/g, '-'),
    finding: f,
    frameworkName: frameworkLabel(f.framework, known),
    contexts: uniqueEvidence(f.evidence).map((e) => evidenceContext(text?.data ?? null, e)),
  }));
  const self = `/compliance/assessments/${a.id}`;

  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/compliance?project=${a.project_id}`} className="text-accent underline">
          Compliance
        </Link>{' '}
        /{' '}
        <Link href={`/compliance/documents/${a.document_id}`} className="break-all text-accent underline">
          {docName}
        </Link>{' '}
        / <span aria-current="page">Assessment</span>
      </nav>
      <PageHeader
        title={`${names} assessment`}
        description={
          <>
            <AssessmentStatusBadge status={a.status} /> {docName} · {a.engine} engine · started{' '}
            {formatDate(a.created_at)}
            {a.completed_at ? ` · completed ${formatDate(a.completed_at)}` : ''}
          </>
        }
      />
      {a.status === 'processing' ? (
        <QueryProvider>
          <AssessmentProgress initial={a} showLink={false} />
        </QueryProvider>
      ) : null}
      {a.status === 'failed' ? <Alert>{`The assessment failed: ${a.error ?? 'unknown error'}`}</Alert> : null}
      {a.status !== 'processing' ? (
        <div className="flex flex-wrap gap-2" data-testid="report-actions">
          {a.status === 'completed' ? <ReportDownloads assessmentId={a.id} /> : null}
          {canEdit && a.status === 'completed' ? (
            <QueryProvider>
              <ShareDialog assessmentId={a.id} />
            </QueryProvider>
          ) : null}
          {canEdit ? <RerunButton assessmentId={a.id} /> : null}
        </div>
      ) : null}
      {a.status === 'completed' && a.summary ? (
        <Card title="Summary">
          <SummaryView summary={a.summary} frameworks={known} />
        </Card>
      ) : null}
      {a.status === 'completed' ? (
        <Card
          title="Findings"
          description={`Showing ${rows.length} of ${a.summary?.overall.total ?? rows.length}. Open a control for its gaps, recommendations and quoted evidence.`}
        >
          <div className="flex flex-col gap-4">
            <FindingsFilter action={self} values={filters} frameworkIds={a.frameworks} frameworks={known} />
            {text?.error ? (
              <Alert kind="info">{`The document’s text could not be loaded, so quotes are shown without their context: ${text.error}`}</Alert>
            ) : null}
            <FindingsTable key={new URLSearchParams({ ...filters }).toString()} rows={rows} />
          </div>
        </Card>
      ) : null}
    </div>
  );
}
