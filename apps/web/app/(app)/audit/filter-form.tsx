'use client';

import { type FormEvent, useState } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { auditFilterSchema, type FieldErrors, fieldErrors, formObject } from '@/lib/schemas';

/** A GET form: the filters live in the URL, so results are shareable and the back button works. */
export function AuditFilterForm({ values }: { values: Record<string, string> }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const parsed = auditFilterSchema.safeParse(formObject(new FormData(event.currentTarget)));
    if (!parsed.success) {
      event.preventDefault();
      setErrors(fieldErrors(parsed.error));
      return;
    }
    // Empty fields stay out of the URL.
    for (const el of Array.from(event.currentTarget.elements) as HTMLInputElement[]) {
      if (el.name && !el.value) el.disabled = true;
    }
  };
  return (
    <form
      method="get"
      action="/audit"
      onSubmit={onSubmit}
      noValidate
      className="grid gap-3 sm:grid-cols-3"
      aria-label="Filter the audit log"
    >
      <Field
        label="Action"
        name="action"
        defaultValue={values.action}
        placeholder="member.* or api_key.create"
        error={errors.action}
      />
      <Field
        label="Target type"
        name="target_type"
        defaultValue={values.target_type}
        placeholder="job, api_key…"
        error={errors.target_type}
      />
      <Field label="Actor id" name="actor_id" defaultValue={values.actor_id} error={errors.actor_id} />
      <Field
        label="From (UTC)"
        name="from"
        type="datetime-local"
        defaultValue={values.from}
        error={errors.from}
      />
      <Field label="To (UTC)" name="to" type="datetime-local" defaultValue={values.to} error={errors.to} />
      <div className="flex items-end gap-2">
        <Button type="submit">Apply filters</Button>
        <a href="/audit" className={buttonClass('ghost')}>
          Clear
        </a>
      </div>
    </form>
  );
}
