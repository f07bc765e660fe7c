import type { ReactNode } from 'react';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-md flex-col justify-center px-4 py-10">
      <p className="mb-6 text-center text-lg font-semibold tracking-tight">Assay</p>
      {children}
    </main>
  );
}
