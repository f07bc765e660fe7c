'use client';

import { saveIntelSettings } from '@/app/(app)/intel/actions';
import { ActionMessage } from '@/components/ui/alert';
import { Field, inputClass, SelectField } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useValidatedAction } from '@/components/ui/use-validated-action';
import { TLP_LABEL, TLP_LEVELS } from '@/lib/intel-format';
import { settingsSchema } from '@/lib/intel-schemas';
import type { IntelSettings } from '@/lib/intel-types';

/** Organization settings of the module (admins): auto-accept, the publisher's own domains, default TLP. */
export function IntelSettingsForm({ settings }: { settings: IntelSettings }) {
  const { state, formAction, errors, onSubmit } = useValidatedAction(settingsSchema, saveIntelSettings);
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-3"
      aria-label="Intel settings"
    >
      <ActionMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label="Auto-accept at or above confidence"
          name="auto_accept_threshold"
          id="auto-accept"
          inputMode="numeric"
          defaultValue={settings.auto_accept_threshold ?? ''}
          error={errors.auto_accept_threshold}
          hint="1–100. Leave empty to review every item by hand."
        />
        <SelectField
          label="Default TLP"
          name="default_tlp"
          id="default-tlp"
          defaultValue={settings.default_tlp}
          error={errors.default_tlp}
        >
          {TLP_LEVELS.map((t) => (
            <option key={t} value={t}>
              {TLP_LABEL[t]}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="publisher-domains" className="text-sm font-medium">
          Your own domains
        </label>
        <textarea
          id="publisher-domains"
          name="publisher_domains"
          rows={3}
          defaultValue={settings.publisher_domains.join('\n')}
          className={`${inputClass} font-mono`}
          aria-invalid={errors.publisher_domains ? true : undefined}
          aria-describedby={errors.publisher_domains ? 'publisher-domains-error' : 'publisher-domains-hint'}
        />
        {errors.publisher_domains ? (
          <p id="publisher-domains-error" className="text-xs text-danger">
            {errors.publisher_domains}
          </p>
        ) : (
          <p id="publisher-domains-hint" className="text-xs text-fg-muted">
            One per line. Mentions of them in reports are marked as likely false positives.
          </p>
        )}
      </div>
      <div>
        <SubmitButton pendingText="Saving…">Save settings</SubmitButton>
      </div>
    </form>
  );
}
