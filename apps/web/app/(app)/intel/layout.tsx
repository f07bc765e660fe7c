import type { ReactNode } from 'react';
import { IntelNav } from '@/components/intel/intel-nav';

export default function IntelLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col [&_h1]:wrap-anywhere">
      <IntelNav />
      {children}
    </div>
  );
}
