import { randomBytes } from 'node:crypto';
import { migrate, openDatabase, seedPlans } from '@assay/db';
import pg from 'pg';
import { postgresAvailable, TEST_PG_URL } from './services.ts';

const STALE_AFTER_SECONDS = 2 * 3600;

/**
 * Builds one migrated template database for this run; each test file clones it (CREATE DATABASE ...
 * TEMPLATE). Names carry their creation time, so a run only sweeps leftovers of crashed runs hours old
 * and never the databases of a run going on beside it (a benchmark, a second terminal).
 */
export default async function setup() {
  if (!(await postgresAvailable())) return;
  const now = Math.floor(Date.now() / 1000);
  const template = `assay_t_${now}_${randomBytes(3).toString('hex')}_template`;
  process.env.ASSAY_TEST_TEMPLATE = template;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    const stale = await admin.query(`select datname from pg_database where datname ~ '^assay_t_[0-9]+_'`);
    for (const { datname } of stale.rows as { datname: string }[]) {
      if (now - Number(datname.split('_')[2]) > STALE_AFTER_SECONDS)
        await admin.query(`drop database if exists "${datname}" with (force)`);
    }
    await admin.query(`create database ${template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${template}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 1 });
  await migrate(database);
  await seedPlans(database.db);
  await database.close();

  return async () => {
    const dropper = new pg.Client({ connectionString: TEST_PG_URL });
    await dropper.connect();
    await dropper.query(`drop database if exists ${template} with (force)`);
    await dropper.end();
  };
}
