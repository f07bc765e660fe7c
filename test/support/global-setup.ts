import { migrate, openDatabase, seedPlans } from '@assay/db';
import pg from 'pg';
import { postgresAvailable, TEST_PG_URL } from './services.ts';

export const TEMPLATE_DB = 'assay_test_template';

/** Builds one migrated template database; each test file clones it (CREATE DATABASE ... TEMPLATE). */
export default async function setup() {
  if (!(await postgresAvailable())) return;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    const stale = await admin.query(`select datname from pg_database where datname like 'assay_t_%'`);
    for (const row of stale.rows) await admin.query(`drop database if exists "${row.datname}" with (force)`);
    await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await admin.query(`create database ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${TEMPLATE_DB}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 1 });
  await migrate(database);
  await seedPlans(database.db);
  await database.close();
}
