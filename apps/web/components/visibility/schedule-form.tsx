'use client';

import { createSchedule } from '@/app/(app)/visibility/actions';
import { ActionMessage } from '@/components/ui/alert';
import { Field, SelectField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useValidatedAction } from '@/components/ui/use-validated-action';
import { scheduleFormSchema } from '@/lib/visibility-schemas';
import type { ModelSet } from '@/lib/visibility-types';

/** A recurring scan of the project with one model set, on a cron in a time zone. */
export function ScheduleForm({ projectId, sets }: { projectId: string; sets: ModelSet[] }) {
  const { state, formAction, errors, onSubmit } = useValidatedAction(scheduleFormSchema, createSchedule);
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-3"
      aria-label="Schedule a scan"
    >
      <ActionMessage state={state} />
      <input type="hidden" name="project_id" value={projectId} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <SelectField id="schedule-set" label="Model set" name="model_set_id" error={errors.model_set_id}>
          {sets.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <Field
          id="schedule-cron"
          label="When (cron)"
          name="cron"
          defaultValue="0 6 * * 1"
          hint="minute hour day month weekday; 0 6 * * 1 is Mondays 06:00"
          error={errors.cron}
        />
        <Field
          id="schedule-tz"
          label="Time zone"
          name="timezone"
          defaultValue="UTC"
          error={errors.timezone}
        />
      </div>
      <div>
        <SubmitButton variant="secondary" pendingText="Scheduling…">
          Schedule
        </SubmitButton>
      </div>
    </form>
  );
}
