import Link from 'next/link';
import { AgentForm } from '@/components/intel/agent-form';
import { FeedPanel } from '@/components/intel/feed-panel';
import { ProjectBar } from '@/components/intel/project-bar';
import { Alert } from '@/components/ui/alert';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { attempt, load } from '@/lib/api';
import { guard } from '@/lib/guard';
import { chooseProject } from '@/lib/intel-projects';
import type { Agent, Artifact, Feed, FeedItem } from '@/lib/intel-types';
import { atLeast } from '@/lib/roles';
import type { Page } from '@/lib/types';

export const metadata = { title: 'Trends · Intel · Assay' };

export default async function TrendsPage({ searchParams }: PageProps<'/intel/trends'>) {
  const { me } = await guard('viewer');
  const canEdit = atLeast(me.current.role, 'editor');
  const q = await searchParams;
  const choice = await chooseProject(q.project);
  const project = choice.current;
  const [reports, feeds, agents] = project
    ? await Promise.all([
        attempt(
          load<Page<Artifact>>(
            `/v1/intel/artifacts?project_id=${project.id}&kind=trend_report&page[size]=50`,
          ),
        ),
        attempt(load<Page<Feed>>(`/v1/intel/feeds?project_id=${project.id}&page[size]=100`)),
        attempt(
          load<Page<Agent>>(
            `/v1/intel/agents?project_id=${project.id}&kind=weekly_trend_report&page[size]=100`,
          ),
        ),
      ])
    : [null, null, null];
  const monitors = agents?.data?.data ?? [];
  // The newest items of the first feeds, so the page shows what monitoring brought in.
  const feedItems: Record<string, FeedItem[]> = {};
  await Promise.all(
    (feeds?.data?.data ?? []).slice(0, 10).map(async (f) => {
      const res = await attempt(load<Page<FeedItem>>(`/v1/intel/feeds/${f.id}/items?page[size]=5`));
      if (res.data) feedItems[f.id] = res.data.data;
    }),
  );
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Trends"
        description="Scheduled monitoring: a trend agent pulls the project’s feeds, ingests new items, and writes what changed over the period."
      />
      <ProjectBar choice={choice} path="/intel/trends" canEdit={canEdit} />
      {project ? (
        <>
          <Card title="Trend reports" description={`Written for ${project.name}, newest first.`}>
            {reports?.error ? <Alert>{reports.error}</Alert> : null}
            {reports?.data?.data.length === 0 ? (
              <EmptyState title="No trend reports yet">Run a trend agent to write the first.</EmptyState>
            ) : null}
            <ul className="divide-y divide-border" aria-label="Trend reports">
              {reports?.data?.data.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center gap-2 py-2" data-testid="trend-row">
                  <Link href={`/intel/trends/${a.id}`} className="font-medium text-accent underline">
                    {a.title}
                  </Link>
                  {a.method ? <Badge>{a.method === 'llm' ? 'LLM briefing' : 'baseline'}</Badge> : null}
                  <span className="text-xs text-fg-muted">{formatDate(a.created_at)}</span>
                </li>
              ))}
            </ul>
          </Card>
          <Card title="Monitoring" description="The trend agents of this project and their schedules.">
            {agents?.error ? <Alert>{agents.error}</Alert> : null}
            {monitors.length > 0 ? (
              <ul className="flex flex-col gap-1 text-sm" aria-label="Trend agents">
                {monitors.map((a) => (
                  <li key={a.id}>
                    <Link href={`/intel/agents/${a.id}`} className="text-accent underline">
                      {a.name}
                    </Link>{' '}
                    <span className="text-xs text-fg-muted">
                      {a.schedule ? `${a.schedule} (${a.timezone})` : 'by hand'}
                      {a.enabled ? '' : ' · paused'}
                      {a.next_run_at && a.enabled ? ` · next ${formatDate(a.next_run_at)}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            ) : canEdit ? (
              <AgentForm projectId={project.id} initialKind="weekly_trend_report" />
            ) : (
              <EmptyState title="No trend agent">Ask an editor to set one up.</EmptyState>
            )}
          </Card>
          <Card
            title="Feeds"
            description="RSS, Atom and STIX bundle URLs; fetched without reaching private addresses."
          >
            {feeds?.error ? <Alert>{feeds.error}</Alert> : null}
            {feeds?.data ? (
              <FeedPanel
                feeds={feeds.data.data}
                items={feedItems}
                projectId={project.id}
                canEdit={canEdit}
                canDelete={atLeast(me.current.role, 'admin')}
              />
            ) : null}
          </Card>
        </>
      ) : null}
    </div>
  );
}
