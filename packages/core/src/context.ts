import type { Db } from '@assay/db';
import type { Actor } from './auth/principal.ts';
import type { Role } from './rbac.ts';

/** Where a change came from, recorded with every audit row. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  traceId: string | null;
}

/** What every org-scoped service function takes: the database, the tenant and who acts. */
export interface ServiceContext {
  db: Db;
  orgId: string;
  actor: Actor;
  role: Role | null;
  meta: RequestMeta;
}

export const NO_META: RequestMeta = { ip: null, userAgent: null, traceId: null };
