import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RelationshipList } from '@/components/intel/provenance';
import { Card, PageHeader } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { load } from '@/lib/api';
import { ApiError } from '@/lib/errors';
import { guard } from '@/lib/guard';
import { tacticName } from '@/lib/intel-attack';
import { plural } from '@/lib/intel-format';
import type { TechniqueDetail } from '@/lib/intel-types';

export const metadata = { title: 'Technique · Intel · Assay' };

async function loadTechnique(id: string): Promise<TechniqueDetail> {
  if (!/^T\d{4}(\.\d{3})?$/i.test(id)) notFound();
  try {
    return await load<TechniqueDetail>(`/v1/intel/techniques/${encodeURIComponent(id.toUpperCase())}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}

export default async function TechniquePage({ params }: PageProps<'/intel/attack/[id]'>) {
  await guard('viewer');
  const { id } = await params;
  const t = await loadTechnique(decodeURIComponent(id));
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm wrap-anywhere">
        <Link href="/intel/attack" className="text-accent underline">
          ATT&CK
        </Link>{' '}
        {t.parent_id ? (
          <>
            /{' '}
            <Link href={`/intel/attack/${t.parent_id}`} className="text-accent underline">
              {t.parent_id}
            </Link>{' '}
          </>
        ) : null}
        / <span aria-current="page">{t.id}</span>
      </nav>
      <PageHeader
        title={`${t.id} ${t.name === t.id ? '' : t.name}`.trim()}
        description={
          <>
            {t.tactics.length ? t.tactics.map(tacticName).join(', ') : 'No tactic known'} ·{' '}
            {plural(t.report_count, 'report')} · {plural(t.actor_count, 'actor')} using it
            {t.last_seen ? ` · last seen ${formatDate(t.last_seen)}` : ''}
            {t.known ? '' : ' · not in the imported catalogue'}
          </>
        }
      />
      {t.url ? (
        <p className="-mt-3 text-sm">
          <a href={t.url} rel="noopener noreferrer" className="text-accent underline">
            {t.id} on attack.mitre.org
          </a>
        </p>
      ) : null}
      {t.description ? (
        <Card title="Description">
          <p className="whitespace-pre-line text-sm">{t.description.replace(/\(Citation:[^)]*\)/g, '')}</p>
        </Card>
      ) : null}
      <Card title="In your organization" description="Reports that mention it and actors seen using it.">
        <RelationshipList relationships={t.relationships} />
      </Card>
      {t.attack_groups.length > 0 ? (
        <Card title="Groups ATT&CK says use it">
          <ul className="flex flex-wrap gap-2 text-sm">
            {t.attack_groups.map((g) => (
              <li key={g.id} className="rounded border border-border px-2 py-0.5">
                <span className="font-mono text-xs">{g.id}</span> {g.name}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
