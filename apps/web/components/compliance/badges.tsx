import { Badge } from '@/components/ui/card';
import { SEVERITY_LABEL, STATUS_LABEL } from '@/lib/compliance-format';
import type { AssessmentStatus, DocumentStatus, FindingStatus, Severity } from '@/lib/compliance-types';

type Tone = 'neutral' | 'ok' | 'danger' | 'accent';

const DOCUMENT: Record<DocumentStatus, [Tone, string]> = {
  awaiting_upload: ['neutral', 'awaiting upload'],
  processing: ['accent', 'processing'],
  ready: ['ok', 'ready'],
  failed: ['danger', 'failed'],
};

const ASSESSMENT: Record<AssessmentStatus, Tone> = {
  processing: 'accent',
  completed: 'ok',
  failed: 'danger',
};
const FINDING: Record<FindingStatus, Tone> = {
  met: 'ok',
  partial: 'neutral',
  missing: 'danger',
  not_applicable: 'neutral',
};
const SEVERITY: Record<Severity, Tone> = {
  critical: 'danger',
  high: 'danger',
  medium: 'neutral',
  low: 'neutral',
};

export const DocumentStatusBadge = ({ status }: { status: DocumentStatus }) => (
  <Badge tone={DOCUMENT[status][0]}>{DOCUMENT[status][1]}</Badge>
);

export const AssessmentStatusBadge = ({ status }: { status: AssessmentStatus }) => (
  <Badge tone={ASSESSMENT[status]}>{status}</Badge>
);

export const FindingStatusBadge = ({ status }: { status: FindingStatus }) => (
  <Badge tone={FINDING[status]}>{STATUS_LABEL[status]}</Badge>
);

export const SeverityBadge = ({ severity }: { severity: Severity }) => (
  <Badge tone={SEVERITY[severity]}>{SEVERITY_LABEL[severity]}</Badge>
);
