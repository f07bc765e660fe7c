import { Badge } from '@/components/ui/card';
import { STATUS_LABEL, STATUS_TONE } from '@/lib/visibility-format';
import type { ScanStatus } from '@/lib/visibility-types';

export const RunStatusBadge = ({ status }: { status: ScanStatus }) => (
  <Badge tone={STATUS_TONE[status]}>{STATUS_LABEL[status]}</Badge>
);
