import Link from 'next/link';
import type { ChartSeries } from '@/lib/visibility-chart';
import type { MetricSpec } from '@/lib/visibility-metrics';
import { METRICS } from '@/lib/visibility-metrics';
import { LineChart } from './line-chart';

/** A metric picker (links, so it works without script) and the metric's trend per brand and per model. */
export function TrendSection({
  spec,
  byBrand,
  byModel,
  brandName,
  hrefFor,
}: {
  spec: MetricSpec;
  byBrand: ChartSeries[];
  byModel: ChartSeries[];
  brandName: string;
  hrefFor: (metric: string) => string;
}) {
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Metric shown in the trends">
        <ul className="flex flex-wrap gap-2">
          {METRICS.map((m) => (
            <li key={m.key}>
              <Link
                href={hrefFor(m.key)}
                aria-current={m.key === spec.key ? 'true' : undefined}
                className={`inline-block rounded-full border px-3 py-1 text-xs ${
                  m.key === spec.key
                    ? 'border-accent bg-accent text-accent-fg'
                    : 'border-border hover:bg-muted'
                }`}
                scroll={false}
              >
                {m.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="grid grid-cols-1 gap-6">
        <LineChart
          id="trend-brand"
          title={`${spec.label} over time, by brand`}
          series={byBrand}
          format={spec.format}
          domain={spec.domain}
          invert={spec.invert}
        />
        <LineChart
          id="trend-model"
          title={`${spec.label} of ${brandName} over time, by model`}
          series={byModel}
          format={spec.format}
          domain={spec.domain}
          invert={spec.invert}
        />
      </div>
    </div>
  );
}
