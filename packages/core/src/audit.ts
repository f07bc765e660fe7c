import { auditLogs, type Db } from '@assay/db';
import type { ServiceContext } from './context.ts';

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

const SECRET_FIELDS = /pass|secret|token|hash|key$/i;

/** Keeps summaries small and free of secrets. */
function summarize(value: Record<string, unknown> | null | undefined) {
  if (!value) return value ?? null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (SECRET_FIELDS.test(k)) continue;
    out[k] = typeof v === 'string' && v.length > 500 ? `${v.slice(0, 500)}…` : v;
  }
  return out;
}

/** Records a mutation. Call it with the transaction that makes the change, so both commit or neither. */
export async function recordAudit(db: Db, ctx: Omit<ServiceContext, 'db'>, entry: AuditEntry): Promise<void> {
  await db.insert(auditLogs).values({
    orgId: ctx.orgId,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: ctx.meta.ip,
    userAgent: ctx.meta.userAgent?.slice(0, 500) ?? null,
    traceId: ctx.meta.traceId,
    changes:
      entry.before || entry.after ? { before: summarize(entry.before), after: summarize(entry.after) } : null,
  });
}
