import { ExportJob } from '@/components/intel/export-job';
import { QueryProvider } from '@/components/query-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { SelectField } from '@/components/ui/field';
import { guard } from '@/lib/guard';
import { EXPORT_FORMATS, EXPORT_TYPES } from '@/lib/intel-exports';
import { indicatorLabel, TLP_LABEL, TLP_LEVELS } from '@/lib/intel-format';
import { param } from '@/lib/intel-projects';

export const metadata = { title: 'Exports · Intel · Assay' };

export default async function IntelExportsPage({ searchParams }: PageProps<'/intel/exports'>) {
  await guard('viewer');
  const q = await searchParams;
  const error = param(q.error);
  const job = param(q.job);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Exports"
        description="Your indicators, actors, ATT&CK references and their relationships, for other tools or to share. Large exports run in the background and end with a download link."
      />
      {error ? <Alert>{error.slice(0, 500)}</Alert> : null}
      {job && /^[0-9a-f-]{36}$/i.test(job) ? (
        <Card title="Background export">
          <QueryProvider>
            <ExportJob jobId={job} />
          </QueryProvider>
        </Card>
      ) : null}
      <Card title="New export">
        <form
          method="post"
          action="/intel/exports/download"
          className="flex flex-col gap-4"
          aria-label="New export"
        >
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">Format</legend>
            {EXPORT_FORMATS.map((f, i) => (
              <label key={f.id} className="flex items-start gap-2 text-sm">
                <input type="radio" name="format" value={f.id} defaultChecked={i === 0} className="mt-1" />
                <span>
                  <span className="font-medium">{f.label}</span>{' '}
                  <span className="text-fg-muted">— {f.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend className="mb-1 text-sm font-medium">Indicator types (none checked: all)</legend>
            <div className="grid grid-cols-2 gap-1 sm:grid-cols-4">
              {EXPORT_TYPES.map((t) => (
                <label key={t} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="types" value={t} />
                  {indicatorLabel(t)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField label="Minimum confidence" name="min_confidence" id="export-min" defaultValue="">
              <option value="">Any</option>
              {['50', '70', '80', '90'].map((v) => (
                <option key={v} value={v}>
                  {v} or more
                </option>
              ))}
            </SelectField>
            <SelectField
              label="Most restrictive TLP to include"
              name="max_tlp"
              id="export-tlp"
              defaultValue=""
            >
              <option value="">Everything</option>
              {TLP_LEVELS.map((t) => (
                <option key={t} value={t}>
                  up to {TLP_LABEL[t]}
                </option>
              ))}
            </SelectField>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="async" value="true" />
            Run in the background even if small (a download link when done)
          </label>
          <div>
            <Button type="submit">Export</Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
