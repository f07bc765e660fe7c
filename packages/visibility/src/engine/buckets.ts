export type TimeBucket = 'day' | 'week';

const DAY_MS = 86_400_000;

function toDate(value: string | Date): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`invalid sampled_at: ${String(value)}`);
  return date;
}

/** The UTC date that starts the bucket: the day itself, or the Monday of its ISO week. */
export function bucketKey(value: string | Date, bucket: TimeBucket): string {
  const date = toDate(value);
  const day = Math.floor(date.getTime() / DAY_MS) * DAY_MS;
  if (bucket === 'day') return new Date(day).toISOString().slice(0, 10);
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  return new Date(day - weekday * DAY_MS).toISOString().slice(0, 10);
}
