'use client';

import { createFeed, deleteFeed, pullFeed } from '@/app/(app)/intel/agents/actions';
import { ActionForm } from '@/components/ui/action-form';
import { ActionMessage } from '@/components/ui/alert';
import { Badge, EmptyState } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useValidatedAction } from '@/components/ui/use-validated-action';
import { feedSchema } from '@/lib/intel-agents';
import type { Feed, FeedItem } from '@/lib/intel-types';

function NewFeedForm({ projectId }: { projectId: string }) {
  const { state, formAction, errors, onSubmit } = useValidatedAction(feedSchema, createFeed);
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-3"
      aria-label="Follow a feed"
    >
      <ActionMessage state={state} />
      <input type="hidden" name="project_id" value={projectId} />
      <div className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-start">
        <Field label="Feed name" name="name" id="feed-name" maxLength={200} error={errors.name} />
        <Field
          label="Feed URL"
          name="url"
          id="feed-url"
          type="url"
          placeholder="https://"
          error={errors.url}
          hint="RSS, Atom, or a STIX 2.1 bundle."
        />
        <div className="sm:pt-6">
          <SubmitButton pendingText="Adding…">Follow feed</SubmitButton>
        </div>
      </div>
    </form>
  );
}

/** The project's feeds with their last fetch; editors add, pull now, and remove them. */
export function FeedPanel({
  feeds,
  items = {},
  projectId,
  canEdit,
  canDelete,
}: {
  feeds: Feed[];
  /** The newest items of each feed, by feed id. */
  items?: Record<string, FeedItem[]>;
  projectId: string;
  canEdit: boolean;
  canDelete: boolean;
}) {
  return (
    <div className="flex flex-col gap-4">
      {feeds.length === 0 ? (
        <EmptyState title="No feeds yet">Trend reports then cover the reports you add by hand.</EmptyState>
      ) : null}
      <ul className="divide-y divide-border" aria-label="Feeds">
        {feeds.map((f) => (
          <li key={f.id} className="flex flex-col gap-1 py-3" data-testid="feed-row">
            <span className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{f.name}</span>
              {f.kind ? <Badge>{f.kind.toUpperCase()}</Badge> : null}
              {f.last_status === 'error' ? <Badge tone="danger">last pull failed</Badge> : null}
              {f.last_status === 'ok' ? <Badge tone="ok">ok</Badge> : null}
              {f.enabled ? null : <Badge>paused</Badge>}
            </span>
            <span className="break-all text-xs text-fg-muted">{f.url}</span>
            <span className="text-xs text-fg-muted">
              {f.items_ingested} items ingested · last pulled {formatDate(f.last_fetched_at)}
            </span>
            {f.last_error ? <span className="text-sm text-danger">{f.last_error}</span> : null}
            {items[f.id]?.length ? (
              <ul
                className="flex flex-col gap-0.5 border-l-2 border-border pl-3 text-sm"
                aria-label={`Newest items of ${f.name}`}
              >
                {items[f.id].map((i) => (
                  <li key={i.id}>
                    {i.report_id ? (
                      <a href={`/intel/reports/${i.report_id}`} className="text-accent underline">
                        {i.title}
                      </a>
                    ) : (
                      i.title
                    )}{' '}
                    <span className="text-xs text-fg-muted">
                      {formatDate(i.published_at ?? i.created_at)}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            {canEdit ? (
              <span className="flex flex-wrap gap-2">
                <ActionForm action={pullFeed} label={`Pull ${f.name} now`} className="flex flex-wrap gap-2">
                  <input type="hidden" name="id" value={f.id} />
                  <SubmitButton
                    size="sm"
                    variant="secondary"
                    pendingText="Queuing…"
                    aria-label={`Pull ${f.name} now`}
                  >
                    Pull now
                  </SubmitButton>
                </ActionForm>
                {canDelete ? (
                  <ActionForm
                    action={deleteFeed}
                    confirm={`Stop following ${f.name}? Its reports stay.`}
                    label={`Remove ${f.name}`}
                  >
                    <input type="hidden" name="id" value={f.id} />
                    <SubmitButton size="sm" variant="danger" aria-label={`Remove ${f.name}`}>
                      Remove
                    </SubmitButton>
                  </ActionForm>
                ) : null}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? <NewFeedForm projectId={projectId} /> : null}
    </div>
  );
}
