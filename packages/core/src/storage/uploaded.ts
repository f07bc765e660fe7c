import { AppError } from '../errors.ts';
import type { ObjectStorage } from './port.ts';

/**
 * Step 2 of a presigned upload: the object must be in storage with exactly the size declared when the
 * upload was granted. A file of another size is deleted, and the caller is told to upload it again.
 */
export async function assertUploaded(storage: ObjectStorage, key: string, declaredBytes: number | null) {
  const stored = await storage.head(key);
  if (!stored)
    throw new AppError('CONFLICT', 'The file has not been uploaded yet; PUT it to the upload URL first');
  if (stored.size !== declaredBytes) {
    await storage.delete(key);
    throw new AppError(
      'VALIDATION_ERROR',
      `The uploaded file has ${stored.size} bytes, not the ${declaredBytes} declared; upload it again`,
    );
  }
  return stored;
}
