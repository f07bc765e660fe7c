import { RefreshWhile } from '@/components/compliance/refresh-while';
import { IngestPanel } from '@/components/intel/ingest-panel';
import { Pager } from '@/components/intel/pager';
import { ProjectBar } from '@/components/intel/project-bar';
import { ReportList } from '@/components/intel/report-list';
import { IntelSettingsForm } from '@/components/intel/settings-form';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { Field, SelectField } from '@/components/ui/field';
import { attempt, load } from '@/lib/api';
import { guard } from '@/lib/guard';
import { REPORT_STATUS_LABEL } from '@/lib/intel-format';
import { chooseProject, param } from '@/lib/intel-projects';
import type { IntelSettings, Report, ReportStatus } from '@/lib/intel-types';
import { atLeast } from '@/lib/roles';
import type { Page } from '@/lib/types';

export const metadata = { title: 'Intel · Assay' };

const DESCRIPTION =
  'Threat reports in; indicators, threat actors and ATT&CK techniques out, each with the sentence that supports it.';
const STATUSES = Object.keys(REPORT_STATUS_LABEL) as ReportStatus[];
const PAGE_SIZE = 20;

export default async function IntelReportsPage({ searchParams }: PageProps<'/intel'>) {
  const { me } = await guard('viewer');
  const canEdit = atLeast(me.current.role, 'editor');
  const isAdmin = atLeast(me.current.role, 'admin');
  const q = await searchParams;
  const filters: Record<string, string> = {};
  const query = new URLSearchParams({ 'page[size]': String(PAGE_SIZE) });
  const text = param(q.q);
  const status = param(q.status);
  if (text) {
    filters.q = text;
    query.set('q', text);
  }
  if (status && (STATUSES as string[]).includes(status)) {
    filters.status = status;
    query.set('status', status);
  }
  const cursor = param(q.cursor);
  if (cursor) query.set('page[cursor]', cursor);

  const [reports, projects, settings] = await Promise.all([
    attempt(load<Page<Report>>(`/v1/intel/reports?${query}`)),
    chooseProject(q.project),
    attempt(load<IntelSettings>('/v1/intel/settings')),
  ]);
  const projectNames = new Map(projects.projects.map((p) => [p.id, p.name]));
  const busy =
    reports.data?.data.some((r) => r.status === 'processing' || r.status === 'awaiting_upload') ?? false;

  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Intel" description={DESCRIPTION} />
      <ProjectBar choice={projects} path="/intel" canEdit={canEdit} />
      {canEdit && projects.current ? (
        <Card
          title="Add a report"
          description={`Into ${projects.current.name}. Extraction runs in the background; you then review what it found before it joins your knowledge base.`}
        >
          <IngestPanel projectId={projects.current.id} defaultTlp={settings.data?.default_tlp ?? 'amber'} />
        </Card>
      ) : null}
      <Card
        title="Reports"
        description="Every report of the organization, newest first. Search looks in titles and full text."
      >
        <form
          method="get"
          action="/intel"
          aria-label="Search reports"
          className="mb-3 grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end"
        >
          <Field
            label="Search reports"
            name="q"
            id="reports-q"
            type="search"
            defaultValue={text ?? ''}
            maxLength={200}
          />
          <SelectField label="Status" name="status" id="reports-status" defaultValue={filters.status ?? ''}>
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {REPORT_STATUS_LABEL[s]}
              </option>
            ))}
          </SelectField>
          <div className="flex gap-2">
            <Button type="submit">Search</Button>
            <a href="/intel" className={buttonClass('ghost')}>
              Clear
            </a>
          </div>
        </form>
        {reports.error ? <Alert>{reports.error}</Alert> : null}
        {reports.data ? <ReportList reports={reports.data.data} projectNames={projectNames} /> : null}
        {reports.data ? (
          <Pager
            path="/intel"
            params={filters}
            nextCursor={reports.data.meta.next_cursor}
            onFirstPage={!cursor}
            label="Reports"
          />
        ) : null}
        <RefreshWhile active={busy} />
      </Card>
      {isAdmin && settings.data ? (
        <Card title="Settings" description="For the whole organization.">
          <IntelSettingsForm settings={settings.data} />
        </Card>
      ) : null}
    </div>
  );
}
