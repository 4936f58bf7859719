import type { NewPhoto } from '../domain/types';
import type { WijkkrachtApi } from './api';
import type { Photo } from './wireTypes';

/** Where a backend keeps photo files besides the database: Supabase Storage in shared mode. */
export interface PhotoFiles {
  /** Puts a file at the path add_photo gave; a file already there (an earlier try) counts as done. */
  upload(path: string, file: Blob, mimeType: string): Promise<void>;
  download(path: string): Promise<Blob>;
}

/** Photos for the UI, whichever backend keeps their files (supabase/schemas/14_photos.sql). */
export interface PhotoStore {
  /** Adds a prepared photo to a place; resolves with it once its file is stored. */
  add(photo: NewPhoto): Promise<Photo>;
  /** The photo's file, to show. */
  read(photo: Photo): Promise<Blob>;
}

/**
 * Without `files` the database keeps the file (the embedded default): it goes
 * along with the row. With them, the row comes first and says where the file
 * goes; once it is there, photo_uploaded shows the photo. Retried with the same
 * idempotency key, the same row is used again and only what is missing is done.
 */
export function createPhotoStore(api: WijkkrachtApi, files: PhotoFiles | null): PhotoStore {
  return {
    async add({ file, ...photo }) {
      if (!files) {
        const data = new Uint8Array(await file.arrayBuffer());
        return api.addPhotoRow({ ...photo, byteSize: data.byteLength, data });
      }
      const row = await api.addPhotoRow({ ...photo, byteSize: file.size });
      if (row.stored || !row.storage_path) return row;
      await files.upload(row.storage_path, file, photo.mimeType);
      return api.photoUploaded(row.id);
    },
    async read(photo) {
      if (photo.storage_path && files) return files.download(photo.storage_path);
      return new Blob([(await api.photoData(photo.id)) as Uint8Array<ArrayBuffer>], { type: photo.mime_type });
    },
  };
}
