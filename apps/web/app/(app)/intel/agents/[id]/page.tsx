import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RunList } from '@/components/intel/run-list';
import { RunNowButton } from '@/components/intel/run-now-button';
import { QueryProvider } from '@/components/query-provider';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Card, PageHeader } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { SubmitButton } from '@/components/ui/submit-button';
import { attempt, load } from '@/lib/api';
import { ApiError } from '@/lib/errors';
import { guard } from '@/lib/guard';
import { agentKindLabel } from '@/lib/intel-agents';
import type { Agent, AgentRun, Artifact } from '@/lib/intel-types';
import { atLeast } from '@/lib/roles';
import type { Page } from '@/lib/types';
import { deleteAgent, setAgentEnabled } from '../actions';

export const metadata = { title: 'Agent · Intel · Assay' };

async function loadAgent(id: string): Promise<Agent> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  try {
    return await load<Agent>(`/v1/intel/agents/${id}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}

export default async function AgentPage({ params }: PageProps<'/intel/agents/[id]'>) {
  const { me } = await guard('viewer');
  const { id } = await params;
  const agent = await loadAgent(id);
  const canEdit = atLeast(me.current.role, 'editor');
  const [runs, artifacts] = await Promise.all([
    attempt(load<Page<AgentRun>>(`/v1/intel/agents/${id}/runs?page[size]=20`)),
    attempt(load<Page<Artifact>>(`/v1/intel/artifacts?agent_id=${id}&page[size]=100`)),
  ]);
  const config = Object.entries(agent.config);
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm wrap-anywhere">
        <Link href={`/intel/agents?project=${agent.project_id}`} className="text-accent underline">
          Agents
        </Link>{' '}
        / <span aria-current="page">{agent.name}</span>
      </nav>
      <PageHeader
        title={agent.name}
        description={`${agentKindLabel(agent.kind)} · ${
          agent.schedule ? `schedule ${agent.schedule} (${agent.timezone})` : 'runs by hand'
        }${agent.enabled ? '' : ' · paused'}${agent.next_run_at && agent.enabled ? ` · next run ${formatDate(agent.next_run_at)}` : ''}`}
      />
      <QueryProvider>
        {canEdit ? (
          <Card title="Run">
            <div className="flex flex-col gap-3">
              <RunNowButton agentId={agent.id} />
              {config.length ? (
                <p className="text-xs text-fg-muted">
                  Settings: {config.map(([k, v]) => `${k.replace(/_/g, ' ')} ${String(v)}`).join(', ')}
                </p>
              ) : null}
              {agent.schedule ? (
                <ActionForm
                  action={setAgentEnabled}
                  label={agent.enabled ? 'Pause the schedule' : 'Resume the schedule'}
                >
                  <input type="hidden" name="id" value={agent.id} />
                  <input type="hidden" name="enabled" value={agent.enabled ? 'false' : 'true'} />
                  <SubmitButton variant="secondary" size="sm">
                    {agent.enabled ? 'Pause the schedule' : 'Resume the schedule'}
                  </SubmitButton>
                </ActionForm>
              ) : null}
            </div>
          </Card>
        ) : null}
        <Card
          title="Runs"
          description="Newest first, with progress, LLM token cost and the files each wrote."
        >
          {runs.error ? <Alert>{runs.error}</Alert> : null}
          {runs.data ? (
            <RunList
              agentId={agent.id}
              initial={runs.data}
              artifacts={artifacts.data?.data ?? []}
              canEdit={canEdit}
            />
          ) : null}
        </Card>
      </QueryProvider>
      {atLeast(me.current.role, 'admin') ? (
        <Card title="Delete">
          <ActionForm
            action={deleteAgent}
            confirm={`Delete ${agent.name} and its runs? Its files stay.`}
            label={`Delete ${agent.name}`}
          >
            <input type="hidden" name="id" value={agent.id} />
            <input type="hidden" name="project_id" value={agent.project_id} />
            <SubmitButton variant="danger">Delete agent</SubmitButton>
          </ActionForm>
        </Card>
      ) : null}
    </div>
  );
}
