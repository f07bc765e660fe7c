import type { ReactNode } from 'react';
import { Shell } from '@/components/shell/shell';
import { getMe } from '@/lib/api';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const me = await getMe();
  return <Shell me={me}>{children}</Shell>;
}
