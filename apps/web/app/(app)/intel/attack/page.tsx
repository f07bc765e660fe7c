import Link from 'next/link';
import { AttackHeatmap, HeatLegend } from '@/components/intel/attack-heatmap';
import { Alert } from '@/components/ui/alert';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { attempt, load } from '@/lib/api';
import { guard } from '@/lib/guard';
import { buildHeatMap, fromMatrix } from '@/lib/intel-attack';
import { plural } from '@/lib/intel-format';
import { param } from '@/lib/intel-projects';
import type { AttackMatrix } from '@/lib/intel-types';

export const metadata = { title: 'ATT&CK heat map · Intel · Assay' };

const techniqueHref = (id: string) => `/intel/attack/${encodeURIComponent(id)}`;

export default async function AttackPage({ searchParams }: PageProps<'/intel/attack'>) {
  await guard('viewer');
  const q = await searchParams;
  const res = await attempt(load<AttackMatrix>('/v1/intel/techniques/matrix'));
  if (!res.data)
    return (
      <>
        <PageHeader title="ATT&CK heat map" />
        <Alert>{res.error}</Alert>
      </>
    );
  const matrix = res.data;
  const hasCatalogue = matrix.version !== null && matrix.tactics.length > 0;
  // Without a catalogue only seen techniques are known, so there is nothing else to show.
  const onlySeen = !hasCatalogue || param(q.view) !== 'all';
  const { tactics, techniques } = fromMatrix(matrix);
  const map = buildHeatMap(tactics, techniques, { onlySeen });
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="ATT&CK heat map"
        description="Techniques seen in your organization’s reviewed reports, by tactic in kill-chain order. Sub-techniques count toward their parent."
      />
      {!hasCatalogue ? (
        <Alert kind="info">
          No ATT&CK catalogue is imported, so techniques are recognised by their id alone and cannot be placed
          under tactics. An operator can import one with <code>assay intel attack-import FILE</code>.
        </Alert>
      ) : null}
      <Card
        title={
          hasCatalogue
            ? /^v?\d+(\.\d+)*$/.test(matrix.version ?? '')
              ? `ATT&CK matrix, version ${matrix.version?.replace(/^v/, '')}`
              : 'ATT&CK matrix'
            : 'Techniques seen'
        }
        description={`${plural(map.techniquesSeen, 'technique')} seen, ${plural(map.mentions, 'report mention')} in all.`}
        actions={
          hasCatalogue ? (
            <nav aria-label="Matrix view" className="flex gap-2 text-sm">
              <Link
                href="/intel/attack"
                aria-current={onlySeen ? 'page' : undefined}
                className={onlySeen ? 'font-semibold' : 'text-accent underline'}
              >
                Seen only
              </Link>
              <Link
                href="/intel/attack?view=all"
                aria-current={onlySeen ? undefined : 'page'}
                className={onlySeen ? 'text-accent underline' : 'font-semibold'}
              >
                Whole matrix
              </Link>
            </nav>
          ) : null
        }
      >
        {map.columns.length === 0 ? (
          <EmptyState title="No techniques seen yet">
            Accept the techniques found in a report and they are counted here.
          </EmptyState>
        ) : (
          <div className="flex flex-col gap-3">
            <HeatLegend max={map.max} />
            <AttackHeatmap map={map} href={techniqueHref} />
          </div>
        )}
      </Card>
    </div>
  );
}
