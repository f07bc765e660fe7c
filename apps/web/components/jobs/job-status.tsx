import { Badge } from '@/components/ui/card';
import type { JobStatus } from '@/lib/types';

const TONE: Record<JobStatus, 'neutral' | 'ok' | 'danger' | 'accent'> = {
  queued: 'neutral',
  running: 'accent',
  retrying: 'neutral',
  completed: 'ok',
  failed: 'danger',
  dead: 'danger',
  cancelled: 'neutral',
};

export const isActive = (s: JobStatus) => s === 'queued' || s === 'running' || s === 'retrying';
export const canRetry = (s: JobStatus) => s === 'dead' || s === 'failed' || s === 'cancelled';

export function JobStatusBadge({ status }: { status: JobStatus }) {
  return <Badge tone={TONE[status]}>{status}</Badge>;
}
