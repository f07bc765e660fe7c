'use client';

import { updateBrand } from '@/app/(app)/visibility/actions';
import { ActionMessage } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useValidatedAction } from '@/components/ui/use-validated-action';
import { brandEditSchema } from '@/lib/visibility-schemas';
import type { Brand } from '@/lib/visibility-types';

/** Changes a tracked brand's names and domains (new answers are extracted with them). */
export function BrandEditForm({ brand }: { brand: Brand }) {
  const { state, formAction, errors, onSubmit } = useValidatedAction(brandEditSchema, updateBrand);
  const p = `edit-${brand.id}`;
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-3"
      aria-label={`Edit ${brand.name}`}
    >
      <ActionMessage state={state} />
      <input type="hidden" name="id" value={brand.id} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field
          id={`${p}-name`}
          label="Name"
          name="name"
          defaultValue={brand.name}
          required
          maxLength={120}
          error={errors.name}
        />
        <Field
          id={`${p}-aliases`}
          label="Aliases"
          name="aliases"
          defaultValue={brand.aliases.join(', ')}
          error={errors.aliases}
        />
        <Field
          id={`${p}-products`}
          label="Product names"
          name="products"
          defaultValue={brand.products.join(', ')}
          error={errors.products}
        />
        <Field
          id={`${p}-domains`}
          label="Domains"
          name="domains"
          defaultValue={brand.domains.join(', ')}
          error={errors.domains}
        />
      </div>
      <div>
        <SubmitButton size="sm" pendingText="Saving…">
          Save {brand.name}
        </SubmitButton>
      </div>
    </form>
  );
}
