/**
 * ATT&CK catalogue import into the database: the full enterprise bundle through `importAttackBundle`
 * (one transaction, batched multi-row inserts), next to two baselines measured in the same run: parsing
 * alone (the floor, no database) and the same rows inserted one statement per row (the naive import).
 * Also times an idempotent re-import (same bytes: a hash lookup, nothing written).
 * Postgres on 127.0.0.1 when it answers (a fresh database from the test template), PGlite otherwise.
 * BENCH_RUNS (default 3), ATTACK_BUNDLE (path).
 */
import './env.ts';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { parseAttackBundle } from '../packages/intel/src/attack/stix.ts';
import { importAttackBundle } from '../packages/intel/src/attack-import/import.ts';
import {
  intelAttackObjects,
  intelAttackRelations,
  intelAttackVersions,
} from '../packages/intel/src/schema.ts';
import { createTestDatabase } from '../test/support/db.ts';
import setupTemplate from '../test/support/global-setup.ts';
import { postgresAvailable } from '../test/support/services.ts';
import { envInt, ratioLine, table } from './format.ts';

const RUNS = envInt('BENCH_RUNS', 3);
const FILE =
  process.env.ATTACK_BUNDLE ??
  new URL('../../shared/data/attack/enterprise-attack.json', import.meta.url).pathname;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(fn: () => Promise<unknown> | unknown, runs = RUNS) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

class Rollback extends Error {}

async function main() {
  const bytes = readFileSync(FILE);
  const postgres = await postgresAvailable();
  const dropTemplate = postgres ? await setupTemplate() : undefined;
  const database = await createTestDatabase();
  const db = database.db;
  try {
    const catalog = parseAttackBundle(bytes);
    const objectCount =
      catalog.techniques.length +
      catalog.tactics.length +
      catalog.groups.length +
      catalog.software.length +
      catalog.campaigns.length +
      catalog.mitigations.length;
    console.log(
      `ATT&CK import bench (${postgres ? 'Postgres' : 'PGlite'}): ${(bytes.length / 1024 / 1024).toFixed(1)} MB bundle, ` +
        `${objectCount} objects, ${catalog.relationships.length} relationships, median of ${RUNS}\n`,
    );
    const parseMs = await time(() => parseAttackBundle(bytes));
    const clear = () => db.delete(intelAttackVersions);
    const importMs = await time(async () => {
      await clear();
      await importAttackBundle(db, bytes);
    });
    const reimportMs = await time(() => importAttackBundle(db, bytes));
    // The naive baseline: the same rows, one INSERT each, in one transaction rolled back at the end.
    const naiveMs = await time(async () => {
      await db
        .transaction(async (tx) => {
          const [v] = await tx
            .insert(intelAttackVersions)
            .values({ domain: 'bench', version: 'naive', sha256: `naive-${Date.now()}`, counts: {} })
            .returning();
          const all = [
            ...catalog.techniques,
            ...catalog.tactics,
            ...catalog.groups,
            ...catalog.software,
            ...catalog.campaigns,
            ...catalog.mitigations,
          ];
          for (const o of all)
            await tx.insert(intelAttackObjects).values({
              versionId: v.id,
              kind: 'x',
              attackId: o.id,
              stixId: o.stixId,
              name: o.name,
              description: o.description,
            });
          for (const r of catalog.relationships)
            await tx
              .insert(intelAttackRelations)
              .values({ versionId: v.id, type: r.type, sourceRef: r.source, targetRef: r.target });
          throw new Rollback();
        })
        .catch((e) => {
          if (!(e instanceof Rollback)) throw e;
        });
    }, 1);
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(intelAttackObjects);
    console.log(
      table([
        ['step', 'ms'],
        ['parse only (baseline floor)', parseMs.toFixed(0)],
        ['import, one row per INSERT (naive baseline, 1 run)', naiveMs.toFixed(0)],
        ['import, batched (importAttackBundle)', importMs.toFixed(0)],
        ['re-import of the same bytes (no-op)', reimportMs.toFixed(1)],
      ]),
    );
    console.log(`\n${n} catalogue objects stored`);
    console.log(ratioLine('naive / batched import', naiveMs / importMs, 1));
    console.log(`parse share of the batched import: ${((parseMs / importMs) * 100).toFixed(0)}%`);
  } finally {
    await database.drop();
    await dropTemplate?.();
  }
}

await main();
