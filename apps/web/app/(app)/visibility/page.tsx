import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState } from '@/components/ui/card';
import { Comparison } from '@/components/visibility/comparison';
import { DashboardFilter, type DashboardQuery } from '@/components/visibility/dashboard-filter';
import { VisibilityFrame } from '@/components/visibility/frame';
import { DomainTable, GroupRateTable } from '@/components/visibility/group-tables';
import { HeadlineFigures } from '@/components/visibility/headline-figures';
import {
  MethodologyNote,
  MetricDefinitions,
  summaryFromMetrics,
} from '@/components/visibility/methodology-note';
import { PromptTable } from '@/components/visibility/prompt-table';
import { TrendSection } from '@/components/visibility/trend-section';
import { attempt, load } from '@/lib/api';
import { one, visibilityContext } from '@/lib/visibility-context';
import { withQuery } from '@/lib/visibility-format';
import { brandIn, metricSpec, primaryBrand, seriesByBrand, seriesByModel } from '@/lib/visibility-metrics';
import type { VisibilityMetrics } from '@/lib/visibility-types';

export const metadata = { title: 'Visibility · Assay' };

const DESCRIPTION = 'How often, how high and how well assistants mention your brand against its competitors.';
const MAX_MODEL_TRENDS = 6;

function readQuery(q: Record<string, string | string[] | undefined>): DashboardQuery {
  const days = one(q.days);
  const imported = one(q.imported);
  return {
    days: days && ['7', '30', '90', '365'].includes(days) ? days : '30',
    bucket: one(q.bucket) === 'week' ? 'week' : 'day',
    imported: imported === 'exclude' || imported === 'only' ? imported : 'include',
    metric: metricSpec(one(q.metric)).key,
    run: /^[0-9a-f-]{36}$/i.test(one(q.run) ?? '') ? one(q.run) : undefined,
  };
}

export default async function VisibilityDashboard({ searchParams }: PageProps<'/visibility'>) {
  const q = await searchParams;
  const v = await visibilityContext(q);
  const dq = readQuery(q);
  return (
    <VisibilityFrame v={v} title="Visibility" description={DESCRIPTION} action="/visibility">
      {(project) => <Dashboard projectId={project.id} q={dq} />}
    </VisibilityFrame>
  );
}

