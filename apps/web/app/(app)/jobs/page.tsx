import { JobList } from '@/components/jobs/job-list';
import { QueryProvider } from '@/components/query-provider';
import { Alert } from '@/components/ui/alert';
import { Card, PageHeader } from '@/components/ui/card';
import { attempt, load } from '@/lib/api';
import { guard } from '@/lib/guard';
import { atLeast } from '@/lib/roles';
import type { Job, Page } from '@/lib/types';

export const metadata = { title: 'Jobs · Assay' };

export default async function JobsPage() {
  const { me } = await guard('viewer');
  const jobs = await attempt(load<Page<Job>>('/v1/jobs?page[size]=20'));
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Jobs" description="Background work of this organization. Updates every 2 seconds." />
      <Card>
        {jobs.data ? (
          <QueryProvider>
            <JobList initial={jobs.data} canManage={atLeast(me.current.role, 'admin')} />
          </QueryProvider>
        ) : (
          <Alert>{jobs.error}</Alert>
        )}
      </Card>
    </div>
  );
}
