/**
 * Who may do what, as a table (in the style of Basejump's pgTAP suites), on
 * PostgreSQL 15: every role × every table × select/insert/update/delete, each
 * case in a transaction that is rolled back; then the grants themselves (on
 * internal functions and SECURITY DEFINER search paths; on tables, also as a
 * Supabase project is provisioned); then every role against the API functions
 * that decide by role.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApi, type WijkkrachtApi } from '../../src/backend/api';
import { ApiError, refusedRowsOf } from '../../src/backend/apiError';
import { createSqlRpcCall } from '../../src/backend/sqlRpc';
import type { AssetFeature } from '../../src/backend/wireTypes';
import type { AssetKind } from '../../src/domain/types';
import { openPostgresDatabase, type TestDatabase } from '../support/engines';
import { requirementMissing } from '../support/sharedRequirements';
import {
  castMemberships,
  castRoles,
  claimsOf,
  people,
  pointIn,
  polygonAround,
  residentsAround,
  rolledBackAs,
  type Actor,
  type Person,
  type WerkgebiedName,
} from '../support/roleCast';
import { openSupabaseProvisionedDatabase } from '../support/supabaseProvisioned';

const setup = inject('sqlSetup');
const skip = requirementMissing('PostgreSQL 15 + PostGIS (apt postgresql-15-postgis-3)', setup.postgresUrl !== null);
const openDatabase = () => openPostgresDatabase(setup.postgresUrl as string, setup.postgresTemplate);
const apiOn = (database: TestDatabase) => (actor: Actor) => createApi(createSqlRpcCall(database.connection, () => claimsOf(actor)));

/** The roles of the table matrix: one person for each. */
type MatrixRole = 'anon' | 'resident' | 'keyPerson' | 'facilitator' | 'planner' | 'werkgebiedAdmin' | 'administrator' | 'serviceRole';
const actors: MatrixRole[] = ['anon', 'resident', 'keyPerson', 'facilitator', 'planner', 'werkgebiedAdmin', 'administrator', 'serviceRole'];

/** 'ok' (or, for a place, its status) when the call went through; else the SQLSTATE it was refused with. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    const result = await call;
    const status = (result as Partial<AssetFeature> | null)?.properties?.status;
    return status ?? 'ok';
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return error.code ?? `no code: ${error.message}`;
  }
}

// ---------------------------------------------------------------------------
// Role × table × operation
// ---------------------------------------------------------------------------

type Operation = 'select' | 'insert' | 'update' | 'delete';
/**
 * 'denied': refused by the grants (SQLSTATE 42501, "permission denied for table …"),
 * whatever rows there are. A number: the rows an insert, update or delete wrote.
 * For a select: the keys of the rows the role sees (RLS), or 'all' of them.
 */
type Outcome = 'denied' | 'all' | 1 | string[];

/** What the fixture below made, for the statements that need its ids. */
interface Fixture {
  werkgebied: Record<WerkgebiedName, string>;
  publishedPlace: string;
  /** A resident's place that waits for review, connected to the published one (part_of). */
  waitingPlace: string;
  cell: string;
  /** A node of the footway past the published place. */
  node: number;
  /** A workshop session in the review werkgebied, which the resident joined. */
  session: string;
  /** A planner's snapshot of the review werkgebied, its only one. */
  snapshot: string;
  /** A planner's own target group in the review werkgebied. */
  targetGroup: string;
}

interface TableCase {
  table: string;
  /** A column that names each row, readable by every role that may read the table. */
  key: string;
  select: Record<MatrixRole, Outcome>;
  /** The service role writes the tables in public directly; API roles write no table at all. */
  serviceRoleWrites: 'denied' | 1;
  /** One new row. The update and delete cases aim at the same row, first inserted by the owner. */
  insert(fixture: Fixture): string;
  target: string;
  /** An update that changes nothing. */
  set: string;
}

const everyone = (outcome: Outcome): Record<MatrixRole, Outcome> =>
  Object.fromEntries(actors.map((actor) => [actor, outcome])) as Record<MatrixRole, Outcome>;
const onlyServiceRole: Record<MatrixRole, Outcome> = { ...everyone('denied'), serviceRole: 'all' };
const trialRow = '00000000-0000-4000-8000-0000000000ff';
const trialSurface = 'extensions.st_multi(extensions.st_makeenvelope(6.0, 52.0, 6.01, 52.01, 4326))';

/** `role user_id`, how the werkgebied_members cases name a membership. */
const membership = (person: Person) => castMemberships.filter(([, who]) => who === person).map(([, who, role]) => `${role} ${people[who]}`);

