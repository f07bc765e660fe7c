import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { signUp } from '../../../../test/support/client.ts';
import { hasSharedData, sharedData } from '../../../../test/support/shared-data.ts';
import { importAttackBundle } from '../../src/attack-import/import.ts';
import { intelReports } from '../../src/schema.ts';
import { startFeedServer } from './feed-server.ts';
import { poll } from './helpers.ts';

const BUNDLE = 'attack/enterprise-attack.json';

const rss = (posts: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Actors</title>${posts
    .map(
      (text, i) =>
        `<item><guid>actor-post-${i}</guid><title>Post ${i}</title><description>${text}</description></item>`,
    )
    .join('')}</channel></rss>`;

let t: TestApp;
let server: Awaited<ReturnType<typeof startFeedServer>>;
beforeAll(async () => {
  server = await startFeedServer({
    '/actors.xml': {
      type: 'application/rss+xml',
      body: rss([
        'The intrusion is attributed to APT29, which used spearphishing attachments (T1566.001).',
        'APT29 returned with a new loader; APT28 scanned the same networks.',
        'APT28 operators reused infrastructure at relay-cluster[.]xyz.',
      ]),
    },
  });
  t = await startTestApp({ env: { OUTBOUND_ALLOW_PRIVATE: 'true' } });
  if (hasSharedData(BUNDLE)) await importAttackBundle(t.platform.db, readFileSync(sharedData(BUNDLE)));
  await t.startWorker();
}, 120_000);
afterAll(async () => {
  await t?.close();
  await server?.close();
});

describe.skipIf(!hasSharedData(BUNDLE))('trend report with the ATT&CK catalogue imported', () => {
  it('names rising actors and techniques against the previous period', async () => {
    const owner = await signUp(t.url, 'actors');
    const projectId = (await owner.api.post('/v1/projects', { name: 'actors' })).body.id;
    // Last period: one report naming APT28, backdated ten days.
    const earlier = await owner.api.post('/v1/intel/reports', {
      source: 'text',
      text: 'APT28 was seen phishing ministries last month.',
      project_id: projectId,
    });
    await poll(
      async () => (await owner.api.get(`/v1/intel/reports/${earlier.body.id}`)).body,
      (r) => r.status !== 'processing',
      'extraction',
    );
    await t.platform.db
      .update(intelReports)
      .set({ createdAt: new Date(Date.now() - 10 * 86_400_000) })
      .where(and(eq(intelReports.orgId, owner.orgId), eq(intelReports.id, earlier.body.id)));

    await owner.api.post('/v1/intel/feeds', {
      project_id: projectId,
      name: 'Actor blog',
      url: `${server.url}/actors.xml`,
    });
    const agent = await owner.api.post('/v1/intel/agents', {
      project_id: projectId,
      name: 'Trends',
      kind: 'weekly_trend_report',
    });
    const started = await owner.api.post(`/v1/intel/agents/${agent.body.id}/run`);
    const run = await poll(
      async () => (await owner.api.get(`/v1/intel/agent-runs/${started.body.id}`)).body,
      (r) => r.status === 'completed' || r.status === 'failed',
      'agent run',
      90_000,
    );
    expect(run.status).toBe('completed');
    // APT29: 2 reports now, none before (new); APT28: 2 now, 1 before.
    expect(run.summary).toMatchObject({
      reports: 3,
      feed_items_ingested: 3,
      rising_actors: ['G0016', 'G0007'],
    });
    const figures = (await owner.api.get(`/v1/intel/artifacts?agent_id=${agent.body.id}&kind=trend_data`))
      .body.data[0];
    const artifact = JSON.parse(
      await (
        await fetch(`${t.url}/v1/intel/artifacts/${figures.id}/download`, {
          headers: { authorization: `Bearer ${owner.token}`, 'x-org-id': owner.orgId },
        })
      ).text(),
    );
    expect(artifact.risingActors).toEqual([
      expect.objectContaining({ key: 'G0016', label: 'APT29', current: 2, previous: 0, isNew: true }),
      expect.objectContaining({ key: 'G0007', label: 'APT28', current: 2, previous: 1, isNew: false }),
    ]);
    expect(artifact.markdown).toContain('- APT29 (G0016): 2 this period, 0 before — new');
  });
});
