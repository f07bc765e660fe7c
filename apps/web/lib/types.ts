/** Shapes of the API responses the web app reads (mirrors GET /v1/openapi.json). */
export type Role = 'owner' | 'admin' | 'editor' | 'viewer';

export interface User {
  id: string;
  email: string;
  name: string;
  created_at: string;
}
export interface Membership {
  org_id: string;
  org_name: string;
  org_slug: string;
  role: Role;
}
export interface Me {
  user: User;
  memberships: Membership[];
  current: { org_id: string | null; role: Role | null; method: string; scopes: string[] | null };
}
export interface Session {
  token: string;
  token_type: 'Bearer';
  expires_at: string;
  user: User;
  memberships: Membership[];
}
export interface Member {
  user_id: string;
  email: string;
  name: string;
  role: Role;
  joined_at: string;
}
export interface Invitation {
  id: string;
  email: string;
  role: Role;
  expires_at: string;
  created_at: string;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
}
export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  scopes: string[];
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  created_at: string;
}
export type JobStatus = 'queued' | 'running' | 'retrying' | 'completed' | 'failed' | 'dead' | 'cancelled';
export interface Job {
  id: string;
  queue: string;
  name: string;
  status: JobStatus;
  progress: number;
  eta: string | null;
  attempts: number;
  max_attempts: number;
  error: string | null;
  download_url: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
}
export interface AuditEntry {
  id: string;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  trace_id: string | null;
  created_at: string;
}
export interface Page<T> {
  data: T[];
  meta: { next_cursor: string | null; has_more: boolean };
}
export interface Project {
  id: string;
  name: string;
  description: string;
  created_at: string;
}
