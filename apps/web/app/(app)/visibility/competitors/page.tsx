import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { VisibilityFrame } from '@/components/visibility/frame';
import { SuggestionList } from '@/components/visibility/suggestion-list';
import { attempt, load } from '@/lib/api';
import { one, visibilityContext } from '@/lib/visibility-context';
import type { Suggestion } from '@/lib/visibility-types';

export const metadata = { title: 'Competitor suggestions · Visibility · Assay' };

export default async function CompetitorsPage({ searchParams }: PageProps<'/visibility/competitors'>) {
  const q = await searchParams;
  const v = await visibilityContext(q);
  const added = one(q.added);
  return (
    <VisibilityFrame
      v={v}
      title="Competitor suggestions"
      description="Brands the answers name that you do not track yet, most frequent first."
      action="/visibility/competitors"
    >
      {(project) => (
        <>
          {added ? (
            <Alert kind="ok">
              {`${added.slice(0, 120)} is now tracked as a competitor.`} Stored answers are extracted again in
              the background, so the figures will include it.{' '}
              <Link className="underline" href={`/visibility/setup?project=${project.id}`}>
                Edit its aliases and domains in Setup
              </Link>
            </Alert>
          ) : null}
          <Suggestions projectId={project.id} canEdit={v.canEdit} />
        </>
      )}
    </VisibilityFrame>
  );
}

async function Suggestions({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const res = await attempt(
    load<{ data: Suggestion[] }>(`/v1/brands/suggestions?project_id=${projectId}&limit=30`),
  );
  return (
    <Card
      title="Suggested competitors"
      description={
        <>
          Found in list entries, table rows and “X vs Y” comparisons. Tracked competitors are in{' '}
          <Link className="text-accent underline" href={`/visibility/setup?project=${projectId}`}>
            Setup
          </Link>
          ; adding one changes every share of voice.
        </>
      }
    >
      {res.error ? (
        <Alert>{res.error}</Alert>
      ) : (
        <SuggestionList suggestions={res.data?.data ?? []} projectId={projectId} canEdit={canEdit} />
      )}
    </Card>
  );
}
