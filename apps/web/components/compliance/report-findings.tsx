import { frameworkLabel } from '@/lib/compliance-format';
import type { Finding } from '@/lib/compliance-types';
import { evidenceContext, uniqueEvidence } from '@/lib/evidence';
import { FindingStatusBadge, SeverityBadge } from './badges';
import { FindingDetails } from './finding-details';

/** Every finding written out (read-only, printable), grouped by framework. */
export function ReportFindings({ findings, frameworks }: { findings: Finding[]; frameworks: string[] }) {
  return (
    <>
      {frameworks.map((fw) => {
        const group = findings.filter((f) => f.framework === fw);
        return (
          <section key={fw} aria-labelledby={`fw-${fw}`} className="flex flex-col gap-3">
            <h2 id={`fw-${fw}`} className="text-lg font-semibold">
              Findings · {frameworkLabel(fw)} ({group.length})
            </h2>
            {group.map((f) => (
              <article
                key={`${f.framework}-${f.control_id}`}
                className="break-inside-avoid rounded-lg border border-border bg-surface p-4"
                data-testid="report-finding"
              >
                <div className="mb-2 flex flex-wrap items-center gap-2">
                  <h3 className="font-semibold">
                    <span className="font-mono">{f.control_id}</span>
                    {f.title ? ` · ${f.title}` : ''}
                  </h3>
                  <FindingStatusBadge status={f.status} />
                  <SeverityBadge severity={f.severity} />
                </div>
                <FindingDetails
                  finding={f}
                  contexts={uniqueEvidence(f.evidence).map((e) => evidenceContext(null, e))}
                  level={4}
                />
              </article>
            ))}
          </section>
        );
      })}
    </>
  );
}
