import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { PermanentJobError } from '../../src/jobs/errors.ts';
import { defineJob } from '../../src/jobs/port.ts';

const keyed = z.object({ key: z.string() });

/** Job definitions whose behaviour the tests steer by key, and what their handlers saw. */
export function testJobs() {
  const starts = new Map<string, number[]>();
  const gates = new Map<string, () => void>();
  const switchedOn = new Set<string>();
  const aborted = new Set<string>();
  const started = (key: string) => starts.set(key, [...(starts.get(key) ?? []), Date.now()]);

  const definitions = [
    defineJob({
      name: 'test.echo',
      queue: 'default',
      payload: z.object({ value: z.string(), steps: z.number().int().min(0).default(0) }),
      async handler(payload, ctx) {
        for (let step = 1; step <= payload.steps; step++)
          await ctx.progress((100 * step) / (payload.steps + 1));
        return { echo: payload.value, attempt: ctx.attempt };
      },
    }),
    defineJob({
      name: 'test.fails',
      queue: 'default',
      maxAttempts: 3,
      payload: keyed,
      async handler({ key }) {
        started(key);
        throw new Error(`boom ${key}`);
      },
    }),
    defineJob({
      name: 'test.switch',
      queue: 'priority',
      maxAttempts: 1,
      payload: keyed,
      async handler({ key }) {
        started(key);
        if (!switchedOn.has(key)) throw new Error('switched off');
        return { on: true };
      },
    }),
    defineJob({
      name: 'test.permanent',
      queue: 'default',
      payload: keyed,
      async handler({ key }) {
        started(key);
        throw new PermanentJobError('the input is gone');
      },
    }),
    defineJob({
      name: 'test.block',
      queue: 'long-running',
      payload: keyed,
      async handler({ key }, ctx) {
        await ctx.progress(50);
        started(key);
        await new Promise<void>((resolve) => {
          gates.set(key, resolve);
          ctx.signal.addEventListener('abort', () => resolve());
        });
        if (ctx.signal.aborted) {
          aborted.add(key);
          throw ctx.signal.reason;
        }
        return { released: true };
      },
    }),
    defineJob({
      name: 'test.effect',
      queue: 'default',
      payload: keyed,
      async handler(_payload, ctx) {
        return ctx.complete(async (tx) => {
          await tx.execute(sql`insert into job_test_effects (job_id, run) values (${ctx.jobId}, ${ctx.run})`);
          return { wrote: ctx.run };
        });
      },
    }),
  ];

  return {
    definitions,
    starts: (key: string) => starts.get(key) ?? [],
    release: (key: string) => gates.get(key)?.(),
    switchOn: (key: string) => switchedOn.add(key),
    sawAbort: (key: string) => aborted.has(key),
  };
}

export const EFFECTS_TABLE = sql`create table if not exists job_test_effects (job_id uuid not null, run int not null)`;
