import Link from 'next/link';
import { RefreshWhile } from '@/components/compliance/refresh-while';
import { Alert } from '@/components/ui/alert';
import { Card, EmptyState } from '@/components/ui/card';
import { VisibilityFrame } from '@/components/visibility/frame';
import { NoProviderHelp } from '@/components/visibility/no-provider';
import { RunList } from '@/components/visibility/run-list';
import { ScheduleForm } from '@/components/visibility/schedule-form';
import { ScheduleList } from '@/components/visibility/schedule-list';
import { StartRunForm } from '@/components/visibility/start-run-form';
import { attempt, load } from '@/lib/api';
import type { Page } from '@/lib/types';
import { visibilityContext } from '@/lib/visibility-context';
import {
  isRunActive,
  type ModelSet,
  type Prompt,
  type ProvidersInfo,
  type ScanRun,
  type ScanSchedule,
} from '@/lib/visibility-types';

export const metadata = { title: 'Scans · Visibility · Assay' };

export default async function ScansPage({ searchParams }: PageProps<'/visibility/scans'>) {
  const v = await visibilityContext(await searchParams);
  return (
    <VisibilityFrame
      v={v}
      title="Scans"
      description="Each scan asks every active prompt of every model in a set, several times, and measures the answers."
      action="/visibility/scans"
    >
      {(project) => <Scans projectId={project.id} canEdit={v.canEdit} canDelete={v.canDelete} />}
    </VisibilityFrame>
  );
}

async function Scans({
  projectId,
  canEdit,
  canDelete,
}: {
  projectId: string;
  canEdit: boolean;
  canDelete: boolean;
}) {
  const q = `project_id=${projectId}&page[size]=100`;
  const [runs, sets, prompts, providers, schedules] = await Promise.all([
    attempt(load<Page<ScanRun>>(`/v1/scan-runs?project_id=${projectId}&page[size]=50`)),
    attempt(load<Page<ModelSet>>(`/v1/model-sets?${q}`)),
    attempt(load<Page<Prompt>>(`/v1/prompts?${q}`)),
    attempt(load<ProvidersInfo>('/v1/visibility/providers')),
    attempt(load<Page<ScanSchedule>>(`/v1/scan-schedules?${q}`)),
  ]);
  const noProvider = providers.data !== null && !providers.data.configured;
  const setList = sets.data?.data ?? [];
  const activePrompts = prompts.data?.data.filter((p) => p.active).length ?? 0;
  const setupLink = (
    <Link className="text-accent underline" href={`/visibility/setup?project=${projectId}`}>
      Setup
    </Link>
  );
  return (
    <>
      {canEdit ? (
        <Card title="Start a scan">
          {noProvider ? (
            <NoProviderHelp projectId={projectId} apiMessage={providers.data?.help ?? undefined} />
          ) : sets.error ? (
            <Alert>{sets.error}</Alert>
          ) : (sets.data?.data.length ?? 0) === 0 ? (
            <EmptyState title="No model set yet">Choose the models to ask in {setupLink}.</EmptyState>
          ) : activePrompts === 0 ? (
            <EmptyState title="No active prompts">Add the questions to ask in {setupLink}.</EmptyState>
          ) : (
            <StartRunForm projectId={projectId} sets={sets.data?.data ?? []} prompts={activePrompts} />
          )}
        </Card>
      ) : null}
      <Card title="Runs" description="Newest first. Open one for its progress, failures and answers.">
        {runs.error ? (
          <Alert>{runs.error}</Alert>
        ) : (
          <RunList runs={runs.data?.data ?? []} projectId={projectId} />
        )}
        <RefreshWhile active={runs.data?.data.some((r) => isRunActive(r.status)) ?? false} ms={3000} />
      </Card>
      <Card title="Recurring scans" description="A scan of this project on a schedule, with one model set.">
        {schedules.error ? (
          <Alert>{schedules.error}</Alert>
        ) : (
          <ScheduleList
            schedules={schedules.data?.data ?? []}
            sets={setList}
            projectId={projectId}
            canEdit={canEdit}
            canDelete={canDelete}
          />
        )}
        {canEdit && !noProvider && setList.length > 0 ? (
          <div className="mt-3 border-t border-border pt-3">
            <ScheduleForm projectId={projectId} sets={setList} />
          </div>
        ) : null}
      </Card>
    </>
  );
}
