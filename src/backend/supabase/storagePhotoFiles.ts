import type { SupabaseClient } from '@supabase/supabase-js';
import { ApiError, toApiError } from '../apiError';
import type { PhotoFiles } from '../photoStore';

/** The bucket supabase/schemas/14_photos.sql makes; private, so every read passes its select policy. */
const bucketName = 'photos';

interface StorageFailure {
  message: string;
  status?: number;
  statusCode?: string;
}

/** Storage's refusals in the seam's words: the same kinds the SQL functions' refusals have. */
function storageError(error: StorageFailure): ApiError {
  // Storage often answers HTTP 400 with the real status in the body's statusCode ('403', '404', '413').
  const status = Number(error.statusCode) || error.status;
  if (status === 404 || /not found/i.test(error.message)) return new ApiError('not_found', error.message, undefined, 'photo');
  if (status === 413) return new ApiError('invalid_argument', error.message, undefined, 'photo_too_large');
  if (status === 415) return new ApiError('invalid_argument', error.message, undefined, 'photo_type');
  if (status === 403 || status === 401) return new ApiError('forbidden', error.message, undefined, undefined);
  return toApiError(error);
}

/** Photo files in Supabase Storage (shared mode). */
export function storagePhotoFiles(client: SupabaseClient): PhotoFiles {
  const bucket = () => client.storage.from(bucketName);
  return {
    async upload(path, file, mimeType) {
      // Never upsert: the bucket has no update policy, and a file once there stays as it is.
      const { error } = await bucket().upload(path, file, { contentType: mimeType, upsert: false, cacheControl: '31536000' });
      const failure = error as StorageFailure | null;
      const alreadyThere =
        failure && (failure.statusCode === '409' || failure.status === 409 || /already exists|duplicate/i.test(failure.message));
      if (error && !alreadyThere) throw storageError(error as StorageFailure);
    },
    async download(path) {
      const { data, error } = await bucket().download(path);
      if (error) throw storageError(error as StorageFailure);
      return data;
    },
  };
}
