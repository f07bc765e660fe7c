import { AppError, assertPublicUrl, type Platform, SafeFetchError } from '@assay/core';

/** https is required except in development and test, where receivers run on plain http locally. */
export const outboundPolicy = (platform: Platform) => ({
  allowPrivate: platform.config.OUTBOUND_ALLOW_PRIVATE,
  requireHttps: platform.config.NODE_ENV === 'production',
});

/** Checks an endpoint URL when it is saved: form, scheme, and every address its host resolves to. */
export async function checkEndpointUrl(platform: Platform, url: string): Promise<string> {
  try {
    return (await assertPublicUrl(url, outboundPolicy(platform))).toString();
  } catch (error) {
    if (error instanceof SafeFetchError) {
      throw new AppError('VALIDATION_ERROR', `This URL cannot receive webhooks: ${error.message}`, {
        details: [{ field: 'body.url', message: error.message }],
      });
    }
    throw error;
  }
}
