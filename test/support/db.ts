import { randomBytes } from 'node:crypto';
import { type Database, migrate, openDatabase, seedPlans } from '@assay/db';
import pg from 'pg';
import { postgresAvailable, TEST_PG_URL } from './services.ts';

export interface TestDatabase extends Database {
  /** The connection URL when on a Postgres server (undefined for PGlite). */
  url?: string;
  drop(): Promise<void>;
}

/** A fresh, migrated, seeded database of its own: a clone of the template on Postgres, or in-memory PGlite. */
export async function createTestDatabase(options: { embedded?: boolean } = {}): Promise<TestDatabase> {
  if (!options.embedded && (await postgresAvailable())) {
    const template = process.env.ASSAY_TEST_TEMPLATE;
    if (!template) throw new Error('no template database: run through vitest (test/support/global-setup.ts)');
    const name = `assay_t_${Math.floor(Date.now() / 1000)}_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    const url = new URL(TEST_PG_URL);
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
    return {
      ...database,
      url: url.toString(),
      drop: async () => {
        await database.close();
        const dropper = new pg.Client({ connectionString: TEST_PG_URL });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  }
  const database = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
  await migrate(database);
  await seedPlans(database.db);
  return { ...database, drop: () => database.close() };
}
