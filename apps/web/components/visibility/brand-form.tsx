'use client';

import { createBrand } from '@/app/(app)/visibility/actions';
import { ActionMessage } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useValidatedAction } from '@/components/ui/use-validated-action';
import { brandFormSchema } from '@/lib/visibility-schemas';

/** Adds the project's own brand (`owned`) or a competitor: names, aliases, products and domains. */
export function BrandForm({ projectId, owned }: { projectId: string; owned: boolean }) {
  const { state, formAction, errors, onSubmit } = useValidatedAction(brandFormSchema, createBrand);
  const p = owned ? 'own' : 'comp';
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-3"
      aria-label={owned ? 'Add your brand' : 'Add a competitor'}
    >
      <ActionMessage state={state} />
      <input type="hidden" name="project_id" value={projectId} />
      {owned ? <input type="hidden" name="owned" value="on" /> : null}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field
          id={`${p}-name`}
          label={owned ? 'Brand name' : 'Competitor name'}
          name="name"
          required
          maxLength={120}
          error={errors.name}
        />
        <Field
          id={`${p}-aliases`}
          label="Aliases"
          name="aliases"
          hint="Other names, comma-separated (HubSpot CRM, HS)"
          error={errors.aliases}
        />
        <Field
          id={`${p}-products`}
          label="Product names"
          name="products"
          hint="Comma-separated; each counts as a mention"
          error={errors.products}
        />
        <Field
          id={`${p}-domains`}
          label="Domains"
          name="domains"
          hint="Comma-separated, e.g. example.com; citations to them are the brand’s"
          error={errors.domains}
        />
      </div>
      <div>
        <SubmitButton pendingText="Saving…">{owned ? 'Add your brand' : 'Add competitor'}</SubmitButton>
      </div>
    </form>
  );
}
