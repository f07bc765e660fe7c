import { deleteSetupItem, setPromptActive } from '@/app/(app)/visibility/actions';
import { ActionForm } from '@/components/ui/action-form';
import { Badge, EmptyState } from '@/components/ui/card';
import { SubmitButton } from '@/components/ui/submit-button';
import type { Brand, ModelSet, Prompt } from '@/lib/visibility-types';
import { BrandEditForm } from './brand-edit-form';

function DeleteButton({
  kind,
  id,
  name,
}: {
  kind: 'brand' | 'prompt' | 'model_set';
  id: string;
  name: string;
}) {
  return (
    <ActionForm action={deleteSetupItem} confirm={`Delete ${name}?`} label={`Delete ${name}`}>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="danger" size="sm" aria-label={`Delete ${name}`}>
        Delete
      </SubmitButton>
    </ActionForm>
  );
}

const joined = (label: string, values: string[]) =>
  values.length ? (
    <span className="block text-xs text-fg-muted">
      {label}: {values.join(', ')}
    </span>
  ) : null;

export function BrandList({
  brands,
  canEdit,
  canDelete,
  label,
}: {
  brands: Brand[];
  canEdit: boolean;
  canDelete: boolean;
  label: string;
}) {
  if (brands.length === 0) return <EmptyState title={`No ${label.toLowerCase()} yet`} />;
  return (
    <ul className="divide-y divide-border" aria-label={label}>
      {brands.map((b) => (
        <li
          key={b.id}
          className="flex flex-wrap items-start justify-between gap-2 py-2"
          data-testid="brand-row"
        >
          <div className="min-w-0 flex-1">
            <span className="font-medium">{b.name}</span>{' '}
            {b.owned ? <Badge tone="accent">your brand</Badge> : null}
            {b.ambiguous ? <Badge>common word: strict matching</Badge> : null}
            {joined('Aliases', b.aliases)}
            {joined('Products', b.products)}
            {joined('Domains', b.domains)}
            {canEdit ? (
              <details className="mt-1">
                <summary className="cursor-pointer text-xs text-accent">Edit {b.name}</summary>
                <div className="pt-2">
                  <BrandEditForm brand={b} />
                </div>
              </details>
            ) : null}
          </div>
          {canDelete ? <DeleteButton kind="brand" id={b.id} name={b.name} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function PromptList({
  prompts,
  canEdit,
  canDelete,
}: {
  prompts: Prompt[];
  canEdit: boolean;
  canDelete: boolean;
}) {
  if (prompts.length === 0)
    return <EmptyState title="No prompts yet">Add the questions your customers ask.</EmptyState>;
  return (
    <ul className="divide-y divide-border" aria-label="Prompts">
      {prompts.map((p) => (
        <li
          key={p.id}
          className="flex flex-wrap items-start justify-between gap-2 py-2"
          data-testid="prompt-row"
        >
          <span className="min-w-0 flex-1">
            <span className="block break-words">{p.text}</span>
            <span className="flex flex-wrap gap-1 pt-1 text-xs text-fg-muted">
              {p.topic ? <Badge>{p.topic}</Badge> : null}
              {p.tags.map((t) => (
                <Badge key={t}>#{t}</Badge>
              ))}
              {p.language ? <span>language {p.language}</span> : null}
              {p.country ? <span>· country {p.country}</span> : null}
              {p.active ? null : <Badge tone="danger">inactive</Badge>}
            </span>
          </span>
          <span className="flex gap-2">
            {canEdit ? (
              <ActionForm action={setPromptActive} label={`${p.active ? 'Pause' : 'Resume'} prompt`}>
                <input type="hidden" name="id" value={p.id} />
                <input type="hidden" name="active" value={p.active ? 'false' : 'true'} />
                <SubmitButton variant="secondary" size="sm">
                  {p.active ? 'Pause' : 'Resume'}
                </SubmitButton>
              </ActionForm>
            ) : null}
            {canDelete ? (
              <DeleteButton kind="prompt" id={p.id} name={`prompt “${p.text.slice(0, 40)}”`} />
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function ModelSetList({ sets, canDelete }: { sets: ModelSet[]; canDelete: boolean }) {
  if (sets.length === 0) return <EmptyState title="No model sets yet">A scan needs one.</EmptyState>;
  return (
    <ul className="divide-y divide-border" aria-label="Model sets">
      {sets.map((s) => (
        <li key={s.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
          <span className="min-w-0">
            <span className="font-medium">{s.name}</span>
            <span className="block break-all text-xs text-fg-muted">
              {s.models.join(', ')} · {s.samples_per_prompt} sample{s.samples_per_prompt === 1 ? '' : 's'} per
              prompt · web search {s.web_search ? 'on' : 'off'}
            </span>
          </span>
          {canDelete ? <DeleteButton kind="model_set" id={s.id} name={`model set ${s.name}`} /> : null}
        </li>
      ))}
    </ul>
  );
}
