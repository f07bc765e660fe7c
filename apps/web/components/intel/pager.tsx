import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

/** Cursor pagination over a GET-filtered list: the filters stay in the URL, the cursor moves forward. */
export function Pager({
  path,
  params,
  nextCursor,
  onFirstPage,
  label,
}: {
  path: string;
  params: Record<string, string>;
  nextCursor: string | null;
  onFirstPage: boolean;
  label: string;
}) {
  if (!nextCursor && onFirstPage) return null;
  const href = (cursor?: string) => {
    const q = new URLSearchParams(params);
    q.delete('cursor');
    if (cursor) q.set('cursor', cursor);
    const s = q.toString();
    return s ? `${path}?${s}` : path;
  };
  return (
    <nav aria-label={`${label} pages`} className="mt-3 flex flex-wrap gap-2">
      {!onFirstPage ? (
        <Link href={href()} className={buttonClass('secondary', 'sm')}>
          First page
        </Link>
      ) : null}
      {nextCursor ? (
        <Link href={href(nextCursor)} className={buttonClass('secondary', 'sm')}>
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