async function Dashboard({ projectId, q }: { projectId: string; q: DashboardQuery }) {
  const to = new Date();
  const from = new Date(to.getTime() - Number(q.days) * 86_400_000);
  const base: Record<string, string> = {
    project_id: projectId,
    from: from.toISOString(),
    to: to.toISOString(),
    bucket: q.bucket,
    imported: q.imported,
    ...(q.run ? { run_id: q.run } : {}),
  };
  const query = (extra: Record<string, string> = {}) => new URLSearchParams({ ...base, ...extra }).toString();
  const res = await attempt(load<VisibilityMetrics>(`/v1/visibility/metrics?${query()}`));
  if (!res.data) return <Alert>{res.error}</Alert>;
  const metrics = res.data;
  const spec = metricSpec(q.metric);
  const brand = primaryBrand(metrics);
  const exportMetrics = `/visibility/export/metrics?${query()}`;
  const exportAnswers = `/visibility/export/answers?${new URLSearchParams({
    project_id: projectId,
    from: base.from,
    to: base.to,
    ...(q.run ? { run_id: q.run } : {}),
    ...(q.imported === 'include' ? {} : { imported: q.imported === 'only' ? 'true' : 'false' }),
  })}`;
  const filter = (
    <Card title="View">
      <div className="flex flex-col gap-3">
        <DashboardFilter projectId={projectId} q={q} />
        <div className="flex flex-wrap gap-2">
          <a className={buttonClass('secondary', 'sm')} href={exportMetrics} download>
            Export metrics (CSV)
          </a>
          <a className={buttonClass('secondary', 'sm')} href={exportAnswers} download>
            Export answers (CSV)
          </a>
        </div>
      </div>
    </Card>
  );
  if (!brand)
    return (
      <EmptyState title="No brands tracked yet">
        Add your brand and competitors in{' '}
        <Link className="text-accent underline" href={`/visibility/setup?project=${projectId}`}>
          Setup
        </Link>
        .
      </EmptyState>
    );
  if (metrics.overall.answers === 0)
    return (
      <>
        {filter}
        <EmptyState title="No answers in this period">
          <Link className="text-accent underline" href={`/visibility/scans?project=${projectId}`}>
            Run a scan
          </Link>{' '}
          or{' '}
          <Link className="text-accent underline" href={`/visibility/import?project=${projectId}`}>
            import answers
          </Link>{' '}
          collected elsewhere, or widen the period.
        </EmptyState>
      </>
    );

  const models = metrics.by_model.map((g) => g.key).slice(0, MAX_MODEL_TRENDS);
  const perModel = await Promise.all(
    models.map(async (model) => ({
      model,
      metrics: (await attempt(load<VisibilityMetrics>(`/v1/visibility/metrics?${query({ model })}`))).data,
    })),
  );
  const own = brandIn(metrics.overall, brand.id);
  const note = <MethodologyNote m={summaryFromMetrics(metrics.methodology)} />;
  const href = (metric: string) =>
    withQuery('/visibility', {
      project: projectId,
      days: q.days,
      bucket: q.bucket,
      imported: q.imported,
      metric,
      run: q.run,
    });

  return (
    <>
      {filter}
      {metrics.overall.imported_answers === metrics.overall.answers ? (
        <Alert kind="info">
          Every figure on this page comes from imported answers (checks made elsewhere, or the sample data of
          a demo organization), not from scans run here. Open Answers to see their labels.
        </Alert>
      ) : null}
      <Card
        title={`${brand.name} at a glance`}
        description={`Over ${metrics.overall.answers} answers${
          metrics.overall.imported_answers ? `, ${metrics.overall.imported_answers} of them imported` : ''
        }.`}
      >
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
          {own ? <HeadlineFigures b={own} /> : <p className="text-sm">No figures for this brand.</p>}
          {note}
        </div>
      </Card>
      <Card title="Trends" description={`Per ${q.bucket}; hollow points rest on too few answers.`}>
        <TrendSection
          spec={spec}
          byBrand={seriesByBrand(metrics, spec)}
          byModel={seriesByModel(perModel, brand.id, spec)}
          brandName={brand.name}
          hrefFor={href}
        />
        {metrics.by_model.length > MAX_MODEL_TRENDS ? (
          <p className="mt-2 text-xs text-fg-muted">The first {MAX_MODEL_TRENDS} models are drawn.</p>
        ) : null}
      </Card>
      <Card
        title="Competitor comparison"
        description="All tracked brands over the period. Adding a competitor changes every share of voice."
      >
        <div className="flex flex-col gap-4">
          <MethodologyNote m={summaryFromMetrics(metrics.methodology)} compact />
          <Comparison metrics={metrics} projectId={projectId} />
        </div>
      </Card>
      <Card
        title="Prompts"
        description={`${brand.name}’s mention rate per prompt, weakest first. Open one for its answers.`}
      >
        <PromptTable metrics={metrics} brandId={brand.id} projectId={projectId} />
      </Card>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <Card title="By model">
          <GroupRateTable
            groups={metrics.by_model}
            brandId={brand.id}
            heading="Model"
            caption={`${brand.name}'s mention rate per model`}
            linkFor={(model) => withQuery('/visibility/answers', { project: projectId, model })}
          />
        </Card>
        <Card title="By topic">
          <GroupRateTable
            groups={metrics.by_topic}
            brandId={brand.id}
            heading="Topic"
            caption={`${brand.name}'s mention rate per topic`}
          />
        </Card>
      </div>
      <Card
        title="Most cited domains"
        description="Registrable domains the answers cite, classed owned, competitor or third party."
      >
        <DomainTable domains={metrics.overall.top_domains} />
      </Card>
      <Card title="Definitions">
        <MetricDefinitions definitions={metrics.definitions} />
      </Card>
    </>
  );
}