const tables: TableCase[] = [
  {
    table: 'public.categories',
    key: 'id',
    select: everyone('all'),
    serviceRoleWrites: 1,
    insert: () =>
      "insert into public.categories (id, label_nl, label_en, color, sort_order) values ('matrix_proef', 'Proef', 'Trial', '#123456', 999)",
    target: "id = 'matrix_proef'",
    set: 'label_nl = label_nl',
  },
  {
    table: 'public.areas',
    key: 'code',
    select: everyone('all'),
    serviceRoleWrites: 1,
    insert: () => `insert into public.areas (code, name, level, geom) values ('MATRIX-PROEF', 'Proef', 'other', ${trialSurface})`,
    target: "code = 'MATRIX-PROEF'",
    set: 'name = name',
  },
  {
    table: 'public.werkgebieden',
    key: 'name',
    select: everyone('all'),
    serviceRoleWrites: 1,
    insert: () => `insert into public.werkgebieden (name, area_codes, geom) values ('Matrix proef', '{MATRIX-PROEF}', ${trialSurface})`,
    target: "name = 'Matrix proef'",
    set: 'name = name',
  },
  {
    table: 'public.werkgebied_members',
    key: "role || ' ' || user_id",
    // Members are people: each sees their own memberships, a werkgebied's admins all of its.
    select: {
      anon: 'denied',
      resident: [],
      keyPerson: membership('keyPerson'),
      facilitator: membership('facilitator'),
      planner: membership('planner'),
      werkgebiedAdmin: ['keyPerson', 'facilitator', 'planner', 'werkgebiedAdmin'].flatMap((person) => membership(person as Person)),
      administrator: 'all',
      serviceRole: 'all',
    },
    serviceRoleWrites: 1,
    insert: ({ werkgebied }) =>
      `insert into public.werkgebied_members (werkgebied_id, user_id, role) values ('${werkgebied.review}', '${trialRow}', 'admin')`,
    target: `user_id = '${trialRow}'`,
    set: 'display_name = display_name',
  },
  {
    table: 'public.assets',
    key: 'name',
    // Published for everyone; the rest for its author and the werkgebied's facilitators, planners and admins.
    select: {
      anon: ['Matrix: gepubliceerd', 'Matrix: open'],
      resident: ['Matrix: gearchiveerd', 'Matrix: gepubliceerd', 'Matrix: open', 'Matrix: wacht'],
      keyPerson: ['Matrix: gepubliceerd', 'Matrix: open'],
      facilitator: ['Matrix: gepubliceerd', 'Matrix: open', 'Matrix: wacht'],
      planner: ['Matrix: gepubliceerd', 'Matrix: open', 'Matrix: wacht'],
      werkgebiedAdmin: ['Matrix: gepubliceerd', 'Matrix: open', 'Matrix: wacht'],
      administrator: 'all',
      serviceRole: 'all',
    },
    serviceRoleWrites: 1,
    insert: () =>
      "insert into public.assets (kind, category, name, geom) values ('place', 'park', 'Matrix: proef', extensions.st_setsrid(extensions.st_makepoint(6.5, 52.5), 4326))",
    target: "name = 'Matrix: proef'",
    set: 'name = name',
  },
  {
    table: 'public.stories',
    key: 'body',
    // As visible as they and their place are.
    select: {
      anon: ['Verhaal: begeleider'],
      resident: ['Verhaal: begeleider', 'Verhaal: eerste', 'Verhaal: gearchiveerd'],
      keyPerson: ['Verhaal: begeleider'],
      facilitator: ['Verhaal: begeleider', 'Verhaal: bewoner', 'Verhaal: eerste'],
      planner: ['Verhaal: begeleider', 'Verhaal: bewoner', 'Verhaal: eerste'],
      werkgebiedAdmin: ['Verhaal: begeleider', 'Verhaal: bewoner', 'Verhaal: eerste'],
      administrator: 'all',
      serviceRole: 'all',
    },
    serviceRoleWrites: 1,
    insert: ({ publishedPlace }) => `insert into public.stories (asset_id, body) values ('${publishedPlace}', 'Verhaal: proef')`,
    target: "body = 'Verhaal: proef'",
    set: 'body = body',
  },
  {
    table: 'public.photos',
    key: 'caption',
    // As visible as a story: its own status, on a place the caller sees.
    select: {
      anon: ['Foto: begeleider'],
      resident: ['Foto: begeleider', 'Foto: bewoner'],
      keyPerson: ['Foto: begeleider'],
      facilitator: ['Foto: begeleider', 'Foto: bewoner'],
      planner: ['Foto: begeleider', 'Foto: bewoner'],
      werkgebiedAdmin: ['Foto: begeleider', 'Foto: bewoner'],
      administrator: 'all',
      serviceRole: 'all',
    },
    serviceRoleWrites: 1,
    // This database stands for Supabase: the file goes to Storage, and the row names where (the rules set the path).
    insert: ({ publishedPlace }) =>
      `insert into public.photos (asset_id, caption, mime_type, byte_size, width, height, storage_path) values ('${publishedPlace}', 'Foto: proef', 'image/jpeg', 10, 1, 1, 'matrix/proef.jpg')`,
    target: "caption = 'Foto: proef'",
    set: 'caption = caption',
  },
  {
    table: 'public.changes',
    key: "item_type || ' ' || operation || ' ' || id",
    select: onlyServiceRole,
    serviceRoleWrites: 1,
    insert: () => `insert into public.changes (item_type, item_id, operation, new_values) values ('asset', '${trialRow}', 'edit', '{}')`,
    target: `item_id = '${trialRow}'`,
    set: 'new_values = new_values',
  },
  {
    table: 'public.reports',
    key: 'reason',
    select: onlyServiceRole,
    serviceRoleWrites: 1,
    insert: () =>
      `insert into public.reports (item_type, item_id, reported_by, reason) values ('asset', '${trialRow}', '${trialRow}', 'Matrix proef')`,
    target: "reason = 'Matrix proef'",
    set: 'reason = reason',
  },
  {
    table: 'public.population_cells',
    key: 'cell_id',
    select: everyone('all'),
    serviceRoleWrites: 1,
    insert: () =>
      `insert into public.population_cells (cell_id, geom, centre)
       values ('E0001N0001', extensions.st_setsrid(extensions.st_makeenvelope(100, 100, 200, 200), 28992),
               extensions.st_setsrid(extensions.st_makepoint(150, 150), 28992))`,
    target: "cell_id = 'E0001N0001'",
    set: 'residents = residents',
  },
  {
    table: 'public.area_population',
    key: 'code',
    select: everyone('all'),
    serviceRoleWrites: 1,
    insert: () => `insert into public.area_population (source, code, geom) values ('matrix', 'MATRIX-PROEF', ${trialSurface})`,
    target: "code = 'MATRIX-PROEF'",
    set: 'name = name',
  },
  {
    table: 'internal.cell_nearest',
    key: "target || ' ' || cell_id",
    // Derived from public data; written only by the coverage trigger (as its owner).
    select: everyone('all'),
    serviceRoleWrites: 'denied',
    insert: ({ cell }) =>
      `insert into internal.cell_nearest (target, cell_id, distance_m, asset_id) values ('matrix', '${cell}', 1, '${trialRow}')`,
    target: "target = 'matrix'",
    set: 'distance_m = distance_m',
  },
  {
    table: 'internal.coverage_assets',
    key: 'asset_id::text',
    select: everyone('denied'),
    serviceRoleWrites: 'denied',
    insert: () =>
      `insert into internal.coverage_assets (asset_id, geom, targets)
       values ('${trialRow}', extensions.st_setsrid(extensions.st_makepoint(150, 150), 28992), '{matrix}')`,
    target: `asset_id = '${trialRow}'`,
    set: 'targets = targets',
  },
  {
    table: 'internal.bulk_adds',
    key: 'txid::text',
    // Marks an import's own transaction (internal.added_in_bulk): only its owner-run function writes it.
    select: everyone('denied'),
    serviceRoleWrites: 'denied',
    insert: () => 'insert into internal.bulk_adds (txid) values (-1)',
    target: 'txid = -1',
    set: 'txid = txid',
  },
  {
    table: 'internal.circle_locations',
    key: 'asset_id::text',
    // A circle's exact place (11_circles.sql): read only through get_asset, by its key person and facilitators.
    select: everyone('denied'),
    serviceRoleWrites: 'denied',
    insert: () =>
      `insert into internal.circle_locations (asset_id, exact_geom, shown_at)
       values ('${trialRow}', extensions.st_setsrid(extensions.st_makepoint(4.5, 52.1), 4326), 'cell')`,
    target: `asset_id = '${trialRow}'`,
    set: 'shown_at = shown_at',
  },
  {
    table: 'public.walk_networks',
    key: 'source',
    select: everyone('all'),
    serviceRoleWrites: 1,
    insert: () => "insert into public.walk_networks (source, lines) values ('matrix', 1)",
    target: "source = 'matrix'",
    set: 'lines = lines',
  },
  {
    table: 'internal.walk_nodes',
    key: 'x_cm::text',
    // The footway network (15_walking.sql): written by import_walk_network, read by its owner-run search only.
    select: everyone('denied'),
    serviceRoleWrites: 'denied',
    insert: () =>
      'insert into internal.walk_nodes (x_cm, y_cm, geom) values (-1, -1, extensions.st_setsrid(extensions.st_makepoint(0, 0), 28992))',
    target: 'x_cm = -1',
    set: 'x_cm = x_cm',
  },
  {
    table: 'internal.walk_edges',
    key: 'length_m::text',
    select: everyone('denied'),
    serviceRoleWrites: 'denied',
    // A loop at the fixture's first node: an edge no import makes.
    insert: ({ node }) => `insert into internal.walk_edges (from_node, to_node, length_m) values (${node}, ${node}, 0.5)`,
    target: 'length_m = 0.5',
    set: 'length_m = length_m',
  },
  {
    table: 'internal.walk_reach',
    key: "target || ' ' || distance_m",
    // Derived from public data (places, the network); written only by the upkeep (as its owner).
    select: everyone('all'),
    serviceRoleWrites: 'denied',
    insert: ({ node }) =>
      `insert into internal.walk_reach (target, node_id, distance_m, asset_id) values ('matrix', ${node}, 1, '${trialRow}')`,
    target: "target = 'matrix'",
    set: 'distance_m = distance_m',
  },
  {
    table: 'internal.walk_cell_access',
    key: "cell_id || ' ' || access_m",
    select: everyone('all'),
    serviceRoleWrites: 'denied',
    insert: ({ cell, node }) =>
      `insert into internal.walk_cell_access (cell_id, node_id, access_m) values ('${cell}', ${node}, 0.25)
       on conflict (cell_id) do update set access_m = 0.25`,
    target: 'access_m = 0.25',
    set: 'access_m = access_m',
  },
  {
    table: 'public.workshop_sessions',
    key: 'title',
    // Its participants and its werkgebied's facilitators (admins included).
    select: {
      anon: 'denied',
      resident: ['Matrix: sessie'],
      keyPerson: [],
      facilitator: ['Matrix: sessie'],
      planner: [],
      werkgebiedAdmin: ['Matrix: sessie'],
      administrator: 'all',
      serviceRole: 'all',
    },
    serviceRoleWrites: 1,
    insert: ({ werkgebied }) =>
      `insert into public.workshop_sessions (werkgebied_id, title, held_on, shown_area, join_code, join_code_expires_at)
       values ('${werkgebied.review}', 'Matrix proef', current_date, extensions.st_makeenvelope(6.0, 52.0, 6.01, 52.01, 4326),
               'MMMMMM', now() + interval '1 day')`,
    target: "title = 'Matrix proef'",
    set: 'title = title',
  },
  {
    table: 'public.session_participants',
    key: 'first_name',
    // Participants see themselves; the session's facilitators see everyone.
    select: {
      anon: 'denied',
      resident: ['Matrix: deelnemer'],
      keyPerson: [],
      facilitator: ['Matrix: deelnemer'],
      planner: [],
      werkgebiedAdmin: ['Matrix: deelnemer'],
      administrator: 'all',
      serviceRole: 'all',
    },
    serviceRoleWrites: 1,
    insert: ({ session }) =>
      `insert into public.session_participants (session_id, user_id, first_name) values ('${session}', '${trialRow}', 'Matrix proef')`,
    target: `user_id = '${trialRow}'`,
    set: 'first_name = first_name',
  },
  {
    table: 'public.appreciations',
    key: 'user_id::text',
    // Who appreciated what is nobody's business: the functions return counts.
    select: onlyServiceRole,
    serviceRoleWrites: 1,
    insert: ({ publishedPlace }) => `insert into public.appreciations (asset_id, user_id) values ('${publishedPlace}', '${trialRow}')`,
    target: `user_id = '${trialRow}'`,
    set: 'reason = reason',
  },
  {
    table: 'public.asset_links',
    key: 'kind::text',
    // As visible as both its places: the waiting end only for its author and the werkgebied's reviewers and planners.
    select: {
      anon: [],
      resident: ['part_of'],
      keyPerson: [],
      facilitator: ['part_of'],
      planner: ['part_of'],
      werkgebiedAdmin: ['part_of'],
      administrator: 'all',
      serviceRole: 'all',
    },
    serviceRoleWrites: 1,
    insert: ({ publishedPlace, waitingPlace }) =>
      `insert into public.asset_links (from_asset, to_asset, kind) values ('${publishedPlace}', '${waitingPlace}', 'refers_to')`,
    target: "kind = 'refers_to'",
    set: 'kind = kind',
  },
  {
    table: 'public.session_actions',
    key: 'body',
    select: {
      anon: 'denied',
      resident: ['Matrix: actie'],
      keyPerson: [],
      facilitator: ['Matrix: actie'],
      planner: [],
      werkgebiedAdmin: ['Matrix: actie'],
      administrator: 'all',
      serviceRole: 'all',
    },
    serviceRoleWrites: 1,
    insert: ({ session }) =>
      `insert into public.session_actions (session_id, geom, body)
       values ('${session}', extensions.st_setsrid(extensions.st_makepoint(6.0, 52.0), 4326), 'Matrix proef')`,
    target: "body = 'Matrix proef'",
    set: 'body = body',
  },
  {
    table: 'public.snapshots',
    key: 'note',
    // The werkgebied's planners, facilitators and admins (16_snapshots.sql); written only by take_snapshot.
    select: {
      anon: 'denied',
      resident: [],
      keyPerson: [],
      facilitator: ['Matrix: momentopname'],
      planner: ['Matrix: momentopname'],
      werkgebiedAdmin: ['Matrix: momentopname'],
      administrator: 'all',
      serviceRole: 'all',
    },
    serviceRoleWrites: 1,
    insert: ({ werkgebied }) =>
      `insert into public.snapshots (werkgebied_id, kind, note, method, counts) values ('${werkgebied.review}', 'manual', 'Matrix proef', '{}', '{}')`,
    target: "note = 'Matrix proef'",
    set: 'note = note',
  },
  {
    table: 'public.snapshot_buurten',
    key: "'buurt ' || buurt_code",
    select: {
      anon: 'denied',
      resident: [],
      keyPerson: [],
      facilitator: ['buurt '],
      planner: ['buurt '],
      werkgebiedAdmin: ['buurt '],
      administrator: 'all',
      serviceRole: 'all',
    },
    serviceRoleWrites: 1,
    insert: ({ snapshot }) => `insert into public.snapshot_buurten values ('${snapshot}', 'MATRIX', 0, 0, 0, 0, 0, 0, 0)`,
    target: "buurt_code = 'MATRIX'",
    set: 'cells = cells',
  },
  {
    table: 'public.snapshot_coverage',
    key: "target || ' ' || on_foot",
    // The review werkgebied's snapshot is the only one: its staff see all of it.
    select: {
      anon: 'denied',
      resident: [],
      keyPerson: [],
      facilitator: 'all',
      planner: 'all',
      werkgebiedAdmin: 'all',
      administrator: 'all',
      serviceRole: 'all',
    },
    serviceRoleWrites: 1,
    insert: ({ snapshot }) =>
      `insert into public.snapshot_coverage select snapshot_id, buurt_code, 'matrix', false, array_fill(0, array[41]), array_fill(0, array[41])
       from public.snapshot_buurten where snapshot_id = '${snapshot}' limit 1`,
    target: "target = 'matrix'",
    set: 'covered = covered',
  },
  {
    table: 'public.area_key_figures',
    key: 'figure',
    // CBS key figures per wijk or buurt: public data, written by import_areas_with_population (administrators).
    select: everyone('all'),
    serviceRoleWrites: 1,
    insert: () => `insert into public.area_key_figures (area_code, figure, value) values ('WK999901', 'urbanity', 1)`,
    target: "area_code = 'WK999901' and figure = 'urbanity'",
    set: 'value = value',
  },
  {
    table: 'public.population_weights',
    key: 'source',
    // Dwellings, buildings, addresses: public data, written by import_population_weights (administrators).
    select: everyone('all'),
    serviceRoleWrites: 1,
    insert: () =>
      `insert into public.population_weights (source, geom, weight) values ('matrix', extensions.st_setsrid(extensions.st_makepoint(100000, 450000), 28992), 1)`,
    target: "source = 'matrix'",
    set: 'weight = weight',
  },
  {
    table: 'public.target_groups',
    key: 'name',
    // A programme's own people (17_target_groups.sql): the werkgebied's staff see the group, nobody its counts.
    select: {
      anon: 'denied',
      resident: [],
      keyPerson: [],
      facilitator: ['Matrix: doelgroep'],
      planner: ['Matrix: doelgroep'],
      werkgebiedAdmin: ['Matrix: doelgroep'],
      administrator: 'all',
      serviceRole: 'all',
    },
    serviceRoleWrites: 1,
    insert: ({ werkgebied }) => `insert into public.target_groups (werkgebied_id, name) values ('${werkgebied.review}', 'Matrix proef')`,
    target: "name = 'Matrix proef'",
    set: 'name = name',
  },
  {
    table: 'internal.target_group_cells',
    key: 'members::text',
    select: everyone('denied'),
    serviceRoleWrites: 'denied',
    insert: ({ targetGroup, cell }) =>
      `insert into internal.target_group_cells (group_id, cell_id, members) values ('${targetGroup}', '${cell}', 0.5)
       on conflict (group_id, cell_id) do update set members = 0.5`,
    target: 'members = 0.5',
    set: 'members = members',
  },
  {
    table: 'internal.join_attempts',
    key: 'user_id::text',
    select: everyone('denied'),
    serviceRoleWrites: 'denied',
    insert: () => `insert into internal.join_attempts (user_id) values ('${trialRow}')`,
    target: `user_id = '${trialRow}'`,
    set: 'attempted_at = attempted_at',
  },
  {
    table: 'internal.idempotency_keys',
    key: 'key::text',
    select: everyone('denied'),
    serviceRoleWrites: 'denied',
    insert: () => `insert into internal.idempotency_keys (user_id, key, function_name) values ('${trialRow}', '${trialRow}', 'matrix')`,
    target: `key = '${trialRow}'`,
    set: 'function_name = function_name',
  },
];

