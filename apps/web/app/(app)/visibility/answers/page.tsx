import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState } from '@/components/ui/card';
import { AnswerCard } from '@/components/visibility/answer-card';
import { type AnswerFilters, AnswersFilter } from '@/components/visibility/answers-filter';
import { VisibilityFrame } from '@/components/visibility/frame';
import { MentionKey } from '@/components/visibility/highlighted-answer';
import { attempt, load } from '@/lib/api';
import type { Page } from '@/lib/types';
import { one, visibilityContext } from '@/lib/visibility-context';
import { withQuery } from '@/lib/visibility-format';
import type { Answer, Brand, ModelSet, Prompt } from '@/lib/visibility-types';

export const metadata = { title: 'Answers · Visibility · Assay' };

const UUID = /^[0-9a-f-]{36}$/i;
const SENTIMENTS = new Set(['negative', 'positive', 'neutral', 'mixed']);

export default async function AnswersPage({ searchParams }: PageProps<'/visibility/answers'>) {
  const q = await searchParams;
  const v = await visibilityContext(q);
  const filters: AnswerFilters = {
    prompt: one(q.prompt),
    model: one(q.model),
    brand: one(q.brand),
    sentiment: one(q.sentiment),
    imported: one(q.imported),
    run: one(q.run),
  };
  return (
    <VisibilityFrame
      v={v}
      title="Answers"
      description="The raw answers behind every figure, with each mention of a tracked brand marked."
      action="/visibility/answers"
    >
      {(project) => <Answers projectId={project.id} filters={filters} cursor={one(q.cursor)} />}
    </VisibilityFrame>
  );
}

async function Answers({
  projectId,
  filters,
  cursor,
}: {
  projectId: string;
  filters: AnswerFilters;
  cursor?: string;
}) {
  const params = new URLSearchParams({ project_id: projectId, 'page[size]': '20' });
  if (filters.prompt && UUID.test(filters.prompt)) params.set('prompt_id', filters.prompt);
  if (filters.brand && UUID.test(filters.brand)) params.set('brand_id', filters.brand);
  if (filters.run && UUID.test(filters.run)) params.set('run_id', filters.run);
  if (filters.model) params.set('model', filters.model);
  if (filters.sentiment && SENTIMENTS.has(filters.sentiment)) params.set('sentiment', filters.sentiment);
  if (filters.imported === 'true' || filters.imported === 'false') params.set('imported', filters.imported);
  const exportHref = `/visibility/export/answers?${new URLSearchParams(
    [...params].filter(([k]) => k !== 'page[size]'),
  )}`;
  if (cursor) params.set('page[cursor]', cursor);
  const setup = `project_id=${projectId}&page[size]=100`;
  const [answers, prompts, brands, sets] = await Promise.all([
    attempt(load<Page<Answer>>(`/v1/answers?${params}`)),
    attempt(load<Page<Prompt>>(`/v1/prompts?${setup}`)),
    attempt(load<Page<Brand>>(`/v1/brands?${setup}`)),
    attempt(load<Page<ModelSet>>(`/v1/model-sets?${setup}`)),
  ]);
  const list = answers.data?.data ?? [];
  const models = [
    ...new Set([
      ...(sets.data?.data.flatMap((s) => s.models) ?? []),
      ...list.map((a) => a.model),
      filters.model ?? '',
    ]),
  ]
    .filter(Boolean)
    .sort();
  const next = answers.data?.meta.has_more ? answers.data.meta.next_cursor : null;
  return (
    <>
      <Card title="Filter">
        <AnswersFilter
          projectId={projectId}
          values={filters}
          prompts={prompts.data?.data ?? []}
          brands={brands.data?.data ?? []}
          models={models}
        />
      </Card>
      <Card
        title={filters.sentiment === 'negative' ? 'Negative answers' : 'Answers'}
        actions={
          <a className={buttonClass('secondary', 'sm')} href={exportHref} download>
            Export these answers (CSV)
          </a>
        }
        description={filters.run ? 'From one scan run, newest first.' : 'Newest first.'}
      >
        {answers.error ? <Alert>{answers.error}</Alert> : null}
        {answers.data && list.length === 0 ? (
          <EmptyState title="No answers match">
            Change the filters, run a scan, or{' '}
            <Link className="text-accent underline" href={`/visibility/import?project=${projectId}`}>
              import answers
            </Link>
            .
          </EmptyState>
        ) : null}
        {list.length > 0 ? <MentionKey /> : null}
        <div className="mt-3 flex flex-col gap-3">
          {list.map((a) => (
            <AnswerCard key={a.id} answer={a} />
          ))}
        </div>
        {next ? (
          <div className="mt-3">
            <Link
              className={buttonClass('secondary', 'sm')}
              href={withQuery('/visibility/answers', { project: projectId, ...filters, cursor: next })}
            >
              Next page
            </Link>
          </div>
        ) : null}
      </Card>
    </>
  );
}
