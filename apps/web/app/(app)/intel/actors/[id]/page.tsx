import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Confidence, TlpBadge } from '@/components/intel/badges';
import { RelationshipList, SourceList } from '@/components/intel/provenance';
import { Card, PageHeader } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { load } from '@/lib/api';
import { ApiError } from '@/lib/errors';
import { guard } from '@/lib/guard';
import { plural } from '@/lib/intel-format';
import type { ActorDetail } from '@/lib/intel-types';

export const metadata = { title: 'Threat actor · Intel · Assay' };

async function loadActor(id: string): Promise<ActorDetail> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  try {
    return await load<ActorDetail>(`/v1/intel/actors/${id}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}

export default async function ActorPage({ params }: PageProps<'/intel/actors/[id]'>) {
  await guard('viewer');
  const { id } = await params;
  const actor = await loadActor(id);
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm wrap-anywhere">
        <Link href="/intel/actors" className="text-accent underline">
          Threat actors
        </Link>{' '}
        / <span aria-current="page">{actor.name}</span>
      </nav>
      <PageHeader
        title={actor.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {actor.attack_id ? <span className="font-mono">{actor.attack_id}</span> : null}
            <TlpBadge tlp={actor.tlp} /> <Confidence value={actor.confidence} />
          </span>
        }
      />
      <Card title="Details">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-fg-muted">Also known as</dt>
          <dd>{actor.aliases.length ? actor.aliases.join(', ') : '—'}</dd>
          <dt className="text-fg-muted">First seen</dt>
          <dd>{formatDate(actor.first_seen)}</dd>
          <dt className="text-fg-muted">Last seen</dt>
          <dd>{formatDate(actor.last_seen)}</dd>
          <dt className="text-fg-muted">Sightings</dt>
          <dd>{plural(actor.sightings, 'report')}</dd>
        </dl>
        {actor.description ? <p className="mt-3 whitespace-pre-line text-sm">{actor.description}</p> : null}
      </Card>
      <Card
        title="Relationships"
        description="Techniques and software it uses, indicators that point to it, reports that mention it."
      >
        <RelationshipList relationships={actor.relationships} />
      </Card>
      <Card title="Source reports">
        <SourceList sources={actor.sources} />
      </Card>
    </div>
  );
}
