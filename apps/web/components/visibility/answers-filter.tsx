import { Button, buttonClass } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import type { Brand, Prompt } from '@/lib/visibility-types';

export interface AnswerFilters {
  prompt?: string;
  model?: string;
  brand?: string;
  sentiment?: string;
  imported?: string;
  run?: string;
}

/** A GET form: the API filters, the URL keeps the view. "Negative only" is the sentiment filter. */
export function AnswersFilter({
  projectId,
  values,
  prompts,
  brands,
  models,
}: {
  projectId: string;
  values: AnswerFilters;
  prompts: Prompt[];
  brands: Brand[];
  models: string[];
}) {
  return (
    <form
      method="get"
      action="/visibility/answers"
      aria-label="Filter answers"
      className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 lg:items-end"
    >
      <input type="hidden" name="project" value={projectId} />
      {values.run ? <input type="hidden" name="run" value={values.run} /> : null}
      <SelectField label="Prompt" name="prompt" id="filter-prompt" defaultValue={values.prompt ?? ''}>
        <option value="">All prompts</option>
        {prompts.map((p) => (
          <option key={p.id} value={p.id}>
            {p.text.length > 70 ? `${p.text.slice(0, 69)}…` : p.text}
          </option>
        ))}
      </SelectField>
      <SelectField label="Model" name="model" id="filter-model" defaultValue={values.model ?? ''}>
        <option value="">All models</option>
        {models.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </SelectField>
      <SelectField label="Brand" name="brand" id="filter-brand" defaultValue={values.brand ?? ''}>
        <option value="">Any brand</option>
        {brands.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
            {b.owned ? ' (yours)' : ''}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Sentiment"
        name="sentiment"
        id="filter-sentiment"
        defaultValue={values.sentiment ?? ''}
      >
        <option value="">Any sentiment</option>
        <option value="negative">Negative only</option>
        <option value="mixed">Mixed</option>
        <option value="positive">Positive</option>
        <option value="neutral">Neutral</option>
      </SelectField>
      <SelectField label="Source" name="imported" id="filter-imported" defaultValue={values.imported ?? ''}>
        <option value="">Scanned and imported</option>
        <option value="false">Scanned only</option>
        <option value="true">Imported only</option>
      </SelectField>
      <div className="flex gap-2">
        <Button type="submit">Apply filters</Button>
        <a href={`/visibility/answers?project=${projectId}`} className={buttonClass('ghost')}>
          Clear
        </a>
      </div>
    </form>
  );
}
