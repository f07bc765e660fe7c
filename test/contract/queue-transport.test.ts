import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JobMessage, QueueTransport } from '../../packages/core/src/jobs/port.ts';
import { availableAdapters, sleep, uniquePrefix, waitFor } from '../../packages/core/test/jobs/adapters.ts';
import { dispatchContract } from '../../packages/core/test/jobs/dispatch-contract.ts';
import { workerContract } from '../../packages/core/test/jobs/worker-contract.ts';
import type { TestDatabase } from '../support/db.ts';

/**
 * One contract for every queue backend: BullMQ on Redis, pg-boss on Postgres, pg-boss on PGlite.
 * First the transport alone, then the jobs service sending through it, then a worker running on it.
 */
const adapters = await availableAdapters();

describe.each(adapters)('$name', (adapter) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await adapter.openDatabase();
  });
  afterAll(async () => {
    await database?.drop();
    await adapter.cleanup();
  });

  describe('transport', () => {
    let transport: QueueTransport;
    const received: JobMessage[] = [];
    const message = (jobId: string, run = 1): JobMessage => ({ jobId, run });
    const got = (jobId: string) => received.filter((m) => m.jobId === jobId).length;

    afterEach(async () => {
      await transport?.stop({ timeoutMs: 1_000 });
      received.length = 0;
    });
    const open = async () => {
      transport = adapter.transport(database, uniquePrefix());
      await transport.start();
      return transport;
    };
    const record = async (m: JobMessage) => {
      received.push(m);
    };

    it('delivers a sent message to the consumer and answers ping', async () => {
      const t = await open();
      await t.ping();
      await t.consume('default', 2, record);
      await t.send('default', message('a', 3));
      await waitFor(() => got('a') === 1, 'delivery');
      expect(received).toEqual([{ jobId: 'a', run: 3 }]);
    });

    it('delivers the same (job, run) sent twice once, and another run separately', async () => {
      const t = await open();
      await t.send('default', message('dup'));
      await t.send('default', message('dup'));
      await t.send('default', message('dup', 2));
      expect(await t.depth('default')).toBe(2);
      await t.send('default', message('sentinel'));
      await t.consume('default', 1, record);
      await waitFor(() => got('sentinel') === 1, 'the sentinel');
      await sleep(200);
      expect(received.map((m) => `${m.jobId}:${m.run}`).sort()).toEqual(['dup:1', 'dup:2', 'sentinel:1']);
    });

    it('holds a delayed message until its delay has passed', async () => {
      const t = await open();
      await t.consume('priority', 2, record);
      const sentAt = Date.now();
      await t.send('priority', message('later'), { delayMs: 600 });
      await t.send('priority', message('now'));
      await waitFor(() => got('now') === 1, 'the immediate message');
      expect(got('later')).toBe(0);
      await waitFor(() => got('later') === 1, 'the delayed message');
      expect(Date.now() - sentAt).toBeGreaterThanOrEqual(550);
    });

    it('sends many messages in one call: each delivered once, a delay held, a repeat a no-op', async () => {
      const t = await open();
      await t.sendMany('default', [
        message('m1'),
        message('m2'),
        { ...message('m3'), delayMs: 600 },
        message('m1'),
      ]);
      await t.sendMany('default', [message('m2'), message('m4', 2)]);
      await t.sendMany('default', []);
      expect(await t.depth('default')).toBe(4);
      await t.consume('default', 2, record);
      await waitFor(() => got('m1') + got('m2') + got('m4') === 3, 'the immediate messages');
      expect(got('m3')).toBe(0);
      await waitFor(() => got('m3') === 1, 'the delayed message');
      await sleep(200);
      expect(received.map((m) => `${m.jobId}:${m.run}`).sort()).toEqual(['m1:1', 'm2:1', 'm3:1', 'm4:2']);
    });

    it('counts waiting and delayed messages per queue in depth', async () => {
      const t = await open();
      await t.send('long-running', message('w1'));
      await t.send('long-running', message('w2'));
      await t.send('long-running', message('w3'), { delayMs: 60_000 });
      await t.send('scheduled', message('elsewhere'));
      expect(await t.depth('long-running')).toBe(3);
      expect(await t.depth('scheduled')).toBe(1);
      expect(await t.depth('priority')).toBe(0);
    });

    it('removes a waiting message so it is never delivered', async () => {
      const t = await open();
      await t.send('default', message('gone'));
      await t.send('default', message('gone-later'), { delayMs: 300 });
      await t.remove('default', message('gone'));
      await t.remove('default', message('gone-later'));
      expect(await t.depth('default')).toBe(0);
      await t.consume('default', 1, record);
      await t.send('default', message('sentinel'), { delayMs: 400 });
      await waitFor(() => got('sentinel') === 1, 'the sentinel');
      expect(got('gone') + got('gone-later')).toBe(0);
    });

    it('stop waits for running handlers, and gives up on one that never ends after the timeout', async () => {
      const t = await open();
      const log: string[] = [];
      await t.consume('default', 2, async (m) => {
        log.push(`start ${m.jobId}`);
        if (m.jobId === 'stuck') return new Promise(() => {});
        await sleep(300);
        log.push(`end ${m.jobId}`);
      });
      await t.send('default', message('slow'));
      await t.send('default', message('stuck'));
      await waitFor(() => log.length === 2, 'both handlers to start');
      const stopping = Date.now();
      await t.stop({ timeoutMs: 1_000 });
      expect(log).toContain('end slow');
      expect(Date.now() - stopping).toBeGreaterThanOrEqual(900);
      await expect(t.send('default', message('after'))).rejects.toThrow();
      await expect(t.sendMany('default', [message('after')])).rejects.toThrow();
    });
  });

  dispatchContract(adapter, () => database);
  workerContract(adapter, () => database);
});
