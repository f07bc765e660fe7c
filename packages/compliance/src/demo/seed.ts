import { readFileSync } from 'node:fs';
import type { DemoContext, Platform, ServiceContext } from '@assay/core';
import { and, eq } from 'drizzle-orm';
import { createAssessment } from '../assessments/service.ts';
import { confirmUpload } from '../documents/confirm.ts';
import { createUpload } from '../documents/service.ts';
import { complianceDocuments } from '../schema.ts';

const POLICY = new URL('./sample-policy.md', import.meta.url);

/** The demo organization gets a sample policy, assessed with the baseline engine, so a report is there at once. */
export async function seedComplianceDemo(platform: Platform, demo: DemoContext) {
  const ctx: ServiceContext = {
    db: platform.db,
    orgId: demo.orgId,
    actor: { type: 'user', id: demo.userId },
    role: 'owner',
    meta: { ip: null, userAgent: 'assay-demo', traceId: null },
  };
  const bytes = readFileSync(POLICY);
  const { row } = await createUpload(ctx, platform.storage, {
    project_id: demo.projectId,
    filename: 'northwind-security-policy.md',
    content_type: 'text/markdown',
    size_bytes: bytes.length,
  });
  await platform.storage.put(row.storageKey, bytes, { contentType: 'text/markdown' });
  await confirmUpload(ctx, platform, row.id);
  for (let waited = 0; waited < 120_000; waited += 500) {
    const [doc] = await platform.db
      .select({ status: complianceDocuments.status })
      .from(complianceDocuments)
      .where(and(eq(complianceDocuments.orgId, demo.orgId), eq(complianceDocuments.id, row.id)));
    if (doc?.status === 'ready') {
      await createAssessment(ctx, platform, {
        document_id: row.id,
        frameworks: ['soc2', 'gdpr'],
        engine: 'baseline',
      });
      return;
    }
    if (doc?.status === 'failed') throw new Error('the demo policy could not be read');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the demo policy was not processed within two minutes; is a worker running?');
}
