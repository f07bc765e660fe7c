import { existsSync, readFileSync } from 'node:fs';
import type { DemoContext, Platform, ServiceContext } from '@assay/core';
import { and, eq } from 'drizzle-orm';
import { importAttackBundle } from '../attack-import/import.ts';
import { reviewReport } from '../reports/review.ts';
import { createReport } from '../reports/service.ts';
import { intelReports, intelReviewItems } from '../schema.ts';

const REPORT = new URL('./sample-report.md', import.meta.url);

/** The ATT&CK bundle kept beside the repository (never copied into it); SHARED_DATA_DIR overrides. */
export function sharedAttackBundle(): string | undefined {
  const dir = process.env.SHARED_DATA_DIR ?? new URL('../../../../../shared/data/', import.meta.url).pathname;
  const file = `${dir.replace(/\/$/, '')}/attack/enterprise-attack.json`;
  return existsSync(file) ? file : undefined;
}

/**
 * The demo organization gets the ATT&CK catalogue (when the shared data is there) and a sample threat
 * report, extracted and reviewed the way an analyst would: findings with false-positive warnings
 * rejected (documentation-range addresses excepted, since the sample uses them), the rest accepted.
 */
export async function seedIntelDemo(platform: Platform, demo: DemoContext) {
  const bundle = sharedAttackBundle();
  if (bundle) await importAttackBundle(platform.db, readFileSync(bundle), { importedBy: 'demo' });
  const ctx: ServiceContext = {
    db: platform.db,
    orgId: demo.orgId,
    actor: { type: 'user', id: demo.userId },
    role: 'owner',
    meta: { ip: null, userAgent: 'assay-demo', traceId: null },
  };
  const report = await createReport(ctx, platform, {
    source: 'text',
    title: 'Paper Lantern: a benefits-themed phishing wave against logistics firms',
    text: readFileSync(REPORT, 'utf8'),
    tlp: 'green',
    project_id: demo.projectId,
  });
  for (let waited = 0; waited < 120_000; waited += 500) {
    const [row] = await platform.db
      .select({ status: intelReports.status })
      .from(intelReports)
      .where(and(eq(intelReports.orgId, demo.orgId), eq(intelReports.id, report.id)));
    if (row?.status === 'review') {
      const items = await platform.db
        .select()
        .from(intelReviewItems)
        .where(and(eq(intelReviewItems.reportId, report.id), eq(intelReviewItems.status, 'pending')));
      const suspicious = items.filter((i) => i.warnings.some((w) => !/documentation/i.test(w)));
      await reviewReport(ctx, report.id, {
        decisions: suspicious.map((i) => ({ item_id: i.id, action: 'reject' as const })),
        remaining: 'accept',
      });
      return;
    }
    if (row?.status === 'failed' || row?.status === 'completed') return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the demo threat report was not processed within two minutes; is a worker running?');
}
