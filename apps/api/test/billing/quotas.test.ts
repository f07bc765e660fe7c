import { assertLlmBudget, chargeUsage, isAppError } from '@assay/core';
import { llmUsage } from '@assay/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { addMember, signUp } from '../../../../test/support/client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(); // no payment keys: the "not configured" state
});
afterAll(async () => t?.close());

const spend = (orgId: string, module: string, costMicros: number) =>
  t.platform.db.insert(llmUsage).values({
    orgId,
    module,
    provider: 'openai',
    model: 'gpt-test',
    costMicros,
    durationMs: 10,
    outcome: 'ok',
  });

describe('quotas and usage', () => {
  it("refuses LLM work with 402 once the month's AI spend reaches the plan's budget", async () => {
    const owner = await signUp(t.url, 'quota-llm');
    await spend(owner.orgId, 'compliance', 3_000_000);
    await expect(
      t.platform.db.transaction((tx) => assertLlmBudget(tx, owner.orgId)),
    ).resolves.toBeUndefined();
    await spend(owner.orgId, 'visibility', 2_500_000);
    const error = await t.platform.db.transaction((tx) => assertLlmBudget(tx, owner.orgId)).catch((e) => e);
    expect(isAppError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'QUOTA_EXCEEDED', status: 402 });
    expect(error.extra.quota).toMatchObject({ metric: 'llm.cost_micros', limit: 5_000_000, used: 5_500_000 });
    expect(error.extra.quota.resets_at).toMatch(/^\d{4}-\d{2}-01T00:00:00/);
    await expect(
      t.platform.db.transaction((tx) => chargeUsage(tx, { orgId: owner.orgId, metric: 'llm.cost_micros' })),
    ).rejects.toThrow(/own table/);
  });

  it('answers over-quota requests with 402, the quota, the usage and the reset time', async () => {
    const owner = await signUp(t.url, 'quota-http');
    await t.platform.db.transaction((tx) =>
      chargeUsage(tx, { orgId: owner.orgId, metric: 'exports.created', quantity: 20, enforce: false }),
    );
    const res = await owner.api.post('/v1/exports');
    expect(res.status).toBe(402);
    expect(res.body.error).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      quota: { metric: 'exports.created', limit: 20, used: 20, requested: 1 },
      details: [{ field: 'exports.created', message: 'used 20 of 20' }],
    });
    expect(res.body.error.quota.resets_at).toMatch(/T00:00:00/);
  });

  it('shows admins usage per month and per module, LLM spend included; viewers are refused', async () => {
    const owner = await signUp(t.url, 'quota-usage');
    await spend(owner.orgId, 'intel', 1_250_000);
    await t.platform.db.transaction((tx) =>
      chargeUsage(tx, { orgId: owner.orgId, metric: 'assessment_completed', quantity: 3, enforce: false }),
    );
    const admin = await addMember(t.url, owner, t.mail, 'admin');
    const res = await admin.api.get('/v1/billing/usage?months=3');
    expect(res.status).toBe(200);
    expect(res.body.periods).toHaveLength(3);
    const now = res.body.periods[0];
    expect(now.llm_cost_micros_by_module).toEqual({ intel: 1_250_000 });
    expect(now.metrics).toEqual(
      expect.arrayContaining([
        { metric: 'llm.cost_micros', module: 'ai', used: 1_250_000, limit: 5_000_000 },
        { metric: 'assessment_completed', module: 'compliance', used: 3, limit: 20 },
        { metric: 'visibility.scan_answers', module: 'visibility', used: 0, limit: 200 },
        { metric: 'intel.reports_ingested', module: 'intel', used: 0, limit: 50 },
      ]),
    );
    expect(res.body.periods[1].metrics.every((m: { used: number }) => m.used === 0)).toBe(true);
    const account = await owner.api.get('/v1/billing');
    expect(account.body.metrics).toContainEqual({
      metric: 'llm.cost_micros',
      used: 1_250_000,
      limit: 5_000_000,
    });
    expect(account.body.metrics).toContainEqual({ metric: 'members.seats', used: 2, limit: 5 });
    expect(account.body.metrics).toContainEqual({ metric: 'projects.count', used: 0, limit: 3 });
    const viewer = await addMember(t.url, owner, t.mail, 'viewer');
    expect((await viewer.api.get('/v1/billing/usage')).status).toBe(403);
    expect((await admin.api.get('/v1/billing/usage?months=99')).status).toBe(422);
  });

  it('lists plans with INR and USD prices, seats and every module quota', async () => {
    const owner = await signUp(t.url, 'quota-plans');
    const res = await owner.api.get('/v1/billing/plans');
    expect(res.body.data.map((p: { id: string }) => p.id)).toEqual(['free', 'pro', 'business']);
    const pro = res.body.data[1];
    expect(pro).toMatchObject({
      prices: { INR: 399_900, USD: 4_900 },
      seats: 50,
      rate_limit_per_minute: 3000,
    });
    for (const metric of [
      'assessment_completed',
      'visibility.scan_answers',
      'intel.reports_ingested',
      'llm.cost_micros',
      'storage.bytes',
    ])
      expect(pro.quotas[metric]).toBeGreaterThan(0);
  });

  it('says payments are not configured, and refuses checkout and webhooks, when no keys are set', async () => {
    const owner = await signUp(t.url, 'quota-nokeys');
    const billing = await owner.api.get('/v1/billing');
    expect(billing.body.providers).toEqual({
      razorpay: { configured: false, key_id: null },
      stripe: { configured: false },
    });
    const checkout = await owner.api.post('/v1/billing/checkout', {
      plan_id: 'pro',
      currency: 'INR',
      provider: 'razorpay',
    });
    expect(checkout.status).toBe(409);
    expect(checkout.body.error.message).toMatch(/not configured/);
    const hook = await fetch(`${t.url}/v1/webhooks/razorpay`, { method: 'POST', body: '{}' });
    expect(hook.status).toBe(503);
  });
});
