import type { DemoContext, Platform, ServiceContext } from '@assay/core';
import { createPageBody } from '../pages/contracts.ts';
import { createPage, publishPage } from '../pages/service.ts';
import { importAnswers } from '../scans/import-service.ts';
import { createBrand, createPrompt } from '../scans/setup-service.ts';
import { DEMO_BRANDS, DEMO_LABEL, DEMO_PROMPTS, demoRows } from './sample-answers.ts';
import { DEMO_PAGE } from './sample-page.ts';

/**
 * The demo organization's "Brand visibility" project: three brands, four prompts and a dozen sample
 * answers imported under a label that says they are sample data, so the dashboard is not empty.
 */
const demoContext = (platform: Platform, demo: DemoContext): ServiceContext => ({
  db: platform.db,
  orgId: demo.orgId,
  actor: { type: 'user', id: demo.userId },
  role: 'owner',
  meta: { ip: null, userAgent: 'assay-demo', traceId: null },
});

export async function seedScanDemo(platform: Platform, demo: DemoContext) {
  const ctx = demoContext(platform, demo);
  for (const brand of DEMO_BRANDS) {
    await createBrand(ctx, platform, { project_id: demo.projectId, products: [], ambiguous: null, ...brand });
  }
  for (const prompt of DEMO_PROMPTS) {
    await createPrompt(ctx, {
      project_id: demo.projectId,
      tags: ['demo'],
      language: 'en',
      country: null,
      active: true,
      ...prompt,
    });
  }
  await importAnswers(ctx, { project_id: demo.projectId, label: DEMO_LABEL, rows: demoRows() });
}

/** A published knowledge page, so the demo's public site has something to serve and score. */
export async function seedPageDemo(platform: Platform, demo: DemoContext) {
  const ctx = demoContext(platform, demo);
  const { row } = await createPage(
    ctx,
    platform,
    createPageBody.parse({ project_id: demo.projectId, page_type: 'WebPage', ...DEMO_PAGE }),
  );
  await publishPage(ctx, platform, row.id);
}

/** Everything the visibility module adds to the demo organization. */
export async function seedVisibilityDemo(platform: Platform, demo: DemoContext) {
  await seedScanDemo(platform, demo);
  await seedPageDemo(platform, demo);
}