const operations: Operation[] = ['select', 'insert', 'update', 'delete'];
const matrix = actors.flatMap((actor) =>
  tables.flatMap((table) =>
    operations.map((operation) => ({
      actor,
      table: table.table,
      operation,
      expected: operation === 'select' ? table.select[actor] : actor === 'serviceRole' ? table.serviceRoleWrites : 'denied',
      definition: table,
    })),
  ),
);

const sorted = (keys: string[]) => [...keys].sort();

/** Makes the rows the matrix expects to see: places and stories in every state, a report, population and its coverage. */
async function makeMatrixFixture(database: TestDatabase): Promise<Fixture> {
  const as = apiOn(database);
  const werkgebied = await castRoles(as);
  await residentsAround(as('administrator'), 'MATRIX-PC4', pointIn('review', 2).coordinates as [number, number], 0.001, 40);
  const place = (name: string, where: WerkgebiedName, step: number, story?: string) => ({
    kind: 'place' as const,
    category: 'park',
    name,
    geometry: pointIn(where, step),
    ...(story ? { story } : {}),
  });
  const waiting = await as('resident').addAsset({
    ...place('Matrix: wacht', 'review', 1, 'Verhaal: eerste'),
    idempotencyKey: randomUUID(),
  });
  const published = await as('facilitator').addAsset(place('Matrix: gepubliceerd', 'review', 2, 'Verhaal: begeleider'));
  await as('facilitator').linkAssets(waiting.id, published.id, 'part_of');
  await as('otherResident').addStory({ assetId: published.id, body: 'Verhaal: bewoner' });
  const photo = { assetId: published.id, mimeType: 'image/jpeg' as const, byteSize: 10, width: 1, height: 1 };
  await as('facilitator').addPhotoRow({ ...photo, caption: 'Foto: begeleider' });
  await as('resident').addPhotoRow({ ...photo, caption: 'Foto: bewoner' });
  await as('otherResident').addAsset(place('Matrix: elders', 'other', 1));
  await as('resident').addAsset(place('Matrix: open', 'open', 1));
  const archived = await as('resident').addAsset(place('Matrix: gearchiveerd', 'open', 2, 'Verhaal: gearchiveerd'));
  await as('resident').archiveAsset(archived.id, 1);
  await as('otherResident').reportItem('asset', published.id, 'Klopt niet');
  const cells = await database.connection.query<{ cell_id: string }>('select cell_id from internal.cell_nearest order by 1 limit 1');
  expect(cells.rows, 'the published place counts for the population around it').toHaveLength(1);
  const session = await as('facilitator').createSession({ werkgebiedId: werkgebied.review, title: 'Matrix: sessie' });
  await as('resident').joinSession(session.join_code, 'Matrix: deelnemer');
  const [lon, lat] = pointIn('review', 3).coordinates as [number, number];
  await as('resident').addSessionAction({ sessionId: session.id, lon, lat, body: 'Matrix: actie' });
  await as('otherResident').appreciate(published.id);
  // A wijk with a key figure, far from every werkgebied (18_key_figures.sql).
  await as('administrator').importAreasWithPopulation({
    source: 'matrix-kerncijfers',
    attribution: null,
    rows: [
      {
        row: 1,
        code: 'WK999901',
        name: 'Matrix-wijk',
        level: 'wijk',
        parent_code: null,
        geometry: polygonAround(6.505, 53.205, 0.005),
        residents: 10,
        residents_65plus: 2,
        key_figures: { dwellings: 5 },
      },
    ],
  });
  // A building the fixture's residents are spread by (dasymetric).
  await as('administrator').importPopulationWeights({
    source: 'matrix-gebouwen',
    attribution: null,
    rows: [{ row: 1, geometry: pointIn('review', 2), weight: 1 }],
  });
  const snapshot = await as('planner').takeSnapshot(werkgebied.review, 'Matrix: momentopname');
  const targetGroup = await as('planner').importTargetGroup({
    werkgebiedId: werkgebied.review,
    name: 'Matrix: doelgroep',
    rows: [
      { row: 2, postcode: '9999', members: 12, geometry: polygonAround(...(pointIn('review', 2).coordinates as [number, number]), 0.001) },
    ],
  });
  expect(targetGroup.written, "the members file is placed on the fixture's residents").toBe(true);
  // A footway past the published place: its network, walking distances and cells' access.
  const [placeLon, placeLat] = pointIn('review', 2).coordinates as [number, number];
  await as('administrator').importWalkNetwork({
    source: 'matrix-paden',
    attribution: 'Matrix',
    dryRun: false,
    rows: [
      {
        row: 1,
        line: [
          [placeLon - 0.001, placeLat],
          [placeLon, placeLat],
        ],
      },
      {
        row: 2,
        line: [
          [placeLon, placeLat],
          [placeLon + 0.001, placeLat],
        ],
      },
    ],
  });
  const nodes = await database.connection.query<{ node: number }>('select min(node_id)::int as node from internal.walk_nodes');
  return {
    werkgebied,
    publishedPlace: published.id,
    waitingPlace: waiting.id,
    cell: cells.rows[0]!.cell_id,
    node: nodes.rows[0]!.node,
    session: session.id,
    snapshot: snapshot.id,
    targetGroup: targetGroup.id!,
  };
}

