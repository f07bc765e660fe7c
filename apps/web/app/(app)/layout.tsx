import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { Shell } from '@/components/shell/shell';
import { getMe } from '@/lib/api';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const me = await getMe();
  // Someone new from the identity provider (or who left their last organization) starts by creating one.
  if (me.memberships.length === 0) redirect('/welcome');
  return <Shell me={me}>{children}</Shell>;
}
