import { getMe } from './api';
import { atLeast } from './roles';
import type { Me, Role } from './types';

/** The role check a page does before calling the API: `allowed` false renders <AccessDenied>. */
export async function guard(minimum: Role): Promise<{ me: Me; allowed: boolean }> {
  const me = await getMe();
  return { me, allowed: atLeast(me.current.role, minimum) };
}
