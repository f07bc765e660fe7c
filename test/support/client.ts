import { randomBytes } from 'node:crypto';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A small fetch wrapper: JSON in and out, optional bearer token and organization. */
export function client(
  baseUrl: string,
  auth: { token?: string; orgId?: string; headers?: Record<string, string> } = {},
) {
  async function call<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
        ...(auth.orgId ? { 'x-org-id': auth.orgId } : {}),
        ...auth.headers,
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    return { status: response.status, headers: response.headers, body: parsed as T };
  }
  return {
    call,
    get: <T = any>(path: string, headers?: Record<string, string>) =>
      call<T>('GET', path, undefined, headers),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>('POST', path, body ?? {}, headers),
    patch: <T = any>(path: string, body?: unknown) => call<T>('PATCH', path, body ?? {}),
    delete: <T = any>(path: string) => call<T>('DELETE', path),
  };
}

export const uniqueEmail = (label = 'user') => `${label}-${randomBytes(5).toString('hex')}@example.test`;
export const PASSWORD = 'correct horse battery';

/** Signs up a new user (who owns a new organization) and returns a client acting as them. */
export async function signUp(baseUrl: string, label = 'owner') {
  const email = uniqueEmail(label);
  const res = await client(baseUrl).post('/v1/auth/signup', {
    email,
    password: PASSWORD,
    name: label,
    organization_name: `${label} org`,
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  const orgId = res.body.memberships[0].org_id as string;
  return {
    email,
    token: res.body.token as string,
    orgId,
    userId: res.body.user.id as string,
    api: client(baseUrl, { token: res.body.token, orgId }),
  };
}

/** Invites a new person with `role` into the owner's organization and returns a client acting as them. */
export async function addMember(
  baseUrl: string,
  owner: { api: ReturnType<typeof client>; orgId: string },
  mail: { to: string; text: string }[],
  role: 'owner' | 'admin' | 'editor' | 'viewer',
) {
  const person = await signUp(baseUrl, role);
  const invited = await owner.api.post('/v1/invitations', { email: person.email, role });
  if (invited.status !== 201)
    throw new Error(`invite failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  const token = invitationToken(mail, person.email);
  const accepted = await client(baseUrl, { token: person.token }).post('/v1/invitations/accept', { token });
  if (accepted.status !== 200)
    throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return { ...person, api: client(baseUrl, { token: person.token, orgId: owner.orgId }), orgId: owner.orgId };
}

export function invitationToken(mail: { to: string; text: string }[], email: string): string {
  const message = [...mail].reverse().find((m) => m.to === email);
  const token = message?.text.match(/token=([^\s&]+)/)?.[1];
  if (!token) throw new Error(`no invitation email for ${email}`);
  return decodeURIComponent(token);
}
