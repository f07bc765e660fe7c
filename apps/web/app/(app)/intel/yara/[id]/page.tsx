import Link from 'next/link';
import { notFound } from 'next/navigation';
import { YaraSource } from '@/components/intel/yara-source';
import { ActionForm } from '@/components/ui/action-form';
import { Card, PageHeader } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { SubmitButton } from '@/components/ui/submit-button';
import { load } from '@/lib/api';
import { ApiError } from '@/lib/errors';
import { guard } from '@/lib/guard';
import { plural } from '@/lib/intel-format';
import type { YaraRuleSetDetail } from '@/lib/intel-types';
import { atLeast } from '@/lib/roles';
import { deleteRuleSet } from '../actions';

export const metadata = { title: 'Rule set · YARA · Intel · Assay' };

async function loadSet(id: string): Promise<YaraRuleSetDetail> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  try {
    return await load<YaraRuleSetDetail>(`/v1/intel/yara/rule-sets/${id}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}

export default async function RuleSetPage({ params }: PageProps<'/intel/yara/[id]'>) {
  const { me } = await guard('viewer');
  const { id } = await params;
  const set = await loadSet(id);
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm wrap-anywhere">
        <Link href={`/intel/yara?project=${set.project_id}`} className="text-accent underline">
          YARA
        </Link>{' '}
        / <span aria-current="page">{set.name}</span>
      </nav>
      <PageHeader
        title={set.name}
        description={`${plural(set.rule_count, 'rule')} · updated ${formatDate(set.updated_at)} · SHA-256 ${set.sha256.slice(0, 16)}…`}
      />
      {set.description ? <p className="-mt-3 text-sm">{set.description}</p> : null}
      <Card title="Rules">
        <ul className="flex flex-wrap gap-2 text-sm" aria-label="Rules">
          {set.rules.map((r) => (
            <li key={r.name} className="rounded border border-border px-2 py-0.5">
              <span className="font-mono">{r.name}</span>
              {r.private ? <span className="text-xs text-fg-muted"> private</span> : null}
              {r.global ? <span className="text-xs text-fg-muted"> global</span> : null}
              {r.tags.length ? <span className="text-xs text-fg-muted"> · {r.tags.join(', ')}</span> : null}
            </li>
          ))}
        </ul>
      </Card>
      <Card
        title="Source"
        description={
          set.warnings.length
            ? `${plural(set.warnings.length, 'compiler warning')}, shown at their lines.`
            : undefined
        }
      >
        <YaraSource source={set.source} problems={set.warnings} tone="warning" />
      </Card>
      {atLeast(me.current.role, 'admin') ? (
        <Card title="Delete">
          <ActionForm
            action={deleteRuleSet}
            confirm={`Delete ${set.name} and the indicators only it defines?`}
            label={`Delete ${set.name}`}
          >
            <input type="hidden" name="id" value={set.id} />
            <input type="hidden" name="project_id" value={set.project_id} />
            <SubmitButton variant="danger">Delete rule set</SubmitButton>
          </ActionForm>
        </Card>
      ) : null}
    </div>
  );
}
