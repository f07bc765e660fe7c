import { auditLogs, jobSchedules } from '@assay/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { addMember, signUp } from '../../../../test/support/client.ts';
import { intelReports } from '../../src/schema.ts';
import { INDICATOR_BUNDLE, LINK_ONLY_RSS, RSS, STIX, startFeedServer } from './feed-server.ts';
import { type Api, poll } from './helpers.ts';

let t: TestApp;
let feeds: Awaited<ReturnType<typeof startFeedServer>>;
beforeAll(async () => {
  feeds = await startFeedServer({
    '/rss.xml': { type: 'application/rss+xml', body: RSS },
    '/bundle.json': { type: 'application/json', body: STIX },
    '/broken.xml': { type: 'application/xml', body: '<rss><channel><item>' },
    '/list.json': { type: 'application/json', body: '{"objects": []}' },
    '/indicators.json': { type: 'application/json', body: INDICATOR_BUNDLE },
    '/links.xml': { type: 'application/rss+xml', body: LINK_ONLY_RSS },
    '/slow.xml': { type: 'application/rss+xml', body: RSS, delayMs: 2500 },
  });
  t = await startTestApp({ env: { OUTBOUND_ALLOW_PRIVATE: 'true' } });
  await t.startWorker();
});
afterAll(async () => {
  await t?.close();
  await feeds?.close();
});

const finished = (api: Api, runId: string) =>
  poll(
    async () => (await api.get(`/v1/intel/agent-runs/${runId}`)).body,
    (r) => r.status === 'completed' || r.status === 'failed',
    'agent run',
    60_000,
  );

