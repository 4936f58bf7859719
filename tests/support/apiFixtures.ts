import { expect } from 'vitest';
import { ApiError } from '../../src/backend/apiError';

// Leiden, Merenwijk-ish. One degree of latitude is ~111.2 km.
export const centre = { lon: 4.5, lat: 52.17 };

/** A point `meters` north of (lon, lat), rounded to the API's 7 decimals (~1 cm). */
export const metresNorthOf = (lon: number, lat: number, meters: number) => ({
  type: 'Point' as const,
  coordinates: [lon, Number((lat + meters / 111_250).toFixed(7))],
});

export const north = (meters: number) => metresNorthOf(centre.lon, centre.lat, meters);

/** Awaits a call that must be refused and returns the ApiError it was refused with. */
export async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the call to be refused, but it succeeded');
}

/** Metres between two lon/lat points (equirectangular: exact enough over a few hundred metres). */
export function metresBetween([lon1, lat1]: number[], [lon2, lat2]: number[]): number {
  const x = (lon2! - lon1!) * Math.cos(((lat1! + lat2!) / 2) * (Math.PI / 180)) * 111_320;
  return Math.hypot(x, (lat2! - lat1!) * 111_320);
}
