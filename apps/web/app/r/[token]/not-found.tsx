/** Unknown, expired and revoked links look the same: nothing about the report is revealed. */
export default function LinkInvalid() {
  return (
    <div className="rounded-lg border border-border bg-surface p-6" data-testid="link-invalid">
      <h1 className="text-xl font-semibold">This link is no longer valid</h1>
      <p className="mt-2 text-sm text-fg-muted">
        The report link has expired or was revoked, or it was copied incompletely. Ask the person who shared
        it for a new link.
      </p>
    </div>
  );
}
