import { notFound } from 'next/navigation';
import { PrintButton } from '@/components/compliance/print-button';
import { ReportFindings } from '@/components/compliance/report-findings';
import { SummaryView } from '@/components/compliance/summary-view';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { api } from '@/lib/api';
import { frameworkLabel } from '@/lib/compliance-format';
import type { PublicReport } from '@/lib/compliance-types';
import { ApiError } from '@/lib/errors';

/** A link's report, without sign-in. Unknown, expired and revoked tokens all answer 404. */
async function loadReport(token: string): Promise<PublicReport> {
  if (!/^[\w-]{1,100}$/.test(token)) notFound();
  try {
    return await api<PublicReport>(`/v1/public/reports/${token}`, { anonymous: true });
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 409 || error.status === 410))
      notFound();
    throw error;
  }
}

export default async function SharedReportPage({ params }: PageProps<'/r/[token]'>) {
  const { token } = await params;
  const report = await loadReport(token);
  const names = report.frameworks.map((f) => frameworkLabel(f)).join(', ');
  return (
    <>
      <header className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold sm:text-2xl">{names} compliance report</h1>
        <p className="break-words text-sm text-fg-muted">
          {report.documentName} · {report.organization} · {report.engine} engine
          {report.completedAt ? ` · assessed ${formatDate(report.completedAt)}` : ''}
        </p>
      </header>
      <div className="flex flex-wrap gap-2 print:hidden">
        <a className={buttonClass('secondary')} href={`/r/${token}/pdf`} download>
          Download PDF
        </a>
        <PrintButton />
      </div>
      {report.summary ? (
        <Card title="Summary">
          <SummaryView summary={report.summary} />
        </Card>
      ) : null}
      <ReportFindings findings={report.findings} frameworks={report.frameworks} />
    </>
  );
}