describe.skipIf(skip)('role × table × operation on PostgreSQL 15 (each case rolled back)', () => {
  let database: TestDatabase;
  let fixture: Fixture;

  beforeAll(async () => {
    database = await openDatabase();
    fixture = await makeMatrixFixture(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  it.each(matrix)('$actor: $operation on $table → $expected', async ({ actor, operation, expected, definition }) => {
    const { table, key } = definition;
    let everyKey: string[] = [];
    const statement = {
      select: `select ${key} as key from ${table}`,
      insert: `with done as (${definition.insert(fixture)} returning 1) select count(*)::int as n from done`,
      update: `with done as (update ${table} set ${definition.set} where ${definition.target} returning 1) select count(*)::int as n from done`,
      delete: `with done as (delete from ${table} where ${definition.target} returning 1) select count(*)::int as n from done`,
    }[operation];
    const attempt = rolledBackAs(
      database.connection,
      claimsOf(actor),
      async (tx) => (await tx.query<{ key?: string; n?: number }>(statement)).rows,
      async (owner) => {
        // The row an update or delete aims at, put in beneath the rules (no triggers): PL/pgSQL keeps a
        // trigger's prepared expressions, execute checks included, for the rest of the transaction, so a
        // trigger fired here as the owner would pass the role's statement unchecked.
        if (operation === 'update' || operation === 'delete') {
          await owner.exec(
            `set local session_replication_role = replica; ${definition.insert(fixture)}; set local session_replication_role = origin`,
          );
        }
        if (operation === 'select')
          everyKey = (await owner.query<{ key: string }>(`select ${key} as key from ${table}`)).rows.map((row) => row.key);
      },
    );

    if (expected === 'denied') {
      const relation = table.split('.')[1];
      await expect(attempt).rejects.toMatchObject({ code: '42501', message: `permission denied for table ${relation}` });
      return;
    }
    const rows = await attempt;
    if (operation === 'select') {
      expect(sorted(rows.map((row) => row.key as string))).toEqual(sorted(expected === 'all' ? everyKey : (expected as string[])));
      if (expected === 'all') expect(everyKey.length, `${table} has rows to see`).toBeGreaterThan(0);
    } else {
      expect(rows).toEqual([{ n: expected }]);
    }
  });

  // Who wrote a row is never readable by an API role: it would link all of one resident's places and stories.
  it.each(actors.flatMap((actor) => ['public.assets', 'public.stories', 'public.photos'].map((table) => ({ actor, table }))))(
    '$actor: select created_by from $table → refused unless service role',
    async ({ actor, table }) => {
      const attempt = rolledBackAs(
        database.connection,
        claimsOf(actor),
        async (tx) => (await tx.query(`select created_by from ${table}`)).rows,
      );
      if (actor === 'serviceRole') {
        expect((await attempt).length).toBeGreaterThan(0);
      } else {
        await expect(attempt).rejects.toMatchObject({ code: '42501', message: `permission denied for table ${table.split('.')[1]}` });
      }
    },
  );

  it('lets no function in internal be executed by anon beyond what the SQL and RLS it inlines needs', async () => {
    // Exactly the `grant execute … to anon` on internal functions in supabase/schemas/.
    const allowedForAnon = [
      'internal.asset_feature(assets,jsonb)',
      'internal.asset_visible(asset_status,uuid,uuid)',
      'internal.cell_distance(extensions.geometry,extensions.geometry)',
      'internal.cell_distances(text,jsonb,boolean,extensions.geometry)',
      'internal.coverage_max_distance()',
      'internal.feature_collection(jsonb)',
      'internal.has_role(uuid,member_role[])',
      'internal.is_admin()',
      'internal.link_visible(uuid,uuid)',
      // The Storage bucket's select policy (14_photos.sql): anon reads a published photo's file.
      'internal.may_read_photo_file(text)',
      'internal.point(double precision,double precision)',
      'internal.require_candidates(jsonb)',
      'internal.require_distance(double precision)',
      'internal.story_json(stories)',
      // coverage_cells on foot (15_walking.sql): the definition of a walking distance, and the search it asks.
      'internal.walk_access_radius()',
      'internal.walk_detour_factor()',
      'internal.walk_distance(double precision,double precision,double precision)',
      'internal.walk_search_question(text[],jsonb,boolean)',
      'internal.werkgebied_area_rd(uuid)',
    ];
    const { rows } = await database.connection.query<{ signature: string }>(
      `select p.oid::regprocedure::text as signature from pg_proc p
       where p.pronamespace = 'internal'::regnamespace and has_function_privilege('anon', p.oid, 'execute')
       order by 1`,
    );
    expect(rows.map((row) => row.signature)).toEqual(allowedForAnon);
  });

  it('sets search_path on every SECURITY DEFINER function, to schemas no API role may create objects in', async () => {
    const { rows } = await database.connection.query<{ signature: string; search_path: string | null; writable: string[] }>(
      `select p.oid::regprocedure::text as signature,
              (select substr(setting, length('search_path=') + 1) from unnest(p.proconfig) setting
               where setting like 'search_path=%') as search_path,
              array(select n.nspname || ' by ' || r.role
                    from pg_namespace n cross join (values ('anon'), ('authenticated'), ('service_role')) r(role)
                    where has_schema_privilege(r.role, n.oid, 'create')) as writable
       from pg_proc p
       where p.pronamespace in ('public'::regnamespace, 'internal'::regnamespace) and p.prosecdef
       order by 1`,
    );
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((row) => row.search_path === null).map((row) => row.signature)).toEqual([]);
    const writableSchemas = new Set(rows[0]!.writable.map((entry) => entry.split(' by ')[0]));
    const onWritablePath = rows.filter((row) =>
      (row.search_path ?? '')
        .split(',')
        .map((schema) => schema.trim().replace(/^"(.*)"$/, '$1'))
        .some((schema) => writableSchemas.has(schema)),
    );
    expect(onWritablePath.map((row) => `${row.signature}: ${row.search_path}`)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// The grants as they end up: with the auth shim, and as Supabase provisions a project
// ---------------------------------------------------------------------------

/** Per API role and relation in public/internal: what it may do there (column lists where only some columns are granted). */
async function apiRolePrivileges(database: TestDatabase): Promise<Record<string, string[]>> {
  const { rows } = await database.connection.query<{ relation: string; role: string; privileges: string[] }>(
    `select c.oid::regclass::text as relation, r.role,
            array(
              select case when c.relkind = 'S' then p
                          when has_table_privilege(r.role, c.oid, p) then p
                          else p || '(' || (select string_agg(a.attname, ',' order by a.attname) from pg_attribute a
                                            where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                                              and has_column_privilege(r.role, c.oid, a.attnum, p)) || ')' end
              from unnest(case when c.relkind = 'S' then array['USAGE', 'SELECT', 'UPDATE']
                               else array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'] end) p
              where case when c.relkind = 'S' then has_sequence_privilege(r.role, c.oid, p)
                         when p in ('SELECT', 'INSERT', 'UPDATE', 'REFERENCES') then has_any_column_privilege(r.role, c.oid, p)
                         else has_table_privilege(r.role, c.oid, p) end
            ) as privileges
     from pg_class c cross join (values ('anon'), ('authenticated')) r(role)
     where c.relnamespace in ('public'::regnamespace, 'internal'::regnamespace) and c.relkind in ('r', 'v', 'm', 'S')
     order by 1, 2`,
  );
  return Object.fromEntries(rows.map((row) => [`${row.role} ${row.relation}`, row.privileges]));
}

/** What the schema grants anon and authenticated: reads only, created_by never. */
function intendedApiRolePrivileges(): Record<string, string[]> {
  const readableAssetColumns =
    'attribution,category,confirmed_at,created_at,description,dimensions,geom,id,kind,moderation_note,name,source,source_id,status,updated_at,version,werkgebied_id';
  const readableStoryColumns = 'asset_id,author_name,body,created_at,id,moderation_note,status,version';
  const byRelation: Record<string, (role: string) => string[]> = {
    area_population: () => ['SELECT'],
    areas: () => ['SELECT'],
    assets: () => [`SELECT(${readableAssetColumns})`],
    categories: () => ['SELECT'],
    changes: () => [],
    changes_id_seq: () => [],
    population_cells: () => ['SELECT'],
    population_weights: () => ['SELECT'],
    area_key_figures: () => ['SELECT'],
    population_weights_id_seq: () => [],
    reports: () => [],
    reports_id_seq: () => [],
    stories: () => [`SELECT(${readableStoryColumns})`],
    photos: () => [
      'SELECT(asset_id,byte_size,caption,created_at,height,id,mime_type,moderation_note,status,storage_path,uploaded_at,version,width)',
    ],
    werkgebied_members: (role) => (role === 'authenticated' ? ['SELECT'] : []),
    werkgebieden: () => ['SELECT'],
    'internal.cell_nearest': () => ['SELECT'],
    'internal.coverage_assets': () => [],
    'internal.bulk_adds': () => [],
    'internal.circle_locations': () => [],
    'internal.idempotency_keys': () => [],
    'internal.join_attempts': () => [],
    walk_networks: () => ['SELECT'],
    snapshots: (role) => (role === 'authenticated' ? ['SELECT'] : []),
    snapshot_buurten: (role) => (role === 'authenticated' ? ['SELECT'] : []),
    snapshot_coverage: (role) => (role === 'authenticated' ? ['SELECT'] : []),
    target_groups: (role) => (role === 'authenticated' ? ['SELECT'] : []),
    'internal.target_group_cells': () => [],
    'internal.walk_nodes': () => [],
    'internal.walk_nodes_node_id_seq': () => [],
    'internal.walk_edges': () => [],
    'internal.walk_reach': () => ['SELECT'],
    'internal.walk_cell_access': () => ['SELECT'],
    appreciations: () => [],
    asset_links: () => ['SELECT(created_at,from_asset,id,kind,to_asset)'],
    session_actions: (role) => (role === 'authenticated' ? ['SELECT(body,created_at,geom,id,session_id,taken_up_by,updated_at)'] : []),
    session_participants: (role) => (role === 'authenticated' ? ['SELECT'] : []),
    workshop_sessions: (role) =>
      role === 'authenticated'
        ? [
            'SELECT(created_at,gap_asset_target,gap_distance_m,gap_on_foot,gap_target,held_on,id,join_code,join_code_expires_at,join_locked,phase,publish_at_once,show_first_names,shown_area,title,werkgebied_id)',
          ]
        : [],
  };
  return Object.fromEntries(
    ['anon', 'authenticated'].flatMap((role) =>
      Object.entries(byRelation).map(([relation, privileges]) => [`${role} ${relation}`, privileges(role)]),
    ),
  );
}

describe.skipIf(skip)('grants of anon and authenticated on every table: reads only, never created_by', () => {
  it.each([
    { name: 'the migrated database with the auth shim', open: openDatabase },
    {
      name: 'a Supabase project (its default privileges on public: ALL to anon and authenticated), then the migrations',
      open: () => openSupabaseProvisionedDatabase(setup.postgresUrl as string),
    },
  ])('$name', async ({ open }) => {
    const database = await open();
    try {
      expect(await apiRolePrivileges(database)).toEqual(intendedApiRolePrivileges());
    } finally {
      await database.close();
    }
  });
});

// ---------------------------------------------------------------------------
// Role × API function: the functions that decide by role
// ---------------------------------------------------------------------------

describe.skipIf(skip)('role × API function on PostgreSQL 15', () => {
  let database: TestDatabase;
  let api: (actor: Actor) => WijkkrachtApi;
  let werkgebied: Record<WerkgebiedName, string>;
  let step = 0;
  /** Each call a place of its own, ~110 m from the last. */
  const newPlace = (name: string, where: WerkgebiedName | 'outside' = 'review', kind: AssetKind = 'place') => ({
    kind,
    category: 'ontmoetingsplek',
    name,
    geometry: pointIn(where, ++step),
  });
  /** A place by `author` in the review-first werkgebied, approved by its facilitator. */
  async function publishedPlaceOf(author: Person): Promise<{ id: string; version: number }> {
    const added = await api(author).addAsset(newPlace(`Van ${author}`));
    const approved = (await api('facilitator').moderate('asset', added.id, 'approve')) as AssetFeature;
    expect(approved.properties.status).toBe('published');
    return { id: added.id, version: approved.properties.version };
  }

  beforeAll(async () => {
    database = await openDatabase();
    api = apiOn(database);
    werkgebied = await castRoles(api);
  });
  afterAll(async () => {
    await database?.close();
  });

  it.each<[Actor, string]>([
    ['anon', '42501'],
    ['resident', 'pending'],
    ['keyPerson', 'pending'],
    ['planner', 'pending'],
    ['otherFacilitator', 'pending'],
    ['facilitator', 'published'],
    ['werkgebiedAdmin', 'published'],
    ['administrator', 'published'],
    ['serviceRole', 'published'],
  ])('add_asset in a review-first werkgebied by %s → %s', async (actor, expected) => {
    expect(await outcome(api(actor).addAsset(newPlace(`Nieuw van ${actor}`)))).toBe(expected);
  });

  const onSomeoneElsesPublishedPlace: [Actor, string][] = [
    ['anon', '42501'],
    ['resident', '42501'],
    ['keyPerson', '42501'],
    ['planner', '42501'],
    ['otherFacilitator', '42501'],
    ['otherPlanner', '42501'],
    ['facilitator', 'published'],
    ['werkgebiedAdmin', 'published'],
    ['administrator', 'published'],
    ['serviceRole', 'published'],
    ['otherResident', 'published'], // its author
  ];

  it.each(onSomeoneElsesPublishedPlace)("update_asset on another resident's published place by %s → %s", async (actor, expected) => {
    const place = await publishedPlaceOf('otherResident');
    expect(await outcome(api(actor).updateAsset(place.id, place.version, { name: `Anders door ${actor}` }))).toBe(expected);
  });

  it.each(
    onSomeoneElsesPublishedPlace.map(([actor, expected]): [Actor, string] => [actor, expected === 'published' ? 'archived' : expected]),
  )("archive_asset on another resident's published place by %s → %s", async (actor, expected) => {
    const place = await publishedPlaceOf('otherResident');
    expect(await outcome(api(actor).archiveAsset(place.id, place.version))).toBe(expected);
  });

  // A pending place is not there for whoever may not see it: not found rather than forbidden.
  it.each<[Actor, string]>([
    ['resident', 'WK404'],
    ['keyPerson', 'WK404'],
    ['otherFacilitator', 'WK404'],
    ['planner', '42501'],
    ['facilitator', 'pending'],
    ['otherResident', 'pending'],
  ])("update_asset on another resident's pending place by %s → %s", async (actor, expected) => {
    const place = await api('otherResident').addAsset(newPlace('Wacht op controle'));
    expect(await outcome(api(actor).updateAsset(place.id, 1, { description: `Door ${actor}` }))).toBe(expected);
  });

  it.each<[Actor, string]>([
    ['anon', '42501'],
    ['resident', '42501'], // its author
    ['otherResident', 'WK404'],
    ['keyPerson', 'WK404'],
    ['planner', '42501'],
    ['otherFacilitator', 'WK404'],
    ['otherPlanner', 'WK404'],
    ['facilitator', 'published'],
    ['werkgebiedAdmin', 'published'],
    ['administrator', 'published'],
    ['serviceRole', 'published'],
  ])('moderate (approve) a pending place by %s → %s', async (actor, expected) => {
    const place = await api('resident').addAsset(newPlace('Graag goedkeuren'));
    expect(await outcome(api(actor).moderate('asset', place.id, 'approve'))).toBe(expected);
  });

  describe('moderation_queue lists only the werkgebieden where the caller facilitates', () => {
    beforeAll(async () => {
      await api('resident').addAsset(newPlace('In de rij', 'review'));
      await api('otherResident').addAsset(newPlace('In de andere rij', 'other'));
      await api('resident').addAsset(newPlace('Buiten elk werkgebied', 'outside'));
    });
    const werkgebiedenListed = async (actor: Actor, only?: WerkgebiedName) => {
      const names = Object.fromEntries(Object.entries(werkgebied).map(([name, id]) => [id, name]));
      const items = await api(actor).moderationQueue(only ? werkgebied[only] : undefined);
      return [...new Set(items.map((item) => (item.werkgebied_id ? names[item.werkgebied_id] : 'none')))].sort();
    };

    it.each<[Actor, string[]]>([
      ['resident', []],
      ['otherResident', []],
      ['keyPerson', []],
      ['planner', []],
      ['otherPlanner', []],
      ['facilitator', ['review']],
      ['werkgebiedAdmin', ['review']],
      ['otherFacilitator', ['other']],
      ['administrator', ['none', 'other', 'review']],
      ['serviceRole', ['none', 'other', 'review']],
    ])('%s sees %j', async (actor, expected) => {
      expect(await werkgebiedenListed(actor)).toEqual(expected);
    });

    it('refuses anon, and lists nothing of another werkgebied when asked for it', async () => {
      expect(await outcome(api('anon').moderationQueue())).toBe('42501');
      expect(await werkgebiedenListed('facilitator', 'other')).toEqual([]);
    });
  });

  it.each<[Actor, string]>([
    ['anon', '42501'],
    ['resident', 'ok'], // its author
    ['otherResident', '42501'],
    ['keyPerson', '42501'],
    ['planner', '42501'],
    ['otherFacilitator', '42501'],
    ['facilitator', 'ok'],
    ['werkgebiedAdmin', 'ok'],
    ['administrator', 'ok'],
    ['serviceRole', 'ok'],
  ])("item_history of a resident's published place for %s → %s", async (actor, expected) => {
    const place = await publishedPlaceOf('resident');
    const history = api(actor).itemHistory('asset', place.id);
    expect(await outcome(history)).toBe(expected);
    if (expected === 'ok') expect((await history).map((entry) => entry.operation)).toEqual(['add', 'approve']);
  });

  const onlyAdmins: [Actor, string][] = [
    ['anon', '42501'],
    ['resident', '42501'],
    ['keyPerson', '42501'],
    ['facilitator', '42501'],
    ['planner', '42501'],
    ['otherFacilitator', '42501'],
  ];

  it.each<[Actor, string]>([...onlyAdmins, ['werkgebiedAdmin', 'ok'], ['administrator', 'ok'], ['serviceRole', 'ok']])(
    'set_member in the review werkgebied by %s → %s',
    async (actor, expected) => {
      const member = { werkgebiedId: werkgebied.review, userId: randomUUID(), role: 'planner' as const };
      expect(await outcome(api(actor).setMember(member))).toBe(expected);
    },
  );

  it("refuses a werkgebied's admin set_member in another werkgebied", async () => {
    expect(
      await outcome(api('werkgebiedAdmin').setMember({ werkgebiedId: werkgebied.other, userId: people.werkgebiedAdmin, role: 'admin' })),
    ).toBe('42501');
  });

  describe('create_werkgebied: administrators only', () => {
    beforeAll(async () => {
      await api('administrator').importAreas({
        source: 'rollen',
        attribution: null,
        rows: [
          {
            row: 1,
            code: 'ROLE-NIEUW',
            name: 'Nieuw gebied',
            level: 'other',
            geometry: polygonAround(6.05, 53.05, 0.05),
          },
        ],
      });
    });

    it.each<[Actor, string]>([...onlyAdmins, ['werkgebiedAdmin', '42501'], ['administrator', 'ok'], ['serviceRole', 'ok']])(
      'by %s → %s',
      async (actor, expected) => {
        expect(await outcome(api(actor).createWerkgebied({ name: `Nieuw door ${actor}`, areaCodes: ['ROLE-NIEUW'] }))).toBe(expected);
      },
    );
  });

  describe('import_assets: facilitators inside their own werkgebied', () => {
    const row = (n: number, where: WerkgebiedName | 'outside') => ({ row: n, ...newPlace(`Geïmporteerd ${n} in ${where}`, where) });

    it.each<[Actor, string]>([
      ['anon', '42501'],
      ['resident', '42501'],
      ['keyPerson', '42501'],
      ['planner', '42501'],
      ['otherPlanner', '42501'],
      ['otherFacilitator', 'WKIMP'],
      ['facilitator', 'ok'],
      ['werkgebiedAdmin', 'ok'],
      ['administrator', 'ok'],
      ['serviceRole', 'ok'],
    ])('a row in the review werkgebied by %s → %s', async (actor, expected) => {
      expect(await outcome(api(actor).importAssets({ source: 'rollen', attribution: null, rows: [row(1, 'review')] }))).toBe(expected);
    });

    it('refuses each row outside the facilitator’s werkgebied with 42501, and then the whole import', async () => {
      const error = await api('facilitator')
        .importAssets({ source: 'rollen', attribution: null, rows: [row(1, 'review'), row(2, 'other'), row(3, 'outside')] })
        .then(
          () => null,
          (refused: ApiError) => refused,
        );
      expect(error?.code).toBe('WKIMP');
      expect(refusedRowsOf(error!).map((refused) => [refused.row, refused.code])).toEqual([
        [2, '42501'],
        [3, '42501'],
      ]);
    });

    it('lets an administrator import outside any werkgebied', async () => {
      expect(await api('administrator').importAssets({ source: 'rollen', attribution: null, rows: [row(1, 'outside')] })).toMatchObject({
        added: 1,
      });
    });
  });

  it.each<[Actor, WerkgebiedName | 'outside', string]>([
    ['resident', 'review', '42501'],
    ['planner', 'review', '42501'],
    ['otherFacilitator', 'review', '42501'],
    ['keyPerson', 'other', '42501'],
    ['keyPerson', 'outside', '42501'],
    ['keyPerson', 'review', 'pending'],
    ['facilitator', 'review', 'published'],
    ['administrator', 'outside', 'published'],
  ])('add_asset kind group (a circle) by %s in %s → %s', async (actor, where, expected) => {
    expect(await outcome(api(actor).addAsset(newPlace(`Kring van ${actor}`, where, 'group')))).toBe(expected);
  });

  describe("a resident's pending place: seen by its author and the werkgebied's reviewers only", () => {
    let pending: string;
    beforeAll(async () => {
      pending = (await api('resident').addAsset(newPlace('Nog niet op de kaart'))).id;
    });

    it.each<[Actor, boolean]>([
      ['anon', false],
      ['resident', true],
      ['otherResident', false],
      ['keyPerson', false],
      ['planner', true],
      ['otherPlanner', false],
      ['facilitator', true],
      ['otherFacilitator', false],
      ['werkgebiedAdmin', true],
      ['administrator', true],
      ['serviceRole', true],
    ])('%s sees it: %s (get_asset and a direct select)', async (actor, visible) => {
      expect(await outcome(api(actor).getAsset(pending))).toBe(visible ? 'ok' : 'WK404');
      const rows = await rolledBackAs(
        database.connection,
        claimsOf(actor),
        async (tx) => (await tx.query('select id from public.assets where id = $1', [pending])).rows,
      );
      expect(rows).toHaveLength(visible ? 1 : 0);
    });
  });
});
