import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));
// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_ID = 7_303_201;

interface JournalEntry {
  idx: number;
  tag: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

function readMigrations() {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_DIR}meta/_journal.json`, 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map((entry) => {
      const text = readFileSync(`${MIGRATIONS_DIR}${entry.tag}.sql`, 'utf8');
      return {
        tag: entry.tag,
        hash: createHash('sha256').update(text).digest('hex'),
        statements: text
          .split('--> statement-breakpoint')
          .map((s) => s.trim())
          .filter(Boolean),
      };
    });
}

/**
 * Applies pending migrations in one transaction under an advisory lock, so two processes starting
 * together serialize and the second finds nothing to do. DDL is transactional in Postgres: a failing
 * migration leaves the schema as it was.
 */
export async function migrate(database: Database): Promise<MigrationResult> {
  const migrations = readMigrations();
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_ID})`);
    await tx.execute(sql`create table if not exists assay_migrations (
      tag text primary key, hash text not null, applied_at timestamptz not null default now())`);
    const done = (await tx.execute(sql`select tag, hash from assay_migrations`)) as unknown as {
      rows: unknown[];
    };
    const appliedHashes = new Map((done.rows as { tag: string; hash: string }[]).map((r) => [r.tag, r.hash]));
    const applied: string[] = [];
    for (const migration of migrations) {
      const previous = appliedHashes.get(migration.tag);
      if (previous !== undefined) {
        if (previous !== migration.hash) {
          throw new Error(
            `migration ${migration.tag} was changed after it was applied; add a new migration instead`,
          );
        }
        continue;
      }
      for (const statement of migration.statements) await tx.execute(sql.raw(statement));
      await tx.execute(
        sql`insert into assay_migrations (tag, hash) values (${migration.tag}, ${migration.hash})`,
      );
      applied.push(migration.tag);
    }
    return { applied, alreadyApplied: appliedHashes.size };
  });
}
