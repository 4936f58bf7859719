/**
 * The limits a photo meets before it leaves the device (src/photos/preparePhoto.ts)
 * and in the database (supabase/schemas/14_photos.sql, which refuses anything
 * past them whatever the path): the browser aims under the database's limits.
 */

/** The longest side of a stored photo, in pixels (the database allows up to 2048). */
const photoLongestSide = 1600;
/** What a stored photo aims to stay under; the database refuses more than 1 000 000 bytes. */
export const photoTargetBytes = 900_000;
/** The most a chosen file may be before shrinking: a phone's photo is 2–12 MB; beyond this it is no photo. */
export const photoInputMaxBytes = 30 * 1024 * 1024;
/** Photos per place (the database counts the same). */
export const photosPerPlace = 5;
/** The longest caption (the database's limit). */
export const photoCaptionMaxLength = 200;
/** JPEG qualities tried in turn until the photo fits photoTargetBytes. */
export const photoQualities = [0.85, 0.75, 0.65, 0.5] as const;

export type PhotoProblem = 'not_an_image' | 'too_large' | 'unreadable';

/** Why a chosen file cannot become a photo, judged from what the file says about itself; null when it may try. */
export function photoFileProblem(file: { type: string; size: number; name: string }): PhotoProblem | null {
  const looksLikeImage = file.type ? file.type.startsWith('image/') : /\.(jpe?g|png|webp|gif|heic|heif|avif)$/i.test(file.name);
  if (!looksLikeImage) return 'not_an_image';
  if (file.size > photoInputMaxBytes) return 'too_large';
  return null;
}

/** The size a photo is drawn at: its own when it fits, else scaled down so its longest side is `longest`. */
export function fitWithin(width: number, height: number, longest = photoLongestSide): { width: number; height: number } {
  const scale = Math.min(1, longest / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
