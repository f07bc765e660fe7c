import type { signUp } from '../../../../test/support/client.ts';

type Api = Awaited<ReturnType<typeof signUp>>['api'];

export async function poll<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Uploads bytes the way the web app does: create, PUT to the presigned URL, confirm, wait for extraction. */
export async function uploadDocument(
  api: Api,
  projectId: string,
  bytes: Buffer,
  filename: string,
  contentType: string,
) {
  const created = await api.post('/v1/compliance/documents', {
    project_id: projectId,
    filename,
    content_type: contentType,
    size_bytes: bytes.length,
  });
  if (created.status !== 201)
    throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const put = await fetch(created.body.upload.url, {
    method: 'PUT',
    headers: created.body.upload.headers,
    body: bytes,
  });
  if (put.status >= 300) throw new Error(`upload failed: ${put.status} ${await put.text()}`);
  const confirmed = await api.post(`/v1/compliance/documents/${created.body.document.id}/confirm`);
  if (confirmed.status !== 202)
    throw new Error(`confirm failed: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return poll(
    async () => (await api.get(`/v1/compliance/documents/${created.body.document.id}`)).body,
    (d) => d.status === 'ready' || d.status === 'failed',
    'document extraction',
  );
}

export const SAMPLE_POLICY = `# Information Security Policy

## Access Control
Access to production systems is granted on a least-privilege basis and must be approved by the system owner.
All user accounts must use multi-factor authentication. Access rights are reviewed quarterly and revoked within one business day of termination.

## Encryption
Customer data must be encrypted at rest using AES-256 and in transit using TLS 1.2 or higher.
Encryption keys are stored in a managed key service and rotated annually.

## Incident Response
The security team maintains an incident response plan that is tested annually.
Security incidents must be reported to the security team immediately, and affected customers will be notified within 72 hours of a confirmed breach.

## Change Management
All changes to production must be reviewed and approved before deployment, and are tested in a staging environment.
`;
