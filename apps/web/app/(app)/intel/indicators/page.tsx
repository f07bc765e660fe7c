import { IndicatorTable } from '@/components/intel/indicator-table';
import { Pager } from '@/components/intel/pager';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { Field, SelectField } from '@/components/ui/field';
import { attempt, load } from '@/lib/api';
import { guard } from '@/lib/guard';
import { INDICATOR_TYPES, indicatorLabel, TLP_LABEL, TLP_LEVELS } from '@/lib/intel-format';
import { param } from '@/lib/intel-projects';
import type { Indicator } from '@/lib/intel-types';
import type { Page } from '@/lib/types';

export const metadata = { title: 'Indicators · Intel · Assay' };

const PAGE_SIZE = 50;

/** Reads the filters from the URL, keeping only values the API accepts (a bad link shows everything). */
function filtersOf(q: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  const text = param(q.q);
  if (text && text.length <= 200) out.q = text;
  const type = param(q.type);
  if (type && type !== 'yara' && (INDICATOR_TYPES as string[]).includes(type)) out.type = type;
  const tlp = param(q.tlp);
  if (tlp && (TLP_LEVELS as string[]).includes(tlp)) out.tlp = tlp;
  const min = param(q.min_confidence);
  if (min && /^\d+$/.test(min) && Number(min) <= 100) out.min_confidence = min;
  if (param(q.active) === 'true') out.active = 'true';
  return out;
}

export default async function IndicatorsPage({ searchParams }: PageProps<'/intel/indicators'>) {
  await guard('viewer');
  const q = await searchParams;
  const filters = filtersOf(q);
  const cursor = param(q.cursor);
  const query = new URLSearchParams({ ...filters, 'page[size]': String(PAGE_SIZE) });
  if (cursor) query.set('page[cursor]', cursor);
  const list = await attempt(load<Page<Indicator>>(`/v1/intel/indicators?${query}`));
  const filtered = Object.keys(filters).length > 0;
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Indicators"
        description="Every indicator accepted from your reports, merged by type and normalised value. Newest first."
      />
      <Card title="Filters">
        <form
          method="get"
          action="/intel/indicators"
          aria-label="Filter indicators"
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
        >
          <div className="lg:col-span-2">
            <Field
              label="Search"
              name="q"
              id="indicators-q"
              type="search"
              maxLength={200}
              defaultValue={filters.q ?? ''}
              hint="Words or part of a value: evil-domain, 203.0.113, a hash prefix."
            />
          </div>
          <SelectField label="Type" name="type" id="indicators-type" defaultValue={filters.type ?? ''}>
            <option value="">All types</option>
            {INDICATOR_TYPES.filter((t) => t !== 'yara').map((t) => (
              <option key={t} value={t}>
                {indicatorLabel(t)}
              </option>
            ))}
          </SelectField>
          <SelectField label="TLP" name="tlp" id="indicators-tlp" defaultValue={filters.tlp ?? ''}>
            <option value="">Any TLP</option>
            {TLP_LEVELS.map((t) => (
              <option key={t} value={t}>
                {TLP_LABEL[t]}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Minimum confidence"
            name="min_confidence"
            id="indicators-min"
            defaultValue={filters.min_confidence ?? ''}
          >
            <option value="">Any</option>
            {['50', '70', '80', '90'].map((v) => (
              <option key={v} value={v}>
                {v} or more
              </option>
            ))}
          </SelectField>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="active" value="true" defaultChecked={filters.active === 'true'} />
            Only not expired
          </label>
          <div className="flex gap-2 lg:col-span-4">
            <Button type="submit">Apply</Button>
            <a href="/intel/indicators" className={buttonClass('ghost')}>
              Clear
            </a>
          </div>
        </form>
      </Card>
      <Card title="Results" description={filtered ? 'Matching the filters above.' : undefined}>
        {list.error ? <Alert>{list.error}</Alert> : null}
        {list.data ? <IndicatorTable indicators={list.data.data} caption="Indicators" /> : null}
        {list.data ? (
          <Pager
            path="/intel/indicators"
            params={filters}
            nextCursor={list.data.meta.next_cursor}
            onFirstPage={!cursor}
            label="Indicators"
          />
        ) : null}
      </Card>
    </div>
  );
}
