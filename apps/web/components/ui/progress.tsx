/** An accessible progress bar with an optional ETA line. */
export function Progress({ value, label, eta }: { value: number; label: string; eta?: string | null }) {
  const pct = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className="flex flex-col gap-1">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="h-2 w-full overflow-hidden rounded-full bg-muted"
      >
        <div
          className="h-full rounded-full bg-accent transition-[width] duration-500"
          style={{ width: `${pct}%` }}
        />
      </div>
      <p className="text-xs text-fg-muted">
        {pct}%{eta ? ` · about ${formatEta(eta)} left` : ''}
      </p>
    </div>
  );
}

export function formatEta(eta: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((new Date(eta).getTime() - now) / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
}
