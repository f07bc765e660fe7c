import type { FindingStatus } from '../src/engine/types.ts';

export const STATUSES: FindingStatus[] = ['met', 'partial', 'missing', 'not_applicable'];

export interface Comparison {
  document: string;
  /** `dev` documents were used while writing the rules; `holdout` ones were not. */
  split: 'dev' | 'holdout';
  framework: string;
  controlId: string;
  expected: FindingStatus;
  actual: FindingStatus;
}

export interface StatusScore {
  /** Of the findings given this status, the share that should have it; null when none were given. */
  precision: number | null;
  /** Of the labels with this status, the share the engine found; null when no label has it. */
  recall: number | null;
  /** Number of labels with this status. */
  support: number;
  /** Number of findings given this status (among labelled controls). */
  predicted: number;
}

export function scoreByStatus(comparisons: readonly Comparison[]): Record<FindingStatus, StatusScore> {
  const scores = {} as Record<FindingStatus, StatusScore>;
  for (const status of STATUSES) {
    const support = comparisons.filter((c) => c.expected === status).length;
    const predicted = comparisons.filter((c) => c.actual === status).length;
    const correct = comparisons.filter((c) => c.expected === status && c.actual === status).length;
    scores[status] = {
      precision: predicted ? correct / predicted : null,
      recall: support ? correct / support : null,
      support,
      predicted,
    };
  }
  return scores;
}

export function accuracy(comparisons: readonly Comparison[]): number {
  return comparisons.length
    ? comparisons.filter((c) => c.expected === c.actual).length / comparisons.length
    : 0;
}
