import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { attempt, getMe, load } from '@/lib/api';
import type { Job, Page, Project } from '@/lib/types';

export default async function DashboardPage() {
  const me = await getMe();
  const org = me.memberships.find((m) => m.org_id === me.current.org_id);
  const [projects, jobs] = await Promise.all([
    attempt(load<Page<Project>>('/v1/projects?page[size]=5')),
    attempt(load<Page<Job>>('/v1/jobs?page[size]=5')),
  ]);
  return (
    <>
      <PageHeader
        title={org ? org.org_name : 'Dashboard'}
        description={`Signed in as ${me.user.email} · role ${me.current.role ?? '—'}`}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Projects" description="The newest projects in this organization">
          {projects.error ? <Alert>{projects.error}</Alert> : null}
          {projects.data && projects.data.data.length === 0 ? <EmptyState title="No projects yet" /> : null}
          <ul className="divide-y divide-border">
            {projects.data?.data.map((p) => (
              <li key={p.id} className="py-2">
                <p className="font-medium">{p.name}</p>
                {p.description ? <p className="text-sm text-fg-muted">{p.description}</p> : null}
              </li>
            ))}
          </ul>
        </Card>
        <Card
          title="Recent jobs"
          actions={
            <Link className="text-sm text-accent underline" href="/jobs">
              All jobs
            </Link>
          }
        >
          {jobs.error ? <Alert>{jobs.error}</Alert> : null}
          {jobs.data && jobs.data.data.length === 0 ? (
            <EmptyState title="No jobs yet">Exports and module work show up here.</EmptyState>
          ) : null}
          <ul className="divide-y divide-border">
            {jobs.data?.data.map((j) => (
              <li key={j.id} className="flex items-center justify-between gap-2 py-2 text-sm">
                <span className="truncate font-mono">{j.name}</span>
                <span className="flex items-center gap-2">
                  <Badge
                    tone={
                      j.status === 'completed'
                        ? 'ok'
                        : j.status === 'dead' || j.status === 'failed'
                          ? 'danger'
                          : 'neutral'
                    }
                  >
                    {j.status}
                  </Badge>
                  <span className="hidden text-fg-muted sm:inline">{formatDate(j.created_at)}</span>
                </span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <Card title="Modules">
        <p className="text-sm text-fg-muted">
          <Link className="text-accent underline" href="/compliance">
            Compliance
          </Link>{' '}
          assesses policy documents against SOC 2, GDPR, HIPAA and OSCAL catalogs. Visibility and Intel are
          not in the web app yet; their APIs are documented in the API reference.
        </p>
      </Card>
    </>
  );
}
