import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Confidence, IndicatorTypeBadge, TlpBadge } from '@/components/intel/badges';
import { RelationshipList, SourceList } from '@/components/intel/provenance';
import { Alert } from '@/components/ui/alert';
import { Card, PageHeader } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { formatDate } from '@/components/ui/dates';
import { load } from '@/lib/api';
import { ApiError } from '@/lib/errors';
import { guard } from '@/lib/guard';
import { indicatorLabel, plural } from '@/lib/intel-format';
import type { IndicatorDetail } from '@/lib/intel-types';

export const metadata = { title: 'Indicator · Intel · Assay' };

async function loadIndicator(id: string): Promise<IndicatorDetail> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  try {
    return await load<IndicatorDetail>(`/v1/intel/indicators/${id}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}

export default async function IndicatorPage({ params }: PageProps<'/intel/indicators/[id]'>) {
  await guard('viewer');
  const { id } = await params;
  const ind = await loadIndicator(id);
  const expired = ind.expires_at !== null && new Date(ind.expires_at).getTime() < Date.now();
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm wrap-anywhere">
        <Link href="/intel/indicators" className="text-accent underline">
          Indicators
        </Link>{' '}
        / <span aria-current="page">{indicatorLabel(ind.type)}</span>
      </nav>
      <PageHeader
        title={ind.value}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <IndicatorTypeBadge type={ind.type} /> <TlpBadge tlp={ind.tlp} />{' '}
            <Confidence value={ind.confidence} />
          </span>
        }
      />
      <div className="-mt-3">
        <CopyButton value={ind.value} label="Copy value" />
      </div>
      {ind.warnings.length > 0 ? (
        <Alert>{`Possible false positive: ${ind.warnings.join('; ')}.`}</Alert>
      ) : null}
      <Card title="Details">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-fg-muted">First seen</dt>
          <dd>{formatDate(ind.first_seen)}</dd>
          <dt className="text-fg-muted">Last seen</dt>
          <dd>{formatDate(ind.last_seen)}</dd>
          <dt className="text-fg-muted">Expires</dt>
          <dd>{ind.expires_at ? `${formatDate(ind.expires_at)}${expired ? ' (expired)' : ''}` : 'never'}</dd>
          <dt className="text-fg-muted">Sightings</dt>
          <dd>{plural(ind.sightings, 'report')}</dd>
        </dl>
      </Card>
      <Card title="Relationships">
        <RelationshipList relationships={ind.relationships} />
      </Card>
      <Card title="Source reports" description="Where it was accepted from, with the supporting sentence.">
        <SourceList sources={ind.sources} />
      </Card>
    </div>
  );
}
