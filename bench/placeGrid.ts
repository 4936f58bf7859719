/**
 * The places the map benchmarks draw: `count` points on a grid over Leiden
 * (200 columns 0.0006° apart, rows spread over 0.05° of latitude). One
 * definition for the SQL that writes them into the app's database and for the
 * plain MapLibre page that draws the same points from memory.
 */
const columns = 200;
const west = 4.43;
const south = 52.13;
const columnStep = 0.0006;
const latitudeSpan = 0.05;

export const gridCentre = { lon: west + (columns / 2) * columnStep, lat: south + latitudeSpan / 2 };

function rowStep(count: number): number {
  return latitudeSpan / Math.ceil(count / columns);
}

/** The i-th point, as the SQL below places it. */
export function gridPoint(i: number, count: number): [number, number] {
  return [west + (i % columns) * columnStep, south + Math.floor(i / columns) * rowStep(count)];
}

/** Inserts the places as the database's owner in one statement: setting up, not what is measured. */
export function gridPlacesSql(count: number): string {
  return `insert into public.assets (kind, category, name, geom, status)
    select 'place', 'ontmoetingsplek', 'Plek ' || i,
      extensions.st_setsrid(extensions.st_makepoint(${west} + (i % ${columns}) * ${columnStep}, ${south} + (i / ${columns}) * ${rowStep(count)}), 4326),
      'published'
    from generate_series(0, ${count - 1}) i`;
}
