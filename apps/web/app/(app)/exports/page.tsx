import { ExportPanel } from '@/components/jobs/export-panel';
import { JobList } from '@/components/jobs/job-list';
import { QueryProvider } from '@/components/query-provider';
import { AccessDenied } from '@/components/shell/access-denied';
import { Alert } from '@/components/ui/alert';
import { Card, PageHeader } from '@/components/ui/card';
import { attempt, load } from '@/lib/api';
import { guard } from '@/lib/guard';
import type { Job, Page } from '@/lib/types';

export const metadata = { title: 'Data export · Assay' };

const QUERY = '&name=core.export';

export default async function ExportsPage() {
  const { me, allowed } = await guard('admin');
  if (!allowed) return <AccessDenied needs="admin" role={me.current.role} />;
  const previous = await attempt(load<Page<Job>>(`/v1/jobs?page[size]=20${QUERY}`));
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Data export"
        description="Download this organization’s members, audit log and jobs as one JSON file."
      />
      <QueryProvider>
        <Card title="New export">
          <ExportPanel />
        </Card>
        <Card title="Previous exports">
          {previous.data ? (
            <JobList initial={previous.data} canManage query={QUERY} />
          ) : (
            <Alert>{previous.error}</Alert>
          )}
        </Card>
      </QueryProvider>
    </div>
  );
}
