import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';

export interface DashboardQuery {
  days: string;
  bucket: 'day' | 'week';
  imported: 'include' | 'exclude' | 'only';
  metric: string;
  /** Only the answers of one scan run. */
  run?: string;
}

/** Period, time bucket and source of the answers: a GET form, so the URL is the view. */
export function DashboardFilter({ projectId, q }: { projectId: string; q: DashboardQuery }) {
  return (
    <form
      method="get"
      action="/visibility"
      aria-label="Dashboard period and sources"
      className="grid grid-cols-1 gap-3 sm:grid-cols-4 sm:items-end"
    >
      <input type="hidden" name="project" value={projectId} />
      <input type="hidden" name="metric" value={q.metric} />
      {q.run ? (
        <p className="text-sm sm:col-span-4" data-testid="run-scope">
          <input type="hidden" name="run" value={q.run} />
          Figures of one scan run only.{' '}
          <Link className="text-accent underline" href={`/visibility/scans/${q.run}?project=${projectId}`}>
            Open the run
          </Link>{' '}
          ·{' '}
          <Link className="text-accent underline" href={`/visibility?project=${projectId}&days=${q.days}`}>
            Show every answer
          </Link>
        </p>
      ) : null}
      <SelectField label="Period" name="days" id="dash-days" defaultValue={q.days}>
        <option value="7">Last 7 days</option>
        <option value="30">Last 30 days</option>
        <option value="90">Last 90 days</option>
        <option value="365">Last 12 months</option>
      </SelectField>
      <SelectField label="Trend by" name="bucket" id="dash-bucket" defaultValue={q.bucket}>
        <option value="day">Day</option>
        <option value="week">Week</option>
      </SelectField>
      <SelectField label="Answers" name="imported" id="dash-imported" defaultValue={q.imported}>
        <option value="include">Scanned and imported</option>
        <option value="exclude">Scanned only</option>
        <option value="only">Imported only</option>
      </SelectField>
      <div>
        <Button type="submit">Apply</Button>
      </div>
    </form>
  );
}
