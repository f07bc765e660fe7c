import Link from 'next/link';
import { deleteSchedule, setScheduleEnabled } from '@/app/(app)/visibility/actions';
import { ActionForm } from '@/components/ui/action-form';
import { Badge } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ModelSet, ScanSchedule } from '@/lib/visibility-types';

/** Recurring scans with their next run; pause, resume and delete by role. */
export function ScheduleList({
  schedules,
  sets,
  projectId,
  canEdit,
  canDelete,
}: {
  schedules: ScanSchedule[];
  sets: ModelSet[];
  projectId: string;
  canEdit: boolean;
  canDelete: boolean;
}) {
  if (schedules.length === 0) return <p className="text-sm text-fg-muted">No recurring scans.</p>;
  const names = new Map(sets.map((s) => [s.id, s.name]));
  return (
    <ul className="divide-y divide-border" aria-label="Recurring scans">
      {schedules.map((s) => {
        const label = `schedule ${s.cron} (${s.timezone})`;
        return (
          <li key={s.id} className="flex flex-wrap items-start justify-between gap-2 py-2 text-sm">
            <span className="min-w-0">
              <span className="font-mono">{s.cron}</span> <span className="text-fg-muted">{s.timezone}</span>{' '}
              · {names.get(s.model_set_id) ?? 'deleted model set'}{' '}
              {s.enabled ? <Badge tone="ok">on</Badge> : <Badge>paused</Badge>}
              <span className="block text-xs text-fg-muted">
                {s.enabled && s.next_run_at ? `Next ${formatDate(s.next_run_at)}` : 'Not scheduled'}
                {s.last_run_id ? (
                  <>
                    {' · '}
                    <Link
                      className="text-accent underline"
                      href={`/visibility/scans/${s.last_run_id}?project=${projectId}`}
                    >
                      last run
                    </Link>
                  </>
                ) : null}
              </span>
            </span>
            <span className="flex gap-2">
              {canEdit ? (
                <ActionForm action={setScheduleEnabled} label={`${s.enabled ? 'Pause' : 'Resume'} ${label}`}>
                  <input type="hidden" name="id" value={s.id} />
                  <input type="hidden" name="enabled" value={s.enabled ? 'false' : 'true'} />
                  <SubmitButton
                    variant="secondary"
                    size="sm"
                    aria-label={`${s.enabled ? 'Pause' : 'Resume'} ${label}`}
                  >
                    {s.enabled ? 'Pause' : 'Resume'}
                  </SubmitButton>
                </ActionForm>
              ) : null}
              {canDelete ? (
                <ActionForm action={deleteSchedule} confirm={`Delete ${label}?`} label={`Delete ${label}`}>
                  <input type="hidden" name="id" value={s.id} />
                  <SubmitButton variant="danger" size="sm" aria-label={`Delete ${label}`}>
                    Delete
                  </SubmitButton>
                </ActionForm>
              ) : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
