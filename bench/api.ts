/**
 * API throughput: the real list endpoint (auth, rate limit, tenancy, validation, serialization) against
 * a bare Fastify server running the same query, and a bare hello-world, all measured in this run.
 * The targets take turns over BENCH_ROUNDS short rounds (default 10) of BENCH_SECONDS / rounds each
 * (default 20 s per target in all), so a machine whose speed drifts during the run weighs on all three
 * alike.
 * FULL runs with the production logger at info (its request log goes to /dev/null).
 * Besides req/s and latency it prints the servers' CPU time per request (this process's main thread,
 * where all three servers run; the load generator has its own thread): the steadiest measure of what
 * the core's request path costs. Prints figures and ratios; never fails on timing.
 */
import './env.ts';
import { createLogger } from '@assay/core';
import autocannon, { type Result } from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { startTestApp } from '../test/support/app.ts';
import { signUp } from '../test/support/client.ts';
import setupTemplate from '../test/support/global-setup.ts';
import { envInt, ratioLine, table } from './format.ts';

const SECONDS = envInt('BENCH_SECONDS', 20);
const ROUNDS = envInt('BENCH_ROUNDS', 10);
const CONNECTIONS = 100;
const PROJECTS = 40;
const PAGE_SIZE = 20;
const LIST_SQL = `select id, name, description, created_by, created_at, updated_at from projects
  where org_id = $1 order by created_at desc, id desc limit ${PAGE_SIZE + 1}`;

interface Target {
  name: string;
  url: string;
  headers?: Record<string, string>;
}

/** Runs the load generator in its own thread so it does not share the servers' event loop. */
const hammer = (target: Target, duration: number): Promise<Result> =>
  autocannon({ url: target.url, headers: target.headers, connections: CONNECTIONS, duration, workers: 1 });

interface Round {
  result: Result;
  /** Main-thread CPU microseconds spent while the round ran. */
  cpuMicros: number;
}

async function round(target: Target, seconds: number): Promise<Round> {
  const before = process.threadCpuUsage();
  const result = await hammer(target, seconds);
  const used = process.threadCpuUsage(before);
  return { result, cpuMicros: used.user + used.system };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** All rounds of one target: req/s over the whole time, median p50/p99, CPU per request. */
function summarize(target: Target, rounds: Round[]) {
  const requests = rounds.reduce((n, r) => n + r.result.requests.total, 0);
  const seconds = rounds.reduce((n, r) => n + r.result.duration, 0);
  const sum = (pick: (r: Result) => number) => rounds.reduce((n, r) => n + pick(r.result), 0);
  return {
    ...target,
    rps: requests / seconds,
    p50: median(rounds.map((r) => r.result.latency.p50)),
    p99: median(rounds.map((r) => r.result.latency.p99)),
    cpuPerRequest: rounds.reduce((n, r) => n + r.cpuMicros, 0) / Math.max(1, requests),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors + r.timeouts),
  };
}

async function listen(app: FastifyInstance): Promise<string> {
  return app.listen({ host: '127.0.0.1', port: 0 });
}

/**
 * The same query and page shape as GET /v1/projects, with nothing else around it. Prepared once per
 * connection, as the endpoint's first page is.
 */
function bareQueryServer(pool: pg.Pool, orgId: string): FastifyInstance {
  const app = Fastify();
  app.get('/v1/projects', async () => {
    const { rows } = await pool.query({ name: 'bare_projects_first_page', text: LIST_SQL, values: [orgId] });
    const page = rows.slice(0, PAGE_SIZE);
    const last = page[page.length - 1];
    const more = rows.length > PAGE_SIZE;
    return {
      data: page.map((p) => ({
        id: p.id,
        name: p.name,
        description: p.description,
        created_by: p.created_by,
        created_at: p.created_at.toISOString(),
        updated_at: p.updated_at.toISOString(),
      })),
      meta: {
        next_cursor: more
          ? Buffer.from(JSON.stringify([last.created_at.toISOString(), last.id])).toString('base64url')
          : null,
        has_more: more,
      },
    };
  });
  return app;
}

