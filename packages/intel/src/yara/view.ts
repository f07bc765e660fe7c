import type { z } from 'zod';
import type { intelYaraRuleSets, intelYaraScans } from '../schema.ts';
import type { ruleSetView, scanView } from './contracts.ts';
import { yaraIndicatorId } from './indicators.ts';

type RuleSetRow = typeof intelYaraRuleSets.$inferSelect;
type ScanRow = typeof intelYaraScans.$inferSelect;

export const scanFileKey = (orgId: string, scanId: string) => `orgs/${orgId}/intel/yara-scans/${scanId}/file`;

export function toRuleSetView(r: RuleSetRow): z.infer<typeof ruleSetView> {
  return {
    id: r.id,
    project_id: r.projectId,
    name: r.name,
    description: r.description,
    sha256: r.sha256,
    rule_count: r.rules.length,
    rules: r.rules,
    warnings: r.warnings,
    indicator_ids: [...new Set(r.rules.map((rule) => yaraIndicatorId(r.orgId, rule.name)))],
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
  };
}

export function toScanView(s: ScanRow, withMatches = true): z.infer<typeof scanView> {
  return {
    id: s.id,
    project_id: s.projectId,
    filename: s.filename,
    size_bytes: s.sizeBytes,
    sha256: s.sha256,
    rule_set_ids: s.ruleSetIds,
    status: s.status as z.infer<typeof scanView>['status'],
    match_count: s.matchCount,
    matches: withMatches ? (s.matches ?? null) : null,
    error: s.error,
    job_id: s.jobId,
    created_at: s.createdAt.toISOString(),
    completed_at: s.completedAt?.toISOString() ?? null,
  };
}
