import { fitWithin, photoFileProblem, photoQualities, photoTargetBytes, type PhotoProblem } from '../domain/photoRules';

/** A photo ready to store: shrunk, re-encoded as JPEG, and so without the original's EXIF (GPS, camera, time). */
export interface PreparedPhoto {
  file: Blob;
  mimeType: 'image/jpeg';
  width: number;
  height: number;
}

export class PhotoRefusedError extends Error {
  constructor(readonly problem: PhotoProblem) {
    super(`photo refused: ${problem}`);
    this.name = 'PhotoRefusedError';
  }
}

/**
 * Shrinks a chosen photo in the browser before it goes anywhere. The pixels are
 * drawn on a canvas and encoded anew: the canvas holds only pixels, so nothing
 * of the original file (its EXIF with the GPS position where it was taken, the
 * camera, the time) is in what comes out. The photo is turned upright first
 * (`imageOrientation: 'from-image'`), because the orientation tag goes too.
 */
export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  const problem = photoFileProblem(file);
  if (problem) throw new PhotoRefusedError(problem);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    // Not an image after all, or one this browser cannot read (HEIC in Chromium).
    throw new PhotoRefusedError('unreadable');
  }
  try {
    let size = fitWithin(bitmap.width, bitmap.height);
    // A very detailed photo may not fit at the lowest quality: then smaller, once.
    for (const longest of [null, 1200]) {
      if (longest) size = fitWithin(bitmap.width, bitmap.height, longest);
      const canvas = new OffscreenCanvas(size.width, size.height);
      const context = canvas.getContext('2d');
      if (!context) throw new PhotoRefusedError('unreadable');
      context.drawImage(bitmap, 0, 0, size.width, size.height);
      for (const quality of photoQualities) {
        const encoded = await canvas.convertToBlob({ type: 'image/jpeg', quality });
        if (encoded.size <= photoTargetBytes) return { file: encoded, mimeType: 'image/jpeg', ...size };
      }
    }
    throw new PhotoRefusedError('too_large');
  } finally {
    bitmap.close();
  }
}
