'use client';

import { useState } from 'react';
import { createAgent } from '@/app/(app)/intel/agents/actions';
import { ActionMessage } from '@/components/ui/alert';
import { Field, SelectField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useValidatedAction } from '@/components/ui/use-validated-action';
import { AGENT_KINDS, agentSchema } from '@/lib/intel-agents';
import type { AgentKind } from '@/lib/intel-types';

export function AgentForm({
  projectId,
  initialKind = 'weekly_trend_report',
}: {
  projectId: string;
  initialKind?: AgentKind;
}) {
  const { state, formAction, errors, onSubmit } = useValidatedAction(agentSchema, createAgent);
  const [kind, setKind] = useState<AgentKind>(initialKind);
  const hint = AGENT_KINDS.find((k) => k.id === kind)?.hint;
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-3"
      aria-label="New agent"
    >
      <ActionMessage state={state} />
      <input type="hidden" name="project_id" value={projectId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Name" name="name" id="agent-name" maxLength={200} error={errors.name} />
        <div className="flex flex-col gap-1">
          <SelectField
            label="Task"
            name="kind"
            id="agent-kind"
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as AgentKind)}
            error={errors.kind}
          >
            {AGENT_KINDS.map((k) => (
              <option key={k.id} value={k.id}>
                {k.label}
              </option>
            ))}
          </SelectField>
          {hint ? <p className="text-xs text-fg-muted">{hint}</p> : null}
        </div>
        <Field
          label="Schedule (cron, UTC)"
          name="schedule"
          id="agent-schedule"
          placeholder="0 6 * * 1"
          maxLength={120}
          defaultValue={kind === 'weekly_trend_report' ? '0 6 * * 1' : ''}
          key={kind}
          error={errors.schedule}
          hint="Empty: runs only when you press Run now. 0 6 * * 1 is Mondays at 06:00."
        />
        {kind === 'weekly_trend_report' ? (
          <Field
            label="Period in days"
            name="period_days"
            id="agent-period"
            inputMode="numeric"
            defaultValue="7"
            error={errors.period_days}
          />
        ) : (
          <Field
            label="Reports per run"
            name="max_reports"
            id="agent-max"
            inputMode="numeric"
            defaultValue="10"
            error={errors.max_reports}
          />
        )}
      </div>
      <div>
        <SubmitButton pendingText="Creating…">Create agent</SubmitButton>
      </div>
    </form>
  );
}
