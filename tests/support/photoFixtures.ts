/**
 * Photos for the tests, made here instead of kept as files: a JPEG as a phone
 * takes it (large, with EXIF: the GPS position where it was taken, the camera
 * and the time), and a reader for what a stored photo still says about itself.
 * jpeg-js encodes the pixels, piexifjs writes the EXIF, exifr reads it back as
 * any photo viewer would.
 */
import exifr from 'exifr';
import jpeg from 'jpeg-js';
import piexif from 'piexifjs';

/** Bytes that begin as a JPEG does (the database checks no more than that), different per seed. */
export function jpegLikeBytes(size = 2000, seed = 1): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size).map((_, index) => (index * 31 + seed) % 256);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

/** Where the fixture photo says it was taken: a front door in Leiden Merenwijk. */
export const takenAt = { latitude: 52.1718, longitude: 4.5079 };

/** Degrees as EXIF's rational degrees, minutes, seconds. */
function rational(degrees: number): [number, number][] {
  const whole = Math.floor(degrees);
  const minutes = Math.floor((degrees - whole) * 60);
  const seconds = Math.round(((degrees - whole) * 60 - minutes) * 60 * 1000);
  return [
    [whole, 1],
    [minutes, 1],
    [seconds, 1000],
  ];
}

/** A width × height JPEG of soft colour bands with camera EXIF and a GPS position (takenAt). */
export function phonePhotoWithGps(width = 2400, height = 1800): Buffer {
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * 4;
      pixels[offset] = (x * 255) / width;
      pixels[offset + 1] = (y * 255) / height;
      pixels[offset + 2] = ((x + y) * 97) % 256;
      pixels[offset + 3] = 255;
    }
  }
  const plain = jpeg.encode({ data: pixels, width, height }, 85).data;
  const exif = piexif.dump({
    '0th': { [piexif.ImageIFD.Make]: 'Testtelefoon', [piexif.ImageIFD.Model]: 'Model 1' },
    Exif: { [piexif.ExifIFD.DateTimeOriginal]: '2026:05:01 10:00:00' },
    GPS: {
      [piexif.GPSIFD.GPSLatitudeRef]: 'N',
      [piexif.GPSIFD.GPSLatitude]: rational(takenAt.latitude),
      [piexif.GPSIFD.GPSLongitudeRef]: 'E',
      [piexif.GPSIFD.GPSLongitude]: rational(takenAt.longitude),
    },
  });
  return Buffer.from(piexif.insert(exif, plain.toString('binary')), 'binary');
}

/**
 * What a photo says about itself: its GPS position (if any), the names of the
 * tags it carries about the camera, the time and the place (EXIF/TIFF, GPS,
 * XMP, IPTC; not the JFIF header or the colour profile, which every encoder
 * writes), whether an EXIF segment is there at all, and its size in pixels.
 */
export async function photoFacts(bytes: Uint8Array): Promise<{
  gps: { latitude: number; longitude: number } | null;
  cameraTags: string[];
  exifSegment: boolean;
  width: number;
  height: number;
}> {
  const buffer = Buffer.from(bytes);
  const gps = (await exifr.gps(buffer).catch(() => undefined)) ?? null;
  const tags = (await exifr
    .parse(buffer, { tiff: true, exif: true, gps: true, ifd1: true, interop: true, xmp: true, iptc: true, jfif: false, icc: false })
    .catch(() => undefined)) as Record<string, unknown> | undefined;
  const { width, height } = jpeg.decode(buffer, { useTArray: true, maxMemoryUsageInMB: 256 });
  return {
    gps: gps ? { latitude: gps.latitude, longitude: gps.longitude } : null,
    cameraTags: Object.keys(tags ?? {}).sort(),
    // APP1 with "Exif\0\0": where a camera writes it.
    exifSegment: buffer.includes(Buffer.from([0xff, 0xe1])) && buffer.includes(Buffer.from('Exif\0\0', 'binary')),
    width,
    height,
  };
}
