import Link from 'next/link';
import { AssessmentStatusBadge, DocumentStatusBadge } from '@/components/compliance/badges';
import { ActionForm } from '@/components/ui/action-form';
import { EmptyState } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { SubmitButton } from '@/components/ui/submit-button';
import { frameworkLabel, percent } from '@/lib/compliance-format';
import type { Assessment, ComplianceDocument } from '@/lib/compliance-types';
import { formatBytes } from '@/lib/uploads';
import { deleteDocument } from './actions';

/** A project's documents, each with its assessments (newest first). */
export function DocumentList({
  documents,
  assessments,
  canDelete,
}: {
  documents: ComplianceDocument[];
  assessments: Assessment[];
  canDelete: boolean;
}) {
  if (documents.length === 0)
    return <EmptyState title="No documents yet">Upload a policy to assess it.</EmptyState>;
  return (
    <ul className="divide-y divide-border" aria-label="Documents">
      {documents.map((d) => {
        const runs = assessments.filter((a) => a.document_id === d.id);
        return (
          <li
            key={d.id}
            className="flex flex-col gap-2 py-3"
            data-testid="document-row"
            data-status={d.status}
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <span className="min-w-0">
                <Link
                  href={`/compliance/documents/${d.id}`}
                  className="break-all font-medium text-accent underline"
                >
                  {d.filename}
                </Link>{' '}
                <DocumentStatusBadge status={d.status} />
                <span className="block text-xs text-fg-muted">
                  {formatBytes(d.size_bytes)} · uploaded {formatDate(d.created_at)}
                  {d.text_chars !== null ? ` · ${d.text_chars.toLocaleString('en')} characters` : ''}
                </span>
              </span>
              {canDelete ? (
                <ActionForm
                  action={deleteDocument}
                  confirm={`Delete ${d.filename} and its assessments?`}
                  label={`Delete ${d.filename}`}
                >
                  <input type="hidden" name="id" value={d.id} />
                  <input type="hidden" name="project_id" value={d.project_id} />
                  <SubmitButton variant="danger" size="sm" aria-label={`Delete ${d.filename}`}>
                    Delete
                  </SubmitButton>
                </ActionForm>
              ) : null}
            </div>
            {d.status === 'failed' ? (
              <p className="text-sm text-danger">
                Processing failed: {d.error ?? 'unknown error'}
                {d.error_reason ? ` (reason: ${d.error_reason})` : ''}
              </p>
            ) : null}
            {runs.length > 0 ? (
              <ul
                className="flex flex-col gap-1 border-l-2 border-border pl-3"
                aria-label={`Assessments of ${d.filename}`}
              >
                {runs.map((a) => (
                  <li key={a.id} className="flex flex-wrap items-center gap-2 text-sm">
                    <Link href={`/compliance/assessments/${a.id}`} className="text-accent underline">
                      {a.frameworks.map((f) => frameworkLabel(f)).join(', ')}
                    </Link>
                    <AssessmentStatusBadge status={a.status} />
                    {a.summary ? <span>coverage {percent(a.summary.overall.coverage)}</span> : null}
                    <span className="text-xs text-fg-muted">{formatDate(a.created_at)}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
