import Link from 'next/link';
import { RefreshWhile } from '@/components/compliance/refresh-while';
import { ProjectBar } from '@/components/intel/project-bar';
import { RuleSetForm } from '@/components/intel/rule-set-form';
import { ScanForm } from '@/components/intel/scan-form';
import { ScanList } from '@/components/intel/scan-list';
import { Alert } from '@/components/ui/alert';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { attempt, load } from '@/lib/api';
import { guard } from '@/lib/guard';
import { plural } from '@/lib/intel-format';
import { chooseProject } from '@/lib/intel-projects';
import type { YaraRuleSet, YaraScan } from '@/lib/intel-types';
import { atLeast } from '@/lib/roles';
import type { Page } from '@/lib/types';

export const metadata = { title: 'YARA · Intel · Assay' };

export default async function YaraPage({ searchParams }: PageProps<'/intel/yara'>) {
  const { me } = await guard('viewer');
  const canEdit = atLeast(me.current.role, 'editor');
  const q = await searchParams;
  const choice = await chooseProject(q.project);
  const project = choice.current;
  const [sets, scans] = project
    ? await Promise.all([
        attempt(load<Page<YaraRuleSet>>(`/v1/intel/yara/rule-sets?project_id=${project.id}&page[size]=100`)),
        attempt(load<Page<YaraScan>>(`/v1/intel/yara/scans?project_id=${project.id}&page[size]=20`)),
      ])
    : [null, null];
  const busy = scans?.data?.data.some((s) => s.status === 'queued') ?? false;
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="YARA rules"
        description="Rule sets compiled with YARA-X; each rule becomes an indicator. Scan files with them in the background."
      />
      <ProjectBar choice={choice} path="/intel/yara" canEdit={canEdit} />
      {project ? (
        <>
          <Card title="Rule sets" description={`In ${project.name}.`}>
            {sets?.error ? <Alert>{sets.error}</Alert> : null}
            {sets?.data?.data.length === 0 ? <EmptyState title="No rule sets yet" /> : null}
            <ul className="divide-y divide-border" aria-label="Rule sets">
              {sets?.data?.data.map((s) => (
                <li key={s.id} className="flex flex-col gap-0.5 py-2" data-testid="rule-set-row">
                  <Link href={`/intel/yara/${s.id}`} className="font-medium text-accent underline">
                    {s.name}
                  </Link>
                  <span className="text-xs text-fg-muted">
                    {plural(s.rule_count, 'rule')}
                    {s.warnings.length ? ` · ${plural(s.warnings.length, 'warning')}` : ''} · updated{' '}
                    {formatDate(s.updated_at)}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
          {canEdit ? (
            <Card
              title="Upload a rule set"
              description="Rules are compiled before they are saved; errors are shown at their lines."
            >
              <RuleSetForm projectId={project.id} />
            </Card>
          ) : null}
          {canEdit && (sets?.data?.data.length ?? 0) > 0 ? (
            <Card title="Scan a file">
              <ScanForm projectId={project.id} ruleSets={sets?.data?.data ?? []} />
            </Card>
          ) : null}
          <Card title="Scans" description="Newest first.">
            {scans?.error ? <Alert>{scans.error}</Alert> : null}
            {scans?.data ? <ScanList scans={scans.data.data} /> : null}
          </Card>
          <RefreshWhile active={busy} />
        </>
      ) : null}
    </div>
  );
}
