import type { Role } from '../rbac.ts';

export type AuthMethod = 'session' | 'jwt' | 'api_key';

export interface Actor {
  type: 'user' | 'api_key' | 'system';
  id: string | null;
}

/** Who is calling, resolved once per request whichever way they signed in. */
export interface Principal {
  user: { id: string; email: string; name: string } | null;
  orgId: string | null;
  role: Role | null;
  /** API key scopes; null means "whatever the role allows". */
  scopes: string[] | null;
  method: AuthMethod;
  actor: Actor;
  sessionId?: string;
  apiKeyId?: string;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null };
