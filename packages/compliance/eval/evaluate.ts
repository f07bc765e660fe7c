import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assessBaseline } from '../src/engine/baseline.ts';
import type { FindingStatus } from '../src/engine/types.ts';
import { requireBuiltinFramework } from '../src/frameworks/registry.ts';
import { markdownToDocument } from './markdown.ts';
import { accuracy, type Comparison, type StatusScore, scoreByStatus } from './metrics.ts';

const EVAL_DIR = import.meta.dirname;

interface Labels {
  documents: {
    file: string;
    split: Comparison['split'];
    expected: Record<string, Record<string, FindingStatus>>;
  }[];
}

export interface Scores {
  byStatus: Record<FindingStatus, StatusScore>;
  accuracy: number;
  count: number;
}

export interface EvaluationReport {
  comparisons: Comparison[];
  all: Scores;
  dev: Scores;
  holdout: Scores;
}

/** Runs the baseline engine over the evaluation documents and compares it with the labels. */
export function evaluateBaseline(): EvaluationReport {
  const labels = JSON.parse(readFileSync(join(EVAL_DIR, 'labels.json'), 'utf8')) as Labels;
  const comparisons: Comparison[] = [];
  for (const { file, split, expected } of labels.documents) {
    const doc = markdownToDocument(readFileSync(join(EVAL_DIR, 'documents', file), 'utf8'), file);
    for (const [frameworkId, statuses] of Object.entries(expected)) {
      const framework = requireBuiltinFramework(frameworkId);
      const byId = new Map(assessBaseline(doc, framework.controls).map((f) => [f.control_id, f.status]));
      for (const [controlId, status] of Object.entries(statuses)) {
        const actual = byId.get(controlId);
        if (!actual) throw new Error(`${file}: ${frameworkId} has no control ${controlId}`);
        comparisons.push({
          document: file,
          split,
          framework: frameworkId,
          controlId,
          expected: status,
          actual,
        });
      }
    }
  }
  const scores = (subset: Comparison[]): Scores => ({
    byStatus: scoreByStatus(subset),
    accuracy: accuracy(subset),
    count: subset.length,
  });
  return {
    comparisons,
    all: scores(comparisons),
    dev: scores(comparisons.filter((c) => c.split === 'dev')),
    holdout: scores(comparisons.filter((c) => c.split === 'holdout')),
  };
}
