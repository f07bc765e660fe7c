import { PageHeader } from '@/components/ui/card';

/** An honest placeholder: the module's screens are not built yet. */
export function ComingSoon({ name, summary }: { name: string; summary: string }) {
  return (
    <>
      <PageHeader title={name} description={summary} />
      <div className="rounded-lg border border-dashed border-border bg-surface p-6">
        <p className="font-medium">Coming soon</p>
        <p className="mt-1 text-sm text-fg-muted">
          The {name} screens are not built yet. Nothing on this page is simulated: when the module ships, its
          work will appear here.
        </p>
      </div>
    </>
  );
}
