/** Passes a file from the API on as an attachment (the API sets no file name on JSON reports). */
export function download(res: Response, filename: string): Response {
  if (!res.ok)
    return new Response(res.body, { status: res.status, headers: { 'content-type': 'application/json' } });
  const headers = new Headers({ 'cache-control': 'private, no-store' });
  for (const h of ['content-type', 'content-length']) {
    const v = res.headers.get(h);
    if (v) headers.set(h, v);
  }
  headers.set(
    'content-disposition',
    res.headers.get('content-disposition') ?? `attachment; filename="${filename}"`,
  );
  return new Response(res.body, { status: 200, headers });
}