async function expectPage(target: Target): Promise<void> {
  const res = await fetch(target.url, { headers: target.headers });
  const body = (await res.json()) as { data?: unknown[] };
  if (res.status !== 200 || body.data?.length !== PAGE_SIZE)
    throw new Error(`${target.name} answered ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
}

async function bench() {
  // The production logger (one JSON line per request, written asynchronously), into /dev/null.
  const full = await startTestApp({ logger: createLogger({ level: 'info', destination: '/dev/null' }) });
  const pool = full.database.pool!;
  const bare: FastifyInstance[] = [];
  let barePool: pg.Pool | undefined;
  try {
    const owner = await signUp(full.url, 'bench');
    // The free plan allows 3 projects; the bench must not be throttled either.
    await pool.query(`update organizations set plan_id = 'pro' where id = $1`, [owner.orgId]);
    await pool.query('update plans set rate_limit_per_minute = 100000000');
    full.platform.authCache.clear();
    for (let i = 0; i < PROJECTS; i++) {
      const res = await owner.api.post('/v1/projects', { name: `Project ${i}`, description: `Bench ${i}` });
      if (res.status !== 201) throw new Error(`create project: ${res.status} ${JSON.stringify(res.body)}`);
    }
    const key = await owner.api.post('/v1/api-keys', { name: 'bench', scopes: ['projects:read'] });
    if (key.status !== 201) throw new Error(`create api key: ${key.status} ${JSON.stringify(key.body)}`);

    // Same database, same pool size as the API's.
    barePool = new pg.Pool({ connectionString: full.database.url, max: pool.options.max });
    const bareQuery = bareQueryServer(barePool, owner.orgId);
    const hello = Fastify();
    hello.get('/', async () => ({ hello: 'world' }));
    bare.push(bareQuery, hello);

    const targets: Target[] = [
      {
        name: 'FULL',
        url: `${full.url}/v1/projects?page[size]=${PAGE_SIZE}`,
        headers: { authorization: `Bearer ${key.body.secret}` },
      },
      { name: 'BARE-QUERY', url: `${await listen(bareQuery)}/v1/projects` },
      { name: 'HELLO', url: await listen(hello) },
    ];
    await expectPage(targets[0]);
    await expectPage(targets[1]);

    const limiter = full.platform.redis ? 'Redis' : 'in-memory (Redis not reachable)';
    const perRound = Math.max(1, Math.round(SECONDS / ROUNDS));
    console.log(
      `API bench: ${CONNECTIONS} connections, ${ROUNDS} rounds of ${perRound} s per target (+1 s warm-up), ` +
        `pg pool ${pool.options.max}, rate limiter ${limiter}, ${PROJECTS} projects, page size ${PAGE_SIZE}\n`,
    );
    for (const target of targets) await hammer(target, 1); // warm-up, not counted
    const rounds = targets.map((): Round[] => []);
    for (let i = 0; i < ROUNDS; i++) {
      console.log(`  round ${i + 1} of ${ROUNDS} ...`);
      for (const [j, target] of targets.entries()) rounds[j].push(await round(target, perRound));
    }
    const results = targets.map((target, j) => summarize(target, rounds[j]));
    const [f, q, h] = results;
    console.log(
      `\n${table([
        ['target', 'req/s', 'p50 ms', 'p99 ms', 'CPU us/req', 'non-2xx', 'errors'],
        ...results.map((x) => [
          x.name,
          x.rps.toFixed(0),
          x.p50.toFixed(1),
          x.p99.toFixed(1),
          x.cpuPerRequest.toFixed(0),
          String(x.non2xx),
          String(x.errors),
        ]),
      ])}\n`,
    );
    console.log(ratioLine('FULL / BARE-QUERY (req/s)', f.rps / q.rps, 0.8));
    console.log(ratioLine('FULL / HELLO (req/s)', f.rps / h.rps, 0.12));
    const p99Verdict = f.p99 <= 25 ? 'met' : 'ABOVE GOAL';
    console.log(
      `${'FULL p99 latency'.padEnd(34)} ${f.p99.toFixed(1).padStart(6)} ms (goal <= 25 ms: ${p99Verdict})`,
    );
    console.log(
      `${'FULL - BARE-QUERY CPU per request'.padEnd(34)} ${(f.cpuPerRequest - q.cpuPerRequest).toFixed(0).padStart(6)} us ` +
        '(what auth, rate limit, tenancy, validation and headers add)',
    );
    for (const x of results) {
      if (x.non2xx > 0 || x.errors > 0)
        console.warn(
          `WARNING: ${x.name} had ${x.non2xx} non-2xx responses and ${x.errors} errors or timeouts`,
        );
    }
  } finally {
    for (const app of bare) await app.close();
    await barePool?.end();
    await full.close();
  }
}

// The test suite's global setup builds this run's template database and returns its teardown.
const dropTemplate = await setupTemplate();
try {
  await bench();
} finally {
  await dropTemplate?.();
}
