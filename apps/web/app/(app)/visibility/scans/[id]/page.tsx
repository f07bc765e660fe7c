import Link from 'next/link';
import { notFound } from 'next/navigation';
import { QueryProvider } from '@/components/query-provider';
import { Card, PageHeader } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { MethodologyNote } from '@/components/visibility/methodology-note';
import { RunProgress } from '@/components/visibility/run-progress';
import { VisibilityTabs } from '@/components/visibility/visibility-tabs';
import { load } from '@/lib/api';
import { ApiError } from '@/lib/errors';
import { guard } from '@/lib/guard';
import { atLeast } from '@/lib/roles';
import type { ScanRun } from '@/lib/visibility-types';

export const metadata = { title: 'Scan run · Visibility · Assay' };

export default async function RunPage({ params }: PageProps<'/visibility/scans/[id]'>) {
  const { id } = await params;
  const { me } = await guard('viewer');
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  let run: ScanRun;
  try {
    run = await load<ScanRun>(`/v1/scan-runs/${id}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
  const m = run.methodology;
  return (
    <div className="flex flex-col gap-4">
      <div>
        <PageHeader
          title={`Scan of ${formatDate(run.created_at)}`}
          description={`Model set ${m.model_set_name}: ${m.prompts.length} prompts × ${m.models.length} models × ${m.samples_per_prompt} samples.`}
        />
        <VisibilityTabs projectId={run.project_id} />
        <Link href={`/visibility/scans?project=${run.project_id}`} className="text-sm text-accent underline">
          All scans
        </Link>
      </div>
      <Card title="Progress">
        <QueryProvider>
          <RunProgress initial={run} canCancel={atLeast(me.current.role, 'editor')} />
        </QueryProvider>
      </Card>
      <Card title="What this run asks">
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
          <ol className="flex list-decimal flex-col gap-1 pl-5 text-sm">
            {m.prompts.map((p) => (
              <li key={p.id}>
                {p.text} {p.topic ? <span className="text-xs text-fg-muted">({p.topic})</span> : null}
              </li>
            ))}
          </ol>
          <MethodologyNote
            m={{
              answers: run.completed_calls,
              imported: 0,
              models: m.models,
              samples: `${m.samples_per_prompt} per prompt`,
              webSearch: m.web_search ? 'on' : 'off',
              sentiment: m.sentiment_model
                ? `${m.sentiment_method} (${m.sentiment_model})`
                : m.sentiment_method,
              period: null,
              lowSampleThreshold: 30,
            }}
          />
        </div>
        <p className="mt-2 text-xs text-fg-muted">
          Brands tracked: {m.brands.map((b) => `${b.name}${b.owned ? ' (yours)' : ''}`).join(', ')}. At most{' '}
          {m.concurrency_per_provider} calls in flight per provider.
        </p>
      </Card>
    </div>
  );
}
