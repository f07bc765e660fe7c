'use client';

import { useQuery } from '@tanstack/react-query';
import { useActionState, useEffect, useRef, useState, useTransition } from 'react';
import { createShare, revokeShare } from '@/app/(app)/compliance/actions';
import { fetchJson } from '@/components/jobs/fetch-json';
import { ActionMessage, Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Badge } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { formatDate } from '@/components/ui/dates';
import { SelectField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ShareLink } from '@/lib/compliance-types';
import { describeError } from '@/lib/errors';

const EXPIRY_DAYS = [1, 7, 14, 30, 90];

const linkState = (l: ShareLink, now: number) =>
  l.revoked_at ? 'revoked' : new Date(l.expires_at).getTime() <= now ? 'expired' : 'active';

/** A modal <dialog> (the browser traps focus and closes it on Escape) to create, copy and revoke links. */
export function ShareDialog({ assessmentId }: { assessmentId: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [isOpen, setIsOpen] = useState(false);
  const [state, formAction] = useActionState(createShare, {});
  const links = useQuery({
    queryKey: ['shares', assessmentId],
    queryFn: () => fetchJson<{ data: ShareLink[] }>(`/v1/assessments/${assessmentId}/shares`),
    enabled: isOpen,
  });
  const refetch = links.refetch;
  useEffect(() => {
    if (state.link) void refetch();
  }, [state.link, refetch]);
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          dialog.current?.showModal();
          setIsOpen(true);
        }}
      >
        Share
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="share-title"
        onClose={() => setIsOpen(false)}
        className="fixed inset-0 m-auto h-fit max-h-[90vh] w-[min(36rem,calc(100vw-2rem))] overflow-y-auto rounded-lg border border-border bg-surface p-4 text-fg backdrop:bg-black/50 sm:p-5"
      >
        <div className="flex flex-col gap-4">
          <div className="flex items-start justify-between gap-2">
            <h2 id="share-title" className="text-lg font-semibold">
              Share this report
            </h2>
            <Button variant="ghost" size="sm" onClick={() => dialog.current?.close()}>
              Close
            </Button>
          </div>
          <p className="text-sm text-fg-muted">
            Anyone with the link can read this report without signing in, until it expires or you revoke it.
          </p>
          <form action={formAction} className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="assessment_id" value={assessmentId} />
            <div className="min-w-40 flex-1">
              <SelectField
                label="Link expires after"
                name="expires_in_days"
                id="share-expiry"
                defaultValue="14"
                error={state.fields?.expires_in_days}
              >
                {EXPIRY_DAYS.map((d) => (
                  <option key={d} value={d}>
                    {d === 1 ? '1 day' : `${d} days`}
                  </option>
                ))}
              </SelectField>
            </div>
            <SubmitButton pendingText="Creating…">Create link</SubmitButton>
          </form>
          <ActionMessage state={state} />
          {state.link ? (
            <div className="flex flex-col gap-1" data-testid="new-share-link">
              <label htmlFor="share-url" className="text-sm font-medium">
                Share link (expires {formatDate(state.link.expires_at)})
              </label>
              <div className="flex gap-2">
                <input
                  id="share-url"
                  readOnly
                  value={state.link.url}
                  onFocus={(e) => e.currentTarget.select()}
                  className="min-w-0 flex-1 rounded-md border border-border bg-muted px-3 py-1.5 font-mono text-xs"
                />
                <CopyButton value={state.link.url} label="Copy link" />
              </div>
            </div>
          ) : null}
          <section aria-labelledby="share-links-title" className="flex flex-col gap-2">
            <h3 id="share-links-title" className="text-sm font-semibold">
              Links
            </h3>
            {links.error ? <Alert>{describeError(links.error)}</Alert> : null}
            {links.data?.data.length === 0 ? <p className="text-sm text-fg-muted">No links yet.</p> : null}
            <ul className="divide-y divide-border" aria-label="Share links">
              {links.data?.data.map((l) => (
                <ShareRow key={l.id} assessmentId={assessmentId} link={l} onChange={() => void refetch()} />
              ))}
            </ul>
          </section>
        </div>
      </dialog>
    </>
  );
}

function ShareRow({
  assessmentId,
  link,
  onChange,
}: {
  assessmentId: string;
  link: ShareLink;
  onChange: () => void;
}) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const status = linkState(link, Date.now());
  const name = `link created ${formatDate(link.created_at)}`;
  return (
    <li className="flex flex-col gap-1 py-2 text-sm" data-testid="share-row" data-status={status}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span>
          <Badge tone={status === 'active' ? 'ok' : 'neutral'}>{status}</Badge>{' '}
          <span className="text-xs text-fg-muted">
            created {formatDate(link.created_at)} ·{' '}
            {status === 'revoked'
              ? `revoked ${formatDate(link.revoked_at)}`
              : `expires ${formatDate(link.expires_at)}`}
          </span>
        </span>
        {status === 'active' ? (
          <Button
            variant="danger"
            size="sm"
            disabled={pending}
            aria-label={`Revoke ${name}`}
            onClick={() => {
              if (!window.confirm('Revoke this link? Anyone holding it loses access at once.')) return;
              start(async () => {
                const res = await revokeShare(assessmentId, link.id);
                setError(res.error ?? null);
                onChange();
              });
            }}
          >
            {pending ? 'Revoking…' : 'Revoke'}
          </Button>
        ) : null}
      </div>
      {error ? <Alert>{error}</Alert> : null}
    </li>
  );
}
