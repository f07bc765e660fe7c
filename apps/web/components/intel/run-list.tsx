'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import { cancelRun } from '@/app/(app)/intel/agents/actions';
import { fetchJson } from '@/components/jobs/fetch-json';
import { ActionMessage, Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Badge, EmptyState } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { Progress } from '@/components/ui/progress';
import { describeError } from '@/lib/errors';
import { costOf } from '@/lib/intel-agents';
import { formatCost } from '@/lib/intel-format';
import type { AgentRun, Artifact } from '@/lib/intel-types';
import type { Page } from '@/lib/types';

const TONE = { queued: 'neutral', running: 'accent', completed: 'ok', failed: 'danger' } as const;
const active = (r: AgentRun) => r.status === 'queued' || r.status === 'running';

/** Figures of a run's summary worth a line (counts and lists), skipping its `kind`. */
function summaryLine(summary: Record<string, unknown> | null): string {
  if (!summary) return '';
  return Object.entries(summary)
    .filter(([k, v]) => k !== 'kind' && k !== 'report_ids' && (typeof v === 'number' || Array.isArray(v)))
    .map(([k, v]) => `${k.replace(/_/g, ' ')}: ${Array.isArray(v) ? v.join(', ') || 'none' : v}`)
    .join(' · ');
}

function CancelRun({ run, onDone }: { run: AgentRun; onDone: () => void }) {
  const [pending, start] = useTransition();
  const [state, setState] = useState<{ error?: string; message?: string }>({});
  return (
    <div className="flex flex-col gap-1">
      <div>
        <Button
          size="sm"
          variant="danger"
          disabled={pending}
          onClick={() =>
            start(async () => {
              setState(await cancelRun(run.id));
              onDone();
            })
          }
        >
          {pending ? 'Cancelling…' : 'Cancel run'}
        </Button>
      </div>
      <ActionMessage state={state} />
    </div>
  );
}

/** An agent's runs, refreshed every 2 s while one is queued or running; editors can cancel an active one. */
export function RunList({
  agentId,
  initial,
  artifacts,
  canEdit = false,
}: {
  agentId: string;
  initial: Page<AgentRun>;
  artifacts: Artifact[];
  canEdit?: boolean;
}) {
  const runs = useQuery({
    queryKey: ['agent-runs', agentId],
    queryFn: () => fetchJson<Page<AgentRun>>(`/v1/intel/agents/${agentId}/runs?page[size]=20`),
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.data.some(active) ? 2000 : false),
  });
  const byId = new Map(artifacts.map((a) => [a.id, a]));
  const list = runs.data.data;
  // A finished run names files the page has not loaded yet: reload the page once so they are named.
  const router = useRouter();
  const missing = list.some((r) => r.artifact_ids.some((id) => !byId.has(id)));
  useEffect(() => {
    if (missing) router.refresh();
  }, [missing, router]);
  return (
    <div className="flex flex-col gap-2">
      {runs.error ? <Alert>{`Could not refresh the runs: ${describeError(runs.error)}`}</Alert> : null}
      {list.length === 0 ? (
        <EmptyState title="No runs yet">Run the agent to see its progress and cost.</EmptyState>
      ) : null}
      <ul className="divide-y divide-border" aria-label="Runs" aria-live="polite">
        {list.map((r) => (
          <li key={r.id} className="flex flex-col gap-1.5 py-3" data-testid="run-row" data-status={r.status}>
            <span className="flex flex-wrap items-center gap-2 text-sm">
              <Badge tone={TONE[r.status]}>{r.status}</Badge>
              <span>
                {r.trigger === 'schedule' ? 'scheduled' : 'by hand'} · {formatDate(r.created_at)}
              </span>
              {r.method ? <Badge>{r.method === 'llm' ? 'LLM' : 'baseline'}</Badge> : null}
            </span>
            {active(r) && canEdit ? <CancelRun run={r} onDone={() => void runs.refetch()} /> : null}
            {active(r) ? (
              <Progress
                value={r.progress}
                eta={r.eta}
                label={`Progress of the run of ${formatDate(r.created_at)}`}
              />
            ) : null}
            <dl className="grid grid-cols-2 gap-x-4 gap-y-0.5 text-xs sm:grid-cols-4">
              <div>
                <dt className="text-fg-muted">Token cost</dt>
                <dd className="tabular-nums" data-testid="run-cost">
                  {formatCost(costOf(r.cost_micros))}
                </dd>
              </div>
              <div>
                <dt className="text-fg-muted">Tokens in / out</dt>
                <dd className="tabular-nums">
                  {r.input_tokens.toLocaleString('en')} / {r.output_tokens.toLocaleString('en')}
                </dd>
              </div>
              <div>
                <dt className="text-fg-muted">LLM calls</dt>
                <dd className="tabular-nums">{r.llm_calls}</dd>
              </div>
              <div>
                <dt className="text-fg-muted">Finished</dt>
                <dd>{formatDate(r.completed_at)}</dd>
              </div>
            </dl>
            {r.period_start && r.period_end ? (
              <p className="text-xs">
                Period {formatDate(r.period_start)} to {formatDate(r.period_end)}
              </p>
            ) : null}
            {summaryLine(r.summary) ? (
              <p className="text-xs wrap-anywhere">{summaryLine(r.summary)}</p>
            ) : null}
            {r.error ? <p className="text-sm text-danger">Error: {r.error}</p> : null}
            {r.artifact_ids.length > 0 ? (
              <ul className="flex flex-wrap gap-2 text-sm" aria-label="Files this run wrote">
                {r.artifact_ids.map((id) => {
                  const a = byId.get(id);
                  return (
                    <li key={id}>
                      {a?.kind === 'trend_report' ? (
                        <a href={`/intel/trends/${id}`} className="text-accent underline">
                          {a.title}
                        </a>
                      ) : (
                        <a href={`/intel/artifacts/${id}`} className="text-accent underline" download>
                          {a?.filename ?? 'Download file'}
                        </a>
                      )}
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
