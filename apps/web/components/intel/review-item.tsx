'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { INDICATOR_TYPES, indicatorLabel } from '@/lib/intel-format';
import type { Decision, IndicatorType, ReviewItem } from '@/lib/intel-types';
import { Confidence, IndicatorTypeBadge, ItemStatusBadge } from './badges';

/** The sentence with the value as written marked in it (the value may be defanged there). */
function Sentence({ sentence, raw }: { sentence: string; raw: string | undefined }) {
  const at = raw ? sentence.indexOf(raw) : -1;
  if (!raw || at < 0) return <q className="text-sm wrap-anywhere">{sentence}</q>;
  return (
    <q className="text-sm wrap-anywhere">
      {sentence.slice(0, at)}
      <mark className="rounded-sm bg-yellow-100 px-0.5 font-mono text-black">{raw}</mark>
      {sentence.slice(at + raw.length)}
    </q>
  );
}

const EDITABLE_TYPES = INDICATOR_TYPES.filter((t) => t !== 'yara');

export function ReviewItemRow({
  item,
  raw,
  canEdit,
  busy,
  onDecide,
}: {
  item: ReviewItem;
  raw?: string;
  canEdit: boolean;
  busy: boolean;
  onDecide: (d: Decision) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(item.value);
  const [type, setType] = useState(item.type);
  const [error, setError] = useState<string | null>(null);
  const pending = item.status === 'pending';
  const label = item.kind === 'indicator' ? item.value : (item.name ?? item.value);
  const editId = `edit-${item.id}`;

  const save = () => {
    const v = value.trim();
    if (!v) return setError('Enter a value.');
    if (v.length > 2048) return setError('At most 2048 characters.');
    setError(null);
    setEditing(false);
    onDecide({ item_id: item.id, action: 'edit', value: v, type: type as IndicatorType });
  };

  return (
    <li
      className="flex flex-col gap-1.5 py-3"
      data-testid="review-item"
      data-item-id={item.id}
      data-kind={item.kind}
      data-status={item.status}
      data-value={item.value}
    >
      <div className="flex flex-wrap items-center gap-2">
        {item.kind === 'indicator' ? (
          <IndicatorTypeBadge type={item.type} />
        ) : (
          <IndicatorTypeBadge type={item.kind} />
        )}
        <span className="min-w-0 break-all font-mono text-sm font-medium">{label}</span>
        {item.attack_id && item.attack_id !== label ? (
          <span className="font-mono text-xs text-fg-muted">{item.attack_id}</span>
        ) : null}
        <ItemStatusBadge status={item.status} />
      </div>
      {item.edited_value ? (
        <p className="text-xs">
          Corrected to <span className="break-all font-mono">{item.edited_value}</span>
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-fg-muted">
        <Confidence value={item.confidence} />
        {item.defanged ? <span>written defanged</span> : null}
        {item.occurrences.length > 1 ? <span>{item.occurrences.length} mentions</span> : null}
        {item.occurrences.length > 0 ? (
          <a href={`#occ-${item.id}`} className="text-accent underline">
            Show in text<span className="sr-only">: {label}</span>
          </a>
        ) : null}
      </div>
      {item.warnings.length > 0 ? (
        <ul className="flex flex-wrap gap-1" aria-label={`Warnings for ${label}`}>
          {item.warnings.map((w) => (
            <li key={w} className="rounded border border-danger px-1.5 py-0.5 text-xs text-danger">
              <span aria-hidden="true">⚠ </span>
              {w}
            </li>
          ))}
        </ul>
      ) : null}
      <Sentence sentence={item.sentence} raw={raw} />
      {canEdit && pending && !editing ? (
        <fieldset className="flex flex-wrap gap-2">
          <legend className="sr-only">Decide on {label}</legend>
          <Button size="sm" disabled={busy} onClick={() => onDecide({ item_id: item.id, action: 'accept' })}>
            Accept<span className="sr-only"> {label}</span>
          </Button>
          <Button
            size="sm"
            variant="danger"
            disabled={busy}
            onClick={() => onDecide({ item_id: item.id, action: 'reject' })}
          >
            Reject<span className="sr-only"> {label}</span>
          </Button>
          {item.kind === 'indicator' ? (
            <Button size="sm" variant="secondary" disabled={busy} onClick={() => setEditing(true)}>
              Edit<span className="sr-only"> {label}</span>
            </Button>
          ) : null}
        </fieldset>
      ) : null}
      {editing ? (
        <fieldset className="flex flex-col gap-2 rounded-md border border-border p-2">
          <legend className="px-1 text-xs font-medium">Correct {label}</legend>
          <div className="grid gap-2 sm:grid-cols-[1fr_10rem]">
            <div className="flex flex-col gap-1">
              <label htmlFor={`${editId}-value`} className="text-xs font-medium">
                Value
              </label>
              <input
                id={`${editId}-value`}
                value={value}
                onChange={(e) => setValue(e.currentTarget.value)}
                className={`${inputClass} font-mono`}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${editId}-error` : undefined}
              />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${editId}-type`} className="text-xs font-medium">
                Type
              </label>
              <select
                id={`${editId}-type`}
                value={type}
                onChange={(e) => setType(e.currentTarget.value)}
                className={inputClass}
              >
                {EDITABLE_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {indicatorLabel(t)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {error ? (
            <p id={`${editId}-error`} className="text-xs text-danger">
              {error}
            </p>
          ) : null}
          <div className="flex gap-2">
            <Button size="sm" disabled={busy} onClick={save}>
              Save and accept
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </fieldset>
      ) : null}
    </li>
  );
}
