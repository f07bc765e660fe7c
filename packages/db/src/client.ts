import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';

/** A Drizzle database or transaction; services take this so they work inside and outside transactions. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number; applicationName?: string }
  | { kind: 'pglite'; dataDir: string | 'memory://' };

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Runs raw SQL and returns its rows. */
  query<T = Record<string, unknown>>(statement: SQL): Promise<T[]>;
  /** The PGlite instance when embedded (pg-boss runs on it), else undefined. */
  pglite?: PGlite;
  /** The pg pool when on a server. */
  pool?: pg.Pool;
  /**
   * A few connections with `synchronous_commit = off`, for the job queue's own bookkeeping (claims,
   * completions, heartbeats). A server crash can lose the last fraction of a second of these writes,
   * never corrupt them; the queue is at-least-once and its sweeper and reaper redo what was lost.
   * Never use it for data a user or a job writes.
   */
  bookkeepingPool?: pg.Pool;
  ping(): Promise<void>;
  close(): Promise<void>;
}

// int8 and numeric come back as strings by default; counts and quantities here fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? 'assay',
    });
    // An idle client that errors (server restart) must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    // Its statements are prepared once per connection, and Postgres would switch a prepared statement
    // to a generic plan after five runs. Planned while the jobs table is small (a fresh deployment),
    // that plan scans the whole table on every claim and stays until the next ANALYZE: the jobs bench
    // ran at half speed in about half of its runs. Custom plans see the table's current size each time.
    const bookkeepingPool = new pg.Pool({
      connectionString: options.url,
      max: Math.min(4, options.poolSize ?? 10),
      application_name: `${options.applicationName ?? 'assay'}-jobs`,
      options: '-c synchronous_commit=off -c plan_cache_mode=force_custom_plan',
    });
    bookkeepingPool.on('error', () => {});
    const db = drizzlePg(pool) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      pool,
      bookkeepingPool,
      query: async (statement) => ((await db.execute(statement)) as unknown as { rows: never }).rows,
      ping: async () => {
        await pool.query('select 1');
      },
      close: async () => {
        await Promise.all([pool.end(), bookkeepingPool.end()]);
      },
    };
  }
  if (options.dataDir !== 'memory://') mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create(options.dataDir === 'memory://' ? undefined : options.dataDir);
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    query: async (statement) => ((await db.execute(statement)) as unknown as { rows: never }).rows,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
  };
}
