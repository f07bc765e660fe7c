import type { Currency } from './types';

export const money = (minor: number, currency: Currency | string) =>
  new Intl.NumberFormat(currency === 'INR' ? 'en-IN' : 'en-US', { style: 'currency', currency }).format(
    minor / 100,
  );

const LABELS: Record<string, { label: string; unit?: 'bytes' | 'usd_micros' }> = {
  assessment_completed: { label: 'Compliance assessments' },
  'visibility.scan_answers': { label: 'Visibility scan answers' },
  'intel.reports_ingested': { label: 'Intel reports ingested' },
  'llm.cost_micros': { label: 'AI spend', unit: 'usd_micros' },
  'exports.created': { label: 'Data exports' },
  'storage.bytes': { label: 'Storage', unit: 'bytes' },
  'projects.count': { label: 'Projects' },
  'members.seats': { label: 'Seats' },
  'compliance.max_document_bytes': { label: 'Largest document', unit: 'bytes' },
};

export const metricLabel = (metric: string) => LABELS[metric]?.label ?? metric;

export function metricValue(metric: string, value: number): string {
  const unit = LABELS[metric]?.unit;
  if (unit === 'usd_micros') return money(Math.round(value / 10_000), 'USD');
  if (unit === 'bytes') {
    const units = ['B', 'KB', 'MB', 'GB', 'TB'];
    let v = value;
    let i = 0;
    while (v >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    return `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[i]}`;
  }
  return value.toLocaleString('en-US');
}
