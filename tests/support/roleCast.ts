import type { Point, Polygon } from 'geojson';
import type { WijkkrachtApi } from '../../src/backend/api';
import type { SqlConnection, SqlQueryable } from '../../src/backend/sqlConnection';
import type { Claims } from '../../src/backend/sqlRpc';
import type { MemberRole } from '../../src/domain/types';
import { boxGeometry, makeWerkgebied } from './werkgebiedFixtures';

/**
 * The cast of the role tests (tests/sql/roleMatrix, tests/sql/postgrestAttacks):
 * one person per role, with ids that say who they are in a failure message, and
 * three werkgebieden for them to act in.
 */
export const people = {
  resident: '00000000-0000-4000-8000-00000000a001',
  otherResident: '00000000-0000-4000-8000-00000000a002',
  keyPerson: '00000000-0000-4000-8000-00000000b001',
  facilitator: '00000000-0000-4000-8000-00000000c001',
  planner: '00000000-0000-4000-8000-00000000d001',
  werkgebiedAdmin: '00000000-0000-4000-8000-00000000e001',
  otherFacilitator: '00000000-0000-4000-8000-00000000c002',
  otherPlanner: '00000000-0000-4000-8000-00000000d002',
  /** app_metadata.wijkkracht_role = 'admin': an administrator of every werkgebied. */
  administrator: '00000000-0000-4000-8000-00000000f001',
} as const;

export type Person = keyof typeof people;
/** Everyone who can call the database: the people, a visitor without sign-in, and the service role. */
export type Actor = Person | 'anon' | 'serviceRole';

/** The JWT claims PostgREST (or createSqlRpcCall) puts into request.jwt.claims for an actor. */
export function claimsOf(actor: Actor): Claims {
  if (actor === 'anon') return { role: 'anon' };
  if (actor === 'serviceRole') return { role: 'service_role' };
  return {
    role: 'authenticated',
    sub: people[actor],
    ...(actor === 'administrator' ? { app_metadata: { wijkkracht_role: 'admin' as const } } : {}),
  };
}

/**
 * [west, south, east, north] of each werkgebied. `review` and `other` hold every
 * contribution for a facilitator; `open` publishes at once and has no members.
 */
const boxes = {
  review: [5.5, 52.0, 5.6, 52.1],
  other: [5.7, 52.0, 5.8, 52.1],
  open: [4.3, 52.0, 5.0, 52.5],
} as const;
export type WerkgebiedName = keyof typeof boxes;

/** A point in a werkgebied (or in none), `step` × ~110 m north-east of its south-west corner plus a margin. */
export function pointIn(where: WerkgebiedName | 'outside', step = 0): Point {
  const [west, south] = where === 'outside' ? [6.5, 52.5] : boxes[where];
  const offset = 0.01 + step * 0.001;
  return { type: 'Point', coordinates: [Number((west + offset).toFixed(7)), Number((south + offset).toFixed(7))] };
}

/** A closed ring of `vertices` points on a circle around (lon, lat): a valid polygon of any size and any number of vertices. */
export function polygonAround(lon: number, lat: number, radius: number, vertices = 4): Polygon {
  const ring = Array.from({ length: vertices }, (_, index) => {
    const angle = (2 * Math.PI * index) / vertices;
    return [lon + radius * Math.cos(angle), lat + radius * Math.sin(angle)];
  });
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}

/** People living around (lon, lat), spread over estimated 100 m cells by the administrator's import (PC4 style). */
export async function residentsAround(
  administrator: WijkkrachtApi,
  code: string,
  [lon, lat]: [number, number],
  radius: number,
  residents: number,
) {
  await administrator.importAreaPopulation({
    source: 'rollen',
    attribution: null,
    rows: [{ row: 1, code, name: code, geometry: polygonAround(lon, lat, radius), residents, residents_65plus: Math.round(residents / 5) }],
  });
}

/** Who holds which role where, as [werkgebied, person, role]. Residents and the administrator hold none. */
export const castMemberships: readonly (readonly [WerkgebiedName, Person, MemberRole])[] = [
  ['review', 'keyPerson', 'key_person'],
  ['review', 'facilitator', 'facilitator'],
  ['review', 'planner', 'planner'],
  ['review', 'werkgebiedAdmin', 'admin'],
  ['other', 'otherFacilitator', 'facilitator'],
  ['other', 'otherPlanner', 'planner'],
];

/** Makes the three werkgebieden and gives the people their roles, as the administrator does. Returns the werkgebieden's ids. */
export async function castRoles(as: (actor: Actor) => WijkkrachtApi): Promise<Record<WerkgebiedName, string>> {
  const administrator = as('administrator');
  const ids = {} as Record<WerkgebiedName, string>;
  for (const [name, box] of Object.entries(boxes) as [WerkgebiedName, readonly [number, number, number, number]][]) {
    const werkgebied = await makeWerkgebied(administrator, {
      code: `ROLE-${name.toUpperCase()}`,
      name: `Rollen ${name}`,
      box: [...box],
      reviewFirst: name !== 'open',
    });
    ids[name] = werkgebied.id;
  }
  for (const [werkgebied, person, role] of castMemberships) {
    await administrator.setMember({ werkgebiedId: ids[werkgebied], userId: people[person], role, displayName: person });
  }
  return ids;
}

/**
 * Runs `work` as `claims` in a transaction that is always rolled back (the Basejump
 * way: nothing a case does survives it). `prepare` runs first, as the database
 * owner, in the same transaction: rows a case updates or deletes.
 */
export async function rolledBackAs<T>(
  connection: SqlConnection,
  claims: Claims,
  work: (tx: SqlQueryable) => Promise<T>,
  prepare?: (tx: SqlQueryable) => Promise<void>,
): Promise<T> {
  await connection.exec('begin');
  try {
    await prepare?.(connection);
    await connection.query("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [
      claims.role,
      JSON.stringify(claims),
    ]);
    return await work(connection);
  } finally {
    await connection.exec('rollback');
  }
}

/**
 * Two buurten in the werkgebied 'review' ([5.5, 52.0, 5.6, 52.1]), West and Oost, and postcode area
 * 9990 with 4 000 residents (900 aged 65+) living across both, as the administrator imports them.
 * West begins at `westSouth`: below it, the south-west corner lies in no buurt. `otherAreas` are
 * more postcode areas with their residents.
 */
export async function reviewBuurtenWithResidents(
  administrator: WijkkrachtApi,
  {
    westSouth = 52.0,
    otherAreas = [],
  }: { westSouth?: number; otherAreas?: Array<{ code: string; geometry: Polygon; residents: number }> } = {},
) {
  await administrator.importAreas({
    source: 'cast-buurten',
    attribution: null,
    rows: [
      { row: 1, code: 'BU9990001', name: 'West', level: 'buurt', geometry: boxGeometry([5.5, westSouth, 5.515, 52.1]) },
      { row: 2, code: 'BU9990002', name: 'Oost', level: 'buurt', geometry: boxGeometry([5.515, 52.0, 5.6, 52.1]) },
    ],
  });
  await administrator.importAreaPopulation({
    source: 'cast-pc4',
    attribution: 'CBS',
    rows: [
      { row: 1, code: '9990', name: '9990', geometry: polygonAround(5.515, 52.015, 0.008, 24), residents: 4_000, residents_65plus: 900 },
      ...otherAreas.map((area, index) => ({
        row: index + 2,
        code: area.code,
        name: area.code,
        geometry: area.geometry,
        residents: area.residents,
        residents_65plus: Math.round(area.residents / 10),
      })),
    ],
  });
}
