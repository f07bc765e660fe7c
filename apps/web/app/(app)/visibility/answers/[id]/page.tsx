import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Card, PageHeader } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { AnswerCard } from '@/components/visibility/answer-card';
import { VisibilityTabs } from '@/components/visibility/visibility-tabs';
import { load } from '@/lib/api';
import { ApiError } from '@/lib/errors';
import { guard } from '@/lib/guard';
import { micros } from '@/lib/visibility-format';
import type { Answer } from '@/lib/visibility-types';

export const metadata = { title: 'Answer · Visibility · Assay' };

export default async function AnswerPage({ params }: PageProps<'/visibility/answers/[id]'>) {
  const { id } = await params;
  await guard('viewer');
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  let answer: Answer;
  try {
    answer = await load<Answer>(`/v1/answers/${id}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
  return (
    <div className="flex flex-col gap-4">
      <div>
        <PageHeader title="Answer" description={`${answer.model}, ${formatDate(answer.sampled_at)}`} />
        <VisibilityTabs projectId={answer.project_id} />
        <Link
          href={`/visibility/answers?project=${answer.project_id}`}
          className="text-sm text-accent underline"
        >
          All answers
        </Link>
      </div>
      <AnswerCard answer={answer} />
      <Card title="Details">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-fg-muted">Tokens</dt>
          <dd>
            {answer.input_tokens ?? '—'} in · {answer.output_tokens ?? '—'} out
          </dd>
          <dt className="text-fg-muted">Cost</dt>
          <dd>{micros(answer.cost_micros)}</dd>
          <dt className="text-fg-muted">Latency</dt>
          <dd>{answer.latency_ms !== null ? `${answer.latency_ms} ms` : '—'}</dd>
          <dt className="text-fg-muted">Sentiment method</dt>
          <dd>{answer.sentiment_method}</dd>
          <dt className="text-fg-muted">Scan run</dt>
          <dd>
            {answer.run_id ? (
              <Link
                className="text-accent underline"
                href={`/visibility/scans/${answer.run_id}?project=${answer.project_id}`}
              >
                open the run
              </Link>
            ) : answer.imported ? (
              'imported'
            ) : (
              '—'
            )}
          </dd>
        </dl>
      </Card>
    </div>
  );
}
