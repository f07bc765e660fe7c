'use client';

import { useRouter } from 'next/navigation';
import { type ReactNode, useMemo, useState, useTransition } from 'react';
import { reviewReport } from '@/app/(app)/intel/actions';
import { ActionMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';
import { inputClass } from '@/components/ui/field';
import { ITEM_KIND_LABEL, ITEM_KINDS, plural } from '@/lib/intel-format';
import type { Decision, ItemKind, ItemStatus, ReviewItem } from '@/lib/intel-types';
import { ReviewItemRow } from './review-item';

type Show = 'pending' | 'all' | 'decided';

const settled = (d: Decision): ItemStatus =>
  d.action === 'reject' ? 'rejected' : d.action === 'edit' ? 'edited' : 'accepted';

/**
 * The staged extraction of one report: filter by kind, decide item by item (accept, reject, edit), or in
 * bulk (accept everything at or above a confidence; settle the rest). Decisions are final at the API;
 * the page re-renders from the server after each one, and decided rows update at once meanwhile.
 */
export function ReviewScreen({
  reportId,
  items,
  raw,
  canEdit,
  text,
}: {
  reportId: string;
  items: ReviewItem[];
  /** Each item's value exactly as written in the report (for marking it in its sentence). */
  raw: Record<string, string>;
  canEdit: boolean;
  /** The highlighted report text, rendered on the server. */
  text: ReactNode;
}) {
  const router = useRouter();
  const [busy, start] = useTransition();
  const [state, setState] = useState<{ error?: string; message?: string }>({});
  const [local, setLocal] = useState<Record<string, ItemStatus>>({});
  const [kind, setKind] = useState<ItemKind | ''>('');
  const [show, setShow] = useState<Show>('all');
  const [threshold, setThreshold] = useState('80');

  const current = useMemo(
    () => items.map((i) => (local[i.id] && i.status === 'pending' ? { ...i, status: local[i.id] } : i)),
    [items, local],
  );
  const pending = current.filter((i) => i.status === 'pending');
  const counts = new Map<string, number>();
  for (const i of current) counts.set(i.kind, (counts.get(i.kind) ?? 0) + 1);
  const visible = current.filter(
    (i) =>
      (!kind || i.kind === kind) &&
      (show === 'all' || (show === 'pending' ? i.status === 'pending' : i.status !== 'pending')),
  );

  // The rows change at once (outside the transition, which would hold them back until the API answers);
  // an error puts them back.
  const decide = (decisions: Decision[], remaining?: 'accept' | 'reject') => {
    const before = local;
    const next = { ...local };
    for (const d of decisions) next[d.item_id] = settled(d);
    if (remaining)
      for (const i of pending) if (!next[i.id]) next[i.id] = remaining === 'accept' ? 'accepted' : 'rejected';
    setLocal(next);
    start(async () => {
      const res = await reviewReport(reportId, decisions, remaining);
      if (res.error) setLocal(before);
      setState({ error: res.error, message: res.message });
      router.refresh();
    });
  };

  const level = Number(threshold);
  const thresholdValid = /^\d+$/.test(threshold) && level >= 0 && level <= 100;
  const above = thresholdValid ? pending.filter((i) => i.confidence >= level) : [];

  return (
    <div className="flex flex-col gap-3" data-testid="review-screen">
      <div aria-live="polite">
        <ActionMessage state={state} />
      </div>
      <p className="text-sm" data-testid="review-summary">
        {plural(current.length, 'item')} found · {pending.length} pending ·{' '}
        {current.filter((i) => i.status === 'accepted' || i.status === 'edited').length} accepted ·{' '}
        {current.filter((i) => i.status === 'rejected').length} rejected
      </p>
      {canEdit && pending.length > 0 ? (
        <div className="flex flex-col gap-2 rounded-md border border-border bg-muted p-3">
          <div className="flex flex-wrap items-end gap-2">
            <div className="flex flex-col gap-1">
              <label htmlFor="accept-threshold" className="text-sm font-medium">
                Confidence at least
              </label>
              <input
                id="accept-threshold"
                inputMode="numeric"
                value={threshold}
                onChange={(e) => setThreshold(e.currentTarget.value)}
                className={`${inputClass} w-24`}
                aria-invalid={thresholdValid ? undefined : true}
                aria-describedby="accept-threshold-hint"
              />
            </div>
            <Button
              disabled={busy || above.length === 0}
              onClick={() => decide(above.map((i) => ({ item_id: i.id, action: 'accept' })))}
            >
              Accept {plural(above.length, 'item')} at or above
            </Button>
          </div>
          <p id="accept-threshold-hint" className="text-xs text-fg-muted">
            {thresholdValid ? 'A number from 0 to 100.' : 'Enter a whole number from 0 to 100.'}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" size="sm" disabled={busy} onClick={() => decide([], 'accept')}>
              Accept all {pending.length} pending
            </Button>
            <Button
              variant="danger"
              size="sm"
              disabled={busy}
              onClick={() => {
                if (window.confirm(`Reject the ${pending.length} items still pending?`)) decide([], 'reject');
              }}
            >
              Reject all {pending.length} pending
            </Button>
          </div>
        </div>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2 lg:items-start">
        <div className="flex min-w-0 flex-col gap-2">
          <fieldset className="flex flex-wrap gap-3">
            <legend className="sr-only">Filter items</legend>
            <div className="flex flex-col gap-1">
              <label htmlFor="review-kind" className="text-sm font-medium">
                Kind
              </label>
              <select
                id="review-kind"
                value={kind}
                onChange={(e) => setKind(e.currentTarget.value as ItemKind | '')}
                className={inputClass}
              >
                <option value="">All kinds ({current.length})</option>
                {ITEM_KINDS.filter((k) => counts.has(k)).map((k) => (
                  <option key={k} value={k}>
                    {ITEM_KIND_LABEL[k]} ({counts.get(k)})
                  </option>
                ))}
              </select>
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="review-show" className="text-sm font-medium">
                Show
              </label>
              <select
                id="review-show"
                value={show}
                onChange={(e) => setShow(e.currentTarget.value as Show)}
                className={inputClass}
              >
                <option value="all">All items</option>
                <option value="pending">Pending only</option>
                <option value="decided">Decided only</option>
              </select>
            </div>
          </fieldset>
          {visible.length === 0 ? (
            <EmptyState title="No items match">Change the filters to see more.</EmptyState>
          ) : (
            <ul className="divide-y divide-border" aria-label="Extracted items" aria-busy={busy}>
              {visible.map((i) => (
                <ReviewItemRow
                  key={i.id}
                  item={i}
                  raw={raw[i.id]}
                  canEdit={canEdit}
                  busy={busy}
                  onDecide={(d) => decide([d])}
                />
              ))}
            </ul>
          )}
        </div>
        <div className="min-w-0 lg:sticky lg:top-4">
          <h3 className="mb-2 text-sm font-semibold">Report text</h3>
          <p className="mb-2 text-xs text-fg-muted">
            Evidence sentences are marked; values are underlined (dashed: pending, solid: accepted, struck:
            rejected).
          </p>
          {text}
        </div>
      </div>
    </div>
  );
}
