import { Readable } from 'node:stream';
import { defineJob, emitEvent, type Platform } from '@assay/core';
import { auditLogs, type Db, jobs, memberships, organizations, users } from '@assay/db';
import { and, asc, eq, gt } from 'drizzle-orm';
import { z } from 'zod';

const PAGE = 1000;

/** Reads a table in id order, page by page, so a large organization never loads at once. */
async function* pages<T extends { id: string }>(read: (afterId: string | undefined) => Promise<T[]>) {
  let after: string | undefined;
  for (;;) {
    const rows = await read(after);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1].id;
    if (rows.length < PAGE) return;
  }
}

type Counts = Record<'members' | 'audit_logs' | 'jobs', number>;

/** A JSON array written a page of rows at a time; returns how many rows it wrote. */
async function* jsonArray<T extends { id: string }>(
  name: string,
  read: (afterId: string | undefined) => Promise<T[]>,
): AsyncGenerator<string, number> {
  yield `  ${JSON.stringify(name)}: [`;
  let count = 0;
  for await (const rows of pages(read)) {
    yield rows.map((row, i) => `${count === 0 && i === 0 ? '' : ','}\n    ${JSON.stringify(row)}`).join('');
    count += rows.length;
  }
  yield count === 0 ? ']' : '\n  ]';
  return count;
}

/**
 * The export document, produced piece by piece: at most one page of rows is in memory, however large
 * the organization's audit log. `counts` is filled in as each part is written.
 */
async function* exportDocument(
  db: Db,
  orgId: string,
  progress: (p: number) => Promise<void>,
  counts: Counts,
): AsyncGenerator<string> {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  const members = await db
    .select({
      user_id: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      joined_at: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId));
  counts.members = members.length;
  yield '{\n  "format": "assay-export",\n  "version": 1,\n';
  yield `  "exported_at": ${JSON.stringify(new Date().toISOString())},\n`;
  yield `  "organization": ${JSON.stringify(org)},\n`;
  yield `  "members": ${JSON.stringify(members)},\n`;
  await progress(20);
  counts.audit_logs = yield* jsonArray('audit_logs', (after) =>
    db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.orgId, orgId), after ? gt(auditLogs.id, after) : undefined))
      .orderBy(asc(auditLogs.id))
      .limit(PAGE),
  );
  yield ',\n';
  await progress(60);
  counts.jobs = yield* jsonArray('jobs', (after) =>
    db
      .select({
        id: jobs.id,
        queue: jobs.queue,
        name: jobs.name,
        status: jobs.status,
        attempts: jobs.attempts,
        error: jobs.error,
        created_at: jobs.createdAt,
        finished_at: jobs.finishedAt,
      })
      .from(jobs)
      .where(and(eq(jobs.orgId, orgId), after ? gt(jobs.id, after) : undefined))
      .orderBy(asc(jobs.id))
      .limit(PAGE),
  );
  yield '\n}\n';
  await progress(85);
}

/**
 * Writes the organization's data as one JSON document. The storage key is derived from the job id,
 * so a retried or redelivered run overwrites its own file: the effect happens once.
 */
export const exportJob = (platform: Platform) =>
  defineJob({
    name: 'core.export',
    queue: 'default',
    payload: z.object({ orgId: z.uuid(), requestedBy: z.string().nullable() }).strict(),
    maxAttempts: 3,
    async handler(payload, ctx) {
      const counts: Counts = { members: 0, audit_logs: 0, jobs: 0 };
      const key = `orgs/${payload.orgId}/exports/${ctx.jobId}.json`;
      // Streamed to storage as it is read (a multipart upload on S3), never built whole in memory.
      const { size } = await platform.storage.put(
        key,
        Readable.from(exportDocument(ctx.db, payload.orgId, ctx.progress, counts)),
        { contentType: 'application/json' },
      );
      await ctx.progress(100);
      const deliveries: string[] = [];
      // export.ready commits with the completion, so a receiver never hears of an export it cannot download.
      const result = await ctx.complete(async (tx) => {
        const event = await emitEvent(tx, {
          orgId: payload.orgId,
          type: 'export.ready',
          data: { job_id: ctx.jobId, size, counts, links: { api: `/v1/jobs/${ctx.jobId}` } },
          dedupeKey: `export.ready:${ctx.jobId}`,
        });
        deliveries.push(...event.jobIds);
        return {
          storage_key: key,
          filename: `assay-export-${new Date().toISOString().slice(0, 10)}.json`,
          size,
          counts,
        };
      });
      await platform.jobs.dispatch(deliveries);
      return result;
    },
  });