describe('scheduled trend monitoring', () => {
  it('pulls the feeds, ingests new items once as reports, and writes a trend report artifact without an LLM', async () => {
    const owner = await signUp(t.url, 'trends');
    const projectId = (await owner.api.post('/v1/projects', { name: 'monitoring' })).body.id;
    for (const [name, path] of [
      ['Research blog', '/rss.xml'],
      ['Partner STIX', '/bundle.json'],
    ]) {
      const feed = await owner.api.post('/v1/intel/feeds', {
        project_id: projectId,
        name,
        url: `${feeds.url}${path}`,
      });
      expect(feed.status).toBe(201);
    }
    const agent = await owner.api.post('/v1/intel/agents', {
      project_id: projectId,
      name: 'Weekly trends',
      kind: 'weekly_trend_report',
      schedule: '0 6 * * 1',
      timezone: 'Europe/Berlin',
    });
    expect(agent.status).toBe(201);
    expect(agent.body.config).toEqual({ period_days: 7, pull_feeds: true });
    expect(new Date(agent.body.next_run_at).getTime()).toBeGreaterThan(Date.now());

    const started = await owner.api.post(`/v1/intel/agents/${agent.body.id}/run`);
    expect(started.status).toBe(202);
    expect(started.body.trigger).toBe('manual');
    expect(['queued', 'running']).toContain(started.body.status);
    expect((await owner.api.post(`/v1/intel/agents/${agent.body.id}/run`)).status).toBe(409);
    const run = await finished(owner.api, started.body.id);
    expect(run.status).toBe('completed');
    expect(run).toMatchObject({ method: 'baseline', llm_calls: 0, cost_micros: 0, progress: 100 });
    expect(run.summary).toMatchObject({
      feeds_pulled: 2,
      feed_items_ingested: 3,
      feed_errors: 0,
      reports: 3,
      reports_pending: 0,
    });
    expect(run.summary.rising_techniques).toEqual(['T1566.001']);
    expect(run.summary.new_indicators_by_type).toMatchObject({ domain: 3, md5: 1 });
    expect(run.artifact_ids).toHaveLength(2);

    const reports = await t.platform.db
      .select()
      .from(intelReports)
      .where(eq(intelReports.orgId, owner.orgId));
    expect(reports.map((r) => r.title).sort()).toEqual([
      'Credential phishing kit',
      'Loader campaign hits logistics firms',
      'Second wave with PowerShell',
    ]);
    expect(reports.every((r) => r.projectId === projectId && r.status === 'review')).toBe(true);

    const artifacts = await owner.api.get(`/v1/intel/artifacts?agent_id=${agent.body.id}`);
    const report = artifacts.body.data.find((a: { kind: string }) => a.kind === 'trend_report');
    expect(report).toMatchObject({
      content_type: 'text/markdown; charset=utf-8',
      method: 'baseline',
      run_id: run.id,
    });
    const download = await fetch(`${t.url}/v1/intel/artifacts/${report.id}/download`, {
      headers: { authorization: `Bearer ${owner.token}`, 'x-org-id': owner.orgId },
    });
    expect(download.status).toBe(200);
    const markdown = await download.text();
    expect(markdown).toMatch(/^# Threat trends /);
    expect(markdown).toContain('3 report(s) ingested');
    expect(markdown).toContain('T1566.001');
    expect(markdown).toContain('Computed without a language model (method: baseline)');
    const signed = await owner.api.get(`/v1/intel/artifacts/${report.id}`);
    expect((await fetch(signed.body.download_url)).status).toBe(200);

    // A second pull finds nothing new: the items are remembered per feed.
    const again = await owner.api.post(`/v1/intel/agents/${agent.body.id}/run`);
    const second = await finished(owner.api, again.body.id);
    expect(second.summary).toMatchObject({ feed_items_ingested: 0, reports: 3 });
    const feedList = await owner.api.get(`/v1/intel/feeds?project_id=${projectId}`);
    expect(feedList.body.data.map((f: { items_ingested: number }) => f.items_ingested).sort()).toEqual([
      1, 2,
    ]);
    expect(feedList.body.data.every((f: { last_status: string }) => f.last_status === 'ok')).toBe(true);
    const rssFeed = feedList.body.data.find((f: { kind: string }) => f.kind === 'rss');
    const items = await owner.api.get(`/v1/intel/feeds/${rssFeed.id}/items`);
    expect(items.body.data.map((i: { key: string }) => i.key).sort()).toEqual(['post-1', 'post-2']);
    expect(items.body.data.every((i: { report_id: string | null }) => i.report_id)).toBe(true);

    const runs = await owner.api.get(`/v1/intel/agents/${agent.body.id}/runs`);
    expect(runs.body.data.map((r: { id: string }) => r.id)).toEqual([again.body.id, started.body.id]);
  });

  it('fires on its cron schedule through the core scheduler, and follows schedule changes', async () => {
    const owner = await signUp(t.url, 'cron');
    const projectId = (await owner.api.post('/v1/projects', { name: 'cron' })).body.id;
    const agent = await owner.api.post('/v1/intel/agents', {
      project_id: projectId,
      name: 'Trends',
      kind: 'weekly_trend_report',
      schedule: '0 * * * *',
      config: { period_days: 14 },
    });
    expect(agent.status).toBe(201);
    const key = `intel.agent:${agent.body.id}`;
    await t.platform.db
      .update(jobSchedules)
      .set({ nextRunAt: new Date(Date.now() - 1000) })
      .where(eq(jobSchedules.key, key));
    const runs = await poll(
      async () => (await owner.api.get(`/v1/intel/agents/${agent.body.id}/runs`)).body.data,
      (data: { status: string; summary: Record<string, unknown> }[]) =>
        data.length === 1 && data[0].status === 'completed',
      'scheduled run',
      60_000,
    );
    expect(runs[0]).toMatchObject({ trigger: 'schedule', method: 'baseline' });
    expect(runs[0].summary).toMatchObject({ feeds_pulled: 0, reports: 0 });
    const [schedule] = await t.platform.db.select().from(jobSchedules).where(eq(jobSchedules.key, key));
    expect(schedule.nextRunAt.getTime()).toBeGreaterThan(Date.now());
    expect(schedule.queue).toBe('long-running');

    const paused = await owner.api.patch(`/v1/intel/agents/${agent.body.id}`, { schedule: null });
    expect(paused.body.next_run_at).toBeNull();
    expect(await t.platform.db.select().from(jobSchedules).where(eq(jobSchedules.key, key))).toEqual([]);
    expect((await owner.api.delete(`/v1/intel/agents/${agent.body.id}`)).status).toBe(204);

    // An agent deleted with its project leaves a schedule behind; its next firing removes it.
    const doomed = (await owner.api.post('/v1/projects', { name: 'doomed' })).body.id;
    const orphan = await owner.api.post('/v1/intel/agents', {
      project_id: doomed,
      name: 'Orphan',
      kind: 'map_to_attack',
      schedule: '30 5 * * *',
    });
    expect((await owner.api.delete(`/v1/projects/${doomed}`)).status).toBe(204);
    const orphanKey = `intel.agent:${orphan.body.id}`;
    await t.platform.db
      .update(jobSchedules)
      .set({ nextRunAt: new Date(Date.now() - 1000) })
      .where(eq(jobSchedules.key, orphanKey));
    await poll(
      () => t.platform.db.select().from(jobSchedules).where(eq(jobSchedules.key, orphanKey)),
      (rows) => rows.length === 0,
      'orphaned schedule removal',
      30_000,
    );
  });

  it('records why a feed could not be read, and ingests nothing from it', async () => {
    const owner = await signUp(t.url, 'broken-feeds');
    const projectId = (await owner.api.post('/v1/projects', { name: 'broken' })).body.id;
    const cases = [
      ['/broken.xml', /not well-formed XML|Expected an RSS/],
      ['/list.json', /STIX bundle/],
      ['/missing.xml', /HTTP 404/],
    ] as const;
    for (const [path, reason] of cases) {
      const feed = await owner.api.post('/v1/intel/feeds', {
        project_id: projectId,
        name: path,
        url: `${feeds.url}${path}`,
      });
      expect((await owner.api.post(`/v1/intel/feeds/${feed.body.id}/fetch`)).status).toBe(202);
      const after = await poll(
        async () => (await owner.api.get(`/v1/intel/feeds/${feed.body.id}`)).body,
        (f) => f.last_fetched_at !== null,
        'feed fetch',
      );
      expect(after.last_status, path).toBe('error');
      expect(after.last_error, path).toMatch(reason);
    }
    expect(
      await t.platform.db.select().from(intelReports).where(eq(intelReports.orgId, owner.orgId)),
    ).toEqual([]);
  });

  it("ingests a bundle's indicators as one report, and skips (but remembers) an item whose link is refused", async () => {
    const owner = await signUp(t.url, 'grouping');
    const projectId = (await owner.api.post('/v1/projects', { name: 'grouping' })).body.id;
    const pull = async (path: string, name: string) => {
      const feed = await owner.api.post('/v1/intel/feeds', {
        project_id: projectId,
        name,
        url: `${feeds.url}${path}`,
      });
      const fetchOnce = async () => {
        const { body } = await owner.api.post(`/v1/intel/feeds/${feed.body.id}/fetch`);
        await poll(
          async () => (await owner.api.get(`/v1/jobs/${body.job_id}`)).body,
          (j) => j.status === 'completed',
          'fetch job',
        );
        return (await owner.api.get(`/v1/intel/feeds/${feed.body.id}`)).body;
      };
      return { id: feed.body.id, fetchOnce };
    };
    const bundle = await pull('/indicators.json', 'Partner');
    expect(await bundle.fetchOnce()).toMatchObject({ last_status: 'ok', kind: 'stix', items_ingested: 2 });
    const items = (await owner.api.get(`/v1/intel/feeds/${bundle.id}/items`)).body.data;
    expect(items).toHaveLength(2);
    expect(new Set(items.map((i: { report_id: string }) => i.report_id)).size).toBe(1);
    const reports = await t.platform.db
      .select()
      .from(intelReports)
      .where(eq(intelReports.orgId, owner.orgId));
    expect(reports.map((r) => r.title)).toEqual(['Partner: 2 STIX indicator(s) and vulnerabilities']);

    const links = await pull('/links.xml', 'Links');
    const first = await links.fetchOnce();
    expect(first.last_status).toBe('error');
    expect(first.last_error).toMatch(/URL/);
    const remembered = (await owner.api.get(`/v1/intel/feeds/${links.id}/items`)).body.data;
    expect(remembered).toMatchObject([{ key: 'odd-1', report_id: null }]);
    expect(await links.fetchOnce()).toMatchObject({ last_status: 'ok', items_ingested: 0 });
    expect(
      await t.platform.db.select().from(intelReports).where(eq(intelReports.orgId, owner.orgId)),
    ).toHaveLength(1);
  });

  it('cancels a running run: nothing it pulled or wrote is kept', async () => {
    const owner = await signUp(t.url, 'cancel');
    const projectId = (await owner.api.post('/v1/projects', { name: 'cancel' })).body.id;
    await owner.api.post('/v1/intel/feeds', {
      project_id: projectId,
      name: 'Slow',
      url: `${feeds.url}/slow.xml`,
    });
    const agent = await owner.api.post('/v1/intel/agents', {
      project_id: projectId,
      name: 'T',
      kind: 'weekly_trend_report',
    });
    const started = await owner.api.post(`/v1/intel/agents/${agent.body.id}/run`);
    await poll(
      async () => (await owner.api.get(`/v1/intel/agent-runs/${started.body.id}`)).body,
      (r) => r.status === 'running',
      'run start',
    );
    const cancelled = await owner.api.post(`/v1/intel/agent-runs/${started.body.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'failed', error: 'Cancelled', artifact_ids: [] });
    expect((await owner.api.post(`/v1/intel/agent-runs/${started.body.id}/cancel`)).status).toBe(409);
    await new Promise((r) => setTimeout(r, 4000));
    const after = (await owner.api.get(`/v1/intel/agent-runs/${started.body.id}`)).body;
    expect(after).toMatchObject({ status: 'failed', error: 'Cancelled', artifact_ids: [], summary: null });
    expect((await owner.api.get(`/v1/intel/artifacts?agent_id=${agent.body.id}`)).body.data).toEqual([]);
    expect(
      await t.platform.db.select().from(intelReports).where(eq(intelReports.orgId, owner.orgId)),
    ).toEqual([]);
    // A new run may start once the cancelled one is over.
    expect((await owner.api.post(`/v1/intel/agents/${agent.body.id}/run`)).status).toBe(202);
  });

  it('refuses bad schedules, kinds and configuration, enforces roles and keeps tenants apart', async () => {
    const owner = await signUp(t.url, 'agents-bad');
    const projectId = (await owner.api.post('/v1/projects', { name: 'bad' })).body.id;
    const base = { project_id: projectId, name: 'x', kind: 'weekly_trend_report' };
    const badCron = await owner.api.post('/v1/intel/agents', { ...base, schedule: 'every monday' });
    expect(badCron.status).toBe(422);
    expect(badCron.body.error.details[0].field).toBe('body.schedule');
    const tooOften = await owner.api.post('/v1/intel/agents', { ...base, schedule: '* * * * *' });
    expect(tooOften.status).toBe(422);
    expect(tooOften.body.error.message).toMatch(/15 minutes/);
    const badZone = await owner.api.post('/v1/intel/agents', {
      ...base,
      schedule: '0 6 * * 1',
      timezone: 'Mars/Olympus',
    });
    expect(badZone.status).toBe(422);
    expect((await owner.api.post('/v1/intel/agents', { ...base, kind: 'write_poetry' })).status).toBe(422);
    const badConfig = await owner.api.post('/v1/intel/agents', {
      ...base,
      config: { period_days: 0, colour: 'red' },
    });
    expect(badConfig.status).toBe(422);
    expect(badConfig.body.error.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['body.config.period_days']),
    );
    expect((await owner.api.get(`/v1/intel/agents?project_id=${projectId}`)).body.data).toEqual([]);

    const agent = await owner.api.post('/v1/intel/agents', { ...base, kind: 'summarise_new_reports' });
    expect(agent.status).toBe(201);
    const viewer = await addMember(t.url, owner, t.mail, 'viewer');
    expect((await viewer.api.get(`/v1/intel/agents/${agent.body.id}`)).status).toBe(200);
    expect((await viewer.api.post(`/v1/intel/agents/${agent.body.id}/run`)).status).toBe(403);
    expect((await viewer.api.post('/v1/intel/agents', base)).status).toBe(403);
    expect(
      (
        await viewer.api.post('/v1/intel/feeds', {
          project_id: projectId,
          name: 'f',
          url: 'https://example.org/feed',
        })
      ).status,
    ).toBe(403);
    const editor = await addMember(t.url, owner, t.mail, 'editor');
    expect((await editor.api.patch(`/v1/intel/agents/${agent.body.id}`, { name: 'renamed' })).status).toBe(
      200,
    );
    expect((await editor.api.delete(`/v1/intel/agents/${agent.body.id}`)).status).toBe(403);

    const other = await signUp(t.url, 'agents-other');
    for (const [method, path] of [
      ['GET', `/v1/intel/agents/${agent.body.id}`],
      ['PATCH', `/v1/intel/agents/${agent.body.id}`],
      ['POST', `/v1/intel/agents/${agent.body.id}/run`],
      ['GET', `/v1/intel/agents/${agent.body.id}/runs`],
      ['DELETE', `/v1/intel/agents/${agent.body.id}`],
    ] as const)
      expect(
        (await other.api.call(method, path, method === 'GET' || method === 'DELETE' ? undefined : {})).status,
      ).toBe(404);
    expect((await other.api.post('/v1/intel/agents', base)).status).toBe(404);
    expect((await other.api.get('/v1/intel/agents')).body.data).toEqual([]);

    const actions = (
      await t.platform.db
        .select({ action: auditLogs.action })
        .from(auditLogs)
        .where(eq(auditLogs.orgId, owner.orgId))
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['intel.agent.create', 'intel.agent.update']));
  });
});
