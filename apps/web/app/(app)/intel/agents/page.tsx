import Link from 'next/link';
import { AgentForm } from '@/components/intel/agent-form';
import { ProjectBar } from '@/components/intel/project-bar';
import { Alert } from '@/components/ui/alert';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { attempt, load } from '@/lib/api';
import { guard } from '@/lib/guard';
import { agentKindLabel } from '@/lib/intel-agents';
import { chooseProject } from '@/lib/intel-projects';
import type { Agent } from '@/lib/intel-types';
import { atLeast } from '@/lib/roles';
import type { Page } from '@/lib/types';

export const metadata = { title: 'Agents · Intel · Assay' };

export default async function AgentsPage({ searchParams }: PageProps<'/intel/agents'>) {
  const { me } = await guard('viewer');
  const canEdit = atLeast(me.current.role, 'editor');
  const q = await searchParams;
  const choice = await chooseProject(q.project);
  const project = choice.current;
  const agents = project
    ? await attempt(load<Page<Agent>>(`/v1/intel/agents?project_id=${project.id}&page[size]=100`))
    : null;
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Agents"
        description="AI tasks of a project, run by hand or on a schedule. Each run records its progress, its LLM token cost and the files it wrote. Without an LLM provider they run their deterministic baseline."
      />
      <ProjectBar choice={choice} path="/intel/agents" canEdit={canEdit} />
      {project ? (
        <Card title="Agents" description={`In ${project.name}.`}>
          {agents?.error ? <Alert>{agents.error}</Alert> : null}
          {agents?.data?.data.length === 0 ? <EmptyState title="No agents yet" /> : null}
          <ul className="divide-y divide-border" aria-label="Agents">
            {agents?.data?.data.map((a) => (
              <li key={a.id} className="flex flex-col gap-0.5 py-3" data-testid="agent-row">
                <span className="flex flex-wrap items-center gap-2">
                  <Link href={`/intel/agents/${a.id}`} className="font-medium text-accent underline">
                    {a.name}
                  </Link>
                  <Badge>{agentKindLabel(a.kind)}</Badge>
                  {a.enabled ? null : <Badge tone="danger">paused</Badge>}
                </span>
                <span className="text-xs text-fg-muted">
                  {a.schedule ? `schedule ${a.schedule} (${a.timezone})` : 'runs by hand'}
                  {a.next_run_at && a.enabled ? ` · next ${formatDate(a.next_run_at)}` : ''}
                  {` · last run ${a.last_run_at ? formatDate(a.last_run_at) : 'never'}`}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {project && canEdit ? (
        <Card title="New agent">
          <AgentForm projectId={project.id} />
        </Card>
      ) : null}
    </div>
  );
}
