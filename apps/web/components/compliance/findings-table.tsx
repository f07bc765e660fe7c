'use client';

import { Fragment, useState } from 'react';
import { EmptyState } from '@/components/ui/card';
import type { Finding } from '@/lib/compliance-types';
import type { EvidenceContext } from '@/lib/evidence';
import { FindingStatusBadge, SeverityBadge } from './badges';
import { FindingDetails } from './finding-details';

export interface FindingRow {
  key: string;
  finding: Finding;
  frameworkName: string;
  contexts: EvidenceContext[];
}

/** Findings, one row each; a row's button opens its gaps, recommendations and evidence below it. */
export function FindingsTable({ rows }: { rows: FindingRow[] }) {
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  if (rows.length === 0) return <EmptyState title="No findings match these filters" />;
  const toggle = (key: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">
        Findings; open a control to see its gaps, recommendations and evidence
      </caption>
      <thead className="text-xs uppercase text-fg-muted">
        <tr>
          <th scope="col" className="py-2 pr-2">
            Control
          </th>
          <th scope="col" className="hidden w-28 px-1 py-2 sm:table-cell">
            Status
          </th>
          <th scope="col" className="hidden w-24 px-1 py-2 sm:table-cell">
            Severity
          </th>
          <th scope="col" className="hidden w-24 px-1 py-2 text-right sm:table-cell">
            Confidence
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, finding: f, frameworkName, contexts }) => {
          const expanded = open.has(key);
          const detailsId = `finding-${key}`;
          return (
            <Fragment key={key}>
              <tr
                className="border-t border-border align-top"
                data-testid="finding-row"
                data-status={f.status}
                data-severity={f.severity}
              >
                <td className="py-2 pr-2">
                  <button
                    type="button"
                    aria-expanded={expanded}
                    aria-controls={detailsId}
                    onClick={() => toggle(key)}
                    className="flex w-full items-start gap-1.5 rounded text-left hover:bg-muted"
                  >
                    <span aria-hidden="true" className="mt-0.5 w-3 shrink-0 text-fg-muted">
                      {expanded ? '▾' : '▸'}
                    </span>
                    <span className="min-w-0 wrap-anywhere">
                      <span className="font-mono font-medium">{f.control_id}</span>{' '}
                      <span className="text-xs text-fg-muted">{frameworkName}</span>
                      {f.title ? <span className="block">{f.title}</span> : null}
                      {/* On a phone the status and severity columns fold in here. */}
                      <span className="mt-1 flex flex-wrap gap-1 sm:hidden">
                        <FindingStatusBadge status={f.status} />
                        <SeverityBadge severity={f.severity} />
                      </span>
                    </span>
                  </button>
                </td>
                <td className="hidden px-1 py-2 sm:table-cell">
                  <FindingStatusBadge status={f.status} />
                </td>
                <td className="hidden px-1 py-2 sm:table-cell">
                  <SeverityBadge severity={f.severity} />
                </td>
                <td className="hidden px-1 py-2 text-right tabular-nums sm:table-cell">
                  {Math.round(f.confidence * 100)}%
                </td>
              </tr>
              <tr id={detailsId} hidden={!expanded} data-testid="finding-details">
                <td colSpan={4} className="pb-4 pl-5 pr-1">
                  {expanded ? <FindingDetails finding={f} contexts={contexts} /> : null}
                </td>
              </tr>
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
