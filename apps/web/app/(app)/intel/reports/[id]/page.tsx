import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RefreshWhile } from '@/components/compliance/refresh-while';
import { ReportStatusBadge, TlpBadge } from '@/components/intel/badges';
import { ReportText } from '@/components/intel/report-text';
import { ReviewScreen } from '@/components/intel/review-screen';
import { Alert } from '@/components/ui/alert';
import { Card, PageHeader } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { attempt, load } from '@/lib/api';
import { ApiError } from '@/lib/errors';
import { guard } from '@/lib/guard';
import { loadAll } from '@/lib/intel-load';
import type { Report, ReportText as ReportTextData, ReviewItem } from '@/lib/intel-types';
import { atLeast } from '@/lib/roles';

export const metadata = { title: 'Report · Intel · Assay' };

async function loadReport(id: string): Promise<Report> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  try {
    return await load<Report>(`/v1/intel/reports/${id}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}

const SOURCE: Record<string, string> = {
  text: 'Pasted',
  url: 'Fetched',
  upload: 'Uploaded',
  feed: 'From a feed',
};

export default async function ReportPage({ params }: PageProps<'/intel/reports/[id]'>) {
  const { me } = await guard('viewer');
  const { id } = await params;
  const report = await loadReport(id);
  const canEdit = atLeast(me.current.role, 'editor');
  const ready = report.status === 'review' || report.status === 'completed';
  const [text, items] = ready
    ? await Promise.all([
        attempt(load<ReportTextData>(`/v1/intel/reports/${id}/text`)),
        attempt(loadAll<ReviewItem>(`/v1/intel/reports/${id}/items`)),
      ])
    : [null, null];
  const raw: Record<string, string> = {};
  if (text?.data && items?.data)
    for (const i of items.data.data) {
      const o = i.occurrences[0];
      if (o) raw[i.id] = text.data.text.slice(o.start, o.end);
    }
  const busy = report.status === 'processing' || report.status === 'awaiting_upload';

  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm wrap-anywhere">
        <Link href="/intel" className="text-accent underline">
          Reports
        </Link>{' '}
        / <span aria-current="page">{report.title}</span>
      </nav>
      <PageHeader
        title={report.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <ReportStatusBadge status={report.status} /> <TlpBadge tlp={report.tlp} />
            <span>
              {SOURCE[report.source] ?? report.source} {formatDate(report.created_at)}
              {report.filename ? ` · ${report.filename}` : ''}
              {report.method ? ` · ${report.method} extraction` : ''}
              {report.processed_at ? ` · extracted ${formatDate(report.processed_at)}` : ''}
            </span>
          </span>
        }
      />
      {report.source_url ? (
        <p className="-mt-3 text-sm break-all">
          Source:{' '}
          <a href={report.source_url} rel="noopener noreferrer nofollow" className="text-accent underline">
            {report.source_url}
          </a>
        </p>
      ) : null}
      {busy ? (
        <Alert kind="info">
          {report.status === 'processing'
            ? 'Extracting indicators, actors and techniques. This page updates by itself.'
            : 'The file was never uploaded. Upload it again from the Reports page.'}
        </Alert>
      ) : null}
      {report.status === 'failed' ? (
        <Alert>{`Extraction failed: ${report.error ?? 'unknown error'}`}</Alert>
      ) : null}
      {ready ? (
        <Card
          title="Review"
          description={
            report.status === 'completed'
              ? 'Every item is decided. Accepted items are in your knowledge base.'
              : 'Accept what is right, correct what is close, reject the rest. Only accepted items join your knowledge base.'
          }
        >
          {text?.error ? <Alert>{`The report text could not be loaded: ${text.error}`}</Alert> : null}
          {items?.error ? <Alert>{`The extracted items could not be loaded: ${items.error}`}</Alert> : null}
          {items?.data?.truncated ? (
            <Alert kind="info">
              Only the first 2,000 items are shown; settle the rest with the bulk buttons.
            </Alert>
          ) : null}
          {items?.data ? (
            <ReviewScreen
              reportId={report.id}
              items={items.data.data}
              raw={raw}
              canEdit={canEdit}
              text={text?.data ? <ReportText text={text.data.text} items={items.data.data} /> : null}
            />
          ) : null}
        </Card>
      ) : null}
      <RefreshWhile active={busy} />
    </div>
  );
}
