import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { SignUpForm } from './signup-form';

export const metadata: Metadata = { title: 'Create an account · Assay' };

export default async function SignUpPage({ searchParams }: PageProps<'/signup'>) {
  const q = await searchParams;
  const next = typeof q.next === 'string' ? q.next : '/';
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Create your account</h1>
      <Card>
        <SignUpForm next={next} />
      </Card>
    </div>
  );
}
