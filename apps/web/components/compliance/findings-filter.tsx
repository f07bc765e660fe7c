import { Button, buttonClass } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { frameworkLabel, SEVERITIES, SEVERITY_LABEL, STATUS_LABEL, STATUSES } from '@/lib/compliance-format';
import type { Framework } from '@/lib/compliance-types';

export interface FindingFilters {
  framework?: string;
  status?: string;
  severity?: string;
}

/** A GET form: the API filters the findings, and the URL keeps the view (back button, sharing). */
export function FindingsFilter({
  action,
  values,
  frameworkIds,
  frameworks,
}: {
  action: string;
  values: FindingFilters;
  frameworkIds: string[];
  frameworks?: Framework[];
}) {
  return (
    <form
      method="get"
      action={action}
      aria-label="Filter findings"
      className="grid gap-3 sm:grid-cols-4 sm:items-end"
    >
      <SelectField
        label="Framework"
        name="framework"
        id="filter-framework"
        defaultValue={values.framework ?? ''}
      >
        <option value="">All frameworks</option>
        {frameworkIds.map((f) => (
          <option key={f} value={f}>
            {frameworkLabel(f, frameworks)}
          </option>
        ))}
      </SelectField>
      <SelectField label="Status" name="status" id="filter-status" defaultValue={values.status ?? ''}>
        <option value="">All statuses</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABEL[s]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Severity" name="severity" id="filter-severity" defaultValue={values.severity ?? ''}>
        <option value="">All severities</option>
        {SEVERITIES.map((s) => (
          <option key={s} value={s}>
            {SEVERITY_LABEL[s]}
          </option>
        ))}
      </SelectField>
      <div className="flex gap-2">
        <Button type="submit">Apply filters</Button>
        <a href={action} className={buttonClass('ghost')}>
          Clear
        </a>
      </div>
    </form>
  );
}
