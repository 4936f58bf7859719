import type {
  CandidatePoint,
  ConnectionKind,
  CoverageTarget,
  AreaLevel,
  AssetChanges,
  BoundingBox,
  ItemType,
  MemberRole,
  ModerationDecision,
  NewAsset,
  NewStory,
  NewPhoto,
} from '../domain/types';
import type {
  AreaPopulationRow,
  BuurtCoverage,
  CoverageCells,
  CoverageCurvePoint,
  CoverageFigures,
  GapCellCollection,
  PopulationCellRow,
  PopulationSummary,
  AreasWithPopulationRow,
  PopulationWeightRow,
  KeyFiguresByArea,
  WalkLineRow,
  WalkNetworkSummary,
  Snapshot,
  SnapshotComparison,
  SnapshotTrendPoint,
  TargetGroup,
  TargetGroupCoverage,
  TargetGroupImportReport,
  TargetGroupRow,
  AreaCollection,
  AreaImportRow,
  AssetImportRow,
  ExportedStory,
  ImportReport,
  AssetCollection,
  AssetsInView,
  AssetFeature,
  AssetWithStories,
  Category,
  HistoryEntry,
  Member,
  ModerationItem,
  MyRoles,
  ReportResult,
  Story,
  Werkgebied,
  WithdrawnCircle,
  AssetLink,
  RemovedLink,
  ExportedLink,
  Photo,
} from './wireTypes';
import { toApiError } from './apiError';
import { typedRpcCall, type RpcCall, type RpcTransport, type SqlArguments } from './rpcCall';
import { sessionMethods, type SessionApi } from './sessionApi';

/**
 * The seam: every read and write the UI makes goes through this interface.
 * Each method is one SQL function (supabase/schemas/); both backends
 * (embedded PGlite and Supabase) only differ in how they deliver the call.
 */
export interface WijkkrachtApi extends SessionApi {
  listCategories(): Promise<Category[]>;
  assetsInBbox(bbox: BoundingBox, options?: { category?: string; limit?: number }): Promise<AssetsInView>;
  assetsWithin(lon: number, lat: number, meters: number, category?: string): Promise<AssetCollection>;
  /** The places within a walk of `meters` (at most 2 000) along the footway network, nearest first. */
  assetsOnFoot(lon: number, lat: number, meters: number, category?: string): Promise<AssetCollection>;
  nearestAssets(lon: number, lat: number, k?: number, category?: string): Promise<AssetCollection>;
  getAsset(id: string): Promise<AssetWithStories>;
  addAsset(asset: NewAsset): Promise<AssetFeature>;
  updateAsset(id: string, expectedVersion: number, changes: AssetChanges): Promise<AssetFeature>;
  archiveAsset(id: string, expectedVersion: number): Promise<AssetFeature>;
  /** A circle's key person (or a facilitator) withdraws consent: the circle and its stories go. */
  withdrawCircle(id: string): Promise<WithdrawnCircle>;
  /** Connects two places; who may change one of them may. */
  linkAssets(fromId: string, toId: string, kind: ConnectionKind): Promise<AssetLink>;
  unlinkAssets(linkId: string): Promise<RemovedLink>;
  exportLinks(): Promise<ExportedLink[]>;
  /** "Bestaat nog" confirms a place; "bestaat niet meer" reports it, with an optional reason. */
  confirmAsset(id: string, stillExists: true): Promise<AssetFeature>;
  confirmAsset(id: string, stillExists: false, reason?: string): Promise<ReportResult>;
  addStory(story: NewStory): Promise<Story>;
  /** All rows land or none; a dry run reports what would happen and writes nothing. */
  importAssets(batch: ImportBatch<AssetImportRow>): Promise<ImportReport>;
  importAreas(batch: ImportBatch<AreaImportRow>): Promise<ImportReport>;
  listAreas(level?: AreaLevel): Promise<AreaCollection>;
  exportAssets(): Promise<AssetCollection>;
  exportStories(): Promise<ExportedStory[]>;
  listAttributions(): Promise<string[]>;
  /** Area counts spread over estimated 100 m cells; the CBS 100 m grid as it is. */
  importAreaPopulation(batch: ImportBatch<AreaPopulationRow>): Promise<ImportReport>;
  importPopulationCells(batch: ImportBatch<PopulationCellRow>): Promise<ImportReport>;
  /** A wijk/buurt file with key figures: the areas and their residents, all or nothing. */
  importAreasWithPopulation(batch: ImportBatch<AreasWithPopulationRow>): Promise<ImportReport>;
  populationSummary(): Promise<PopulationSummary>;
  /** CBS key figures per wijk or buurt (and the density SQL works out), for the map's choropleth. */
  keyFiguresByArea(): Promise<KeyFiguresByArea>;
  /** Dwellings, buildings or addresses that residents are spread by (dasymetric); every area is spread again. */
  importPopulationWeights(batch: ImportBatch<PopulationWeightRow>): Promise<ImportReport>;
  /** Coverage within a distance (metres, straight line), for everyone or one buurt; candidates are "what if" points. */
  coverage(query: CoverageQuery & { buurtCode?: string | null }): Promise<CoverageFigures>;
  coverageByBuurt(query: CoverageQuery): Promise<BuurtCoverage[]>;
  gapCells(query: CoverageQuery): Promise<GapCellCollection>;
  coverageCurve(query: Omit<CoverageQuery, 'distance'> & { step?: number }): Promise<CoverageCurvePoint[]>;
  /**
   * Every cell with its people and its distance per target (at most 8), once per
   * question: the planner answers any distance from it (src/coverage/cellCoverage.ts).
   * Candidates count for the first target only (`with_candidates`).
   */
  coverageCells(
    query: Omit<CoverageQuery, 'distance' | 'target'> & { targets: CoverageTarget[]; onFoot?: boolean },
  ): Promise<CoverageCells>;
  /** A footway network (lines between where they meet); the walking distances are found again. */
  importWalkNetwork(batch: ImportBatch<WalkLineRow>): Promise<ImportReport>;
  walkNetworkSummary(): Promise<WalkNetworkSummary>;

  /** Snapshots of a werkgebied over time: its planners and facilitators take and read them. */
  takeSnapshot(werkgebiedId: string, note?: string | null): Promise<Snapshot>;
  /** This month's snapshot, taken if missing; null when it was there. */
  keepMonthlySnapshot(werkgebiedId: string): Promise<Snapshot | null>;
  listSnapshots(werkgebiedId: string): Promise<Snapshot[]>;
  snapshotTrend(query: { werkgebiedId: string; target: CoverageTarget; onFoot: boolean }): Promise<SnapshotTrendPoint[]>;
  compareSnapshots(query: { first: string; second: string; target: CoverageTarget; onFoot: boolean }): Promise<SnapshotComparison>;
  /** Only one taken by hand; the monthly ones stay. */
  deleteSnapshot(id: string): Promise<{ id: string }>;

  /** A programme's own people per postcode area, private to the werkgebied's planners and facilitators. */
  importTargetGroup(batch: {
    werkgebiedId: string;
    name: string;
    rows: TargetGroupRow[];
    dryRun?: boolean;
  }): Promise<TargetGroupImportReport>;
  listTargetGroups(werkgebiedId: string): Promise<TargetGroup[]>;
  deleteTargetGroup(id: string): Promise<{ id: string }>;
  /** Rounded to 5, nothing below 5: per 50 m step, for the werkgebied and per buurt. */
  targetGroupCoverage(query: { groupId: string; target: CoverageTarget; onFoot: boolean }): Promise<TargetGroupCoverage>;

  /** Werkgebieden: everyone reads them; administrators make them, a werkgebied's admins manage its people. */
  listWerkgebieden(): Promise<Werkgebied[]>;
  myRoles(): Promise<MyRoles>;
  createWerkgebied(werkgebied: NewWerkgebied): Promise<Werkgebied>;
  updateWerkgebied(
    id: string,
    settings: { reviewFirst?: boolean; reportThreshold?: number; staleAfterMonths?: number },
  ): Promise<Werkgebied>;
  setMember(member: { werkgebiedId: string; userId: string; role: MemberRole; displayName?: string }): Promise<Member>;
  removeMember(werkgebiedId: string, userId: string, role: MemberRole): Promise<boolean>;
  listMembers(werkgebiedId: string): Promise<Member[]>;

  /** Moderation: facilitators decide; anyone signed in may report a published item. */
  moderationQueue(werkgebiedId?: string): Promise<ModerationItem[]>;
  moderate(itemType: ItemType, id: string, decision: ModerationDecision, reason?: string): Promise<AssetFeature | Story | Photo>;
  reportItem(itemType: ItemType, id: string, reason: string): Promise<ReportResult>;

  /** History, for an item's author and the werkgebied's facilitators; an undo is a change of its own. */
  itemHistory(itemType: ItemType, id: string): Promise<HistoryEntry[]>;
  undoChange(changeId: number): Promise<AssetFeature | Story | Photo>;
  restoreAsset(id: string): Promise<AssetFeature>;

  /**
   * A photo's row (14_photos.sql). With `data` the database keeps the file
   * (embedded); without, the answer's storage_path says where in Supabase
   * Storage it goes, and photoUploaded shows it once it is there. The UI uses
   * the backend's PhotoStore, which does the right one.
   */
  addPhotoRow(photo: Omit<NewPhoto, 'file'> & { byteSize: number; data?: Uint8Array }): Promise<Photo>;
  photoUploaded(id: string): Promise<Photo>;
  /** The file of a photo the database keeps (embedded). */
  photoData(id: string): Promise<Uint8Array>;
  /** Off its place (its author or a facilitator); undone through its history. */
  removePhoto(id: string): Promise<Photo>;
}

interface NewWerkgebied {
  name: string;
  /** Codes of imported areas (buurten, wijken, a gemeente) it is made of. */
  areaCodes: string[];
  /** Default true: residents' contributions wait for a facilitator. */
  reviewFirst?: boolean;
  reportThreshold?: number;
}

export interface CoverageQuery {
  target: CoverageTarget;
  distance: number;
  candidates?: CandidatePoint[];
  /** Only the cells of this werkgebied; absent: all cells. */
  werkgebiedId?: string | null;
  /** Leave out the places not confirmed for their werkgebied's months (possibly gone). */
  withoutStale?: boolean;
}

interface ImportBatch<Row> {
  /** Who the rows came from, e.g. 'osm' or a file name; re-imports match on (source, source_id). */
  source: string;
  attribution: string | null;
  rows: Row[];
  dryRun?: boolean;
  /** Only rows that touch the area with this code (assets only). */
  withinArea?: string | null;
}

/** The named arguments every import function takes. */
function importArguments<Row>(batch: ImportBatch<Row>): SqlArguments<'import_areas'> {
  return { p_source: batch.source, p_attribution: batch.attribution, p_rows: batch.rows, p_dry_run: batch.dryRun ?? false };
}

/** Maps the typed methods onto the SQL functions' names and named arguments. */
export function createApi(transport: RpcTransport): WijkkrachtApi {
  const typed = typedRpcCall(transport);
  // Both backends' failures reach the UI as one ApiError shape.
  const call: RpcCall = async (functionName, args) => {
    try {
      return await typed(functionName, args);
    } catch (error) {
      throw toApiError(error);
    }
  };
  return {
    listCategories: () => call('list_categories', {}),
    assetsInBbox: (bbox, options = {}) =>
      call('assets_in_bbox', {
        p_west: bbox.west,
        p_south: bbox.south,
        p_east: bbox.east,
        p_north: bbox.north,
        p_category: options.category ?? null,
        p_limit: options.limit ?? 5000,
      }),
    assetsWithin: (lon, lat, meters, category) =>
      call('assets_within', { p_lon: lon, p_lat: lat, p_meters: meters, p_category: category ?? null }),
    assetsOnFoot: (lon, lat, meters, category) =>
      call('assets_on_foot', { p_lon: lon, p_lat: lat, p_meters: meters, p_category: category ?? null }),
    nearestAssets: (lon, lat, k = 5, category) => call('nearest_assets', { p_lon: lon, p_lat: lat, p_k: k, p_category: category ?? null }),
    getAsset: (id) => call('get_asset', { p_id: id }),
    addAsset: (asset) =>
      call('add_asset', {
        p_kind: asset.kind,
        p_category: asset.category,
        p_name: asset.name,
        p_geometry: asset.geometry,
        p_description: asset.description ?? '',
        p_dimensions: asset.dimensions ?? [],
        p_story: asset.story ?? null,
        p_author_name: asset.authorName ?? null,
        p_idempotency_key: asset.idempotencyKey ?? null,
        p_session_id: asset.sessionId ?? null,
        p_circle_consent: asset.circleConsent ?? false,
      }),
    updateAsset: (id, expectedVersion, changes) =>
      call('update_asset', {
        p_id: id,
        p_expected_version: expectedVersion,
        p_name: changes.name ?? null,
        p_description: changes.description ?? null,
        p_category: changes.category ?? null,
        p_dimensions: changes.dimensions ?? null,
        p_geometry: changes.geometry ?? null,
      }),
    archiveAsset: (id, expectedVersion) => call('archive_asset', { p_id: id, p_expected_version: expectedVersion }),
    withdrawCircle: (id) => call('withdraw_circle', { p_id: id }),
    linkAssets: (fromId, toId, kind) => call('link_assets', { p_from: fromId, p_to: toId, p_kind: kind }),
    unlinkAssets: (linkId) => call('unlink_assets', { p_link: linkId }),
    exportLinks: () => call('export_links', {}),
    confirmAsset: ((id: string, stillExists: boolean, reason?: string) =>
      call('confirm_asset', { p_id: id, p_still_exists: stillExists, p_reason: reason ?? null })) as WijkkrachtApi['confirmAsset'],
    addStory: (story) =>
      call('add_story', {
        p_asset_id: story.assetId,
        p_body: story.body,
        p_author_name: story.authorName ?? null,
        p_idempotency_key: story.idempotencyKey ?? null,
      }),
    importAssets: (batch) => call('import_assets', { ...importArguments(batch), p_within_area: batch.withinArea ?? null }),
    importAreas: (batch) => call('import_areas', importArguments(batch)),
    listAreas: (level) => call('list_areas', { p_level: level ?? null }),
    exportAssets: () => call('export_assets', {}),
    exportStories: () => call('export_stories', {}),
    listAttributions: () => call('list_attributions', {}),
    importAreaPopulation: (batch) => call('import_area_population', importArguments(batch)),
    importPopulationCells: (batch) => call('import_population_cells', importArguments(batch)),
    importAreasWithPopulation: (batch) => call('import_areas_with_population', importArguments(batch)),
    populationSummary: () => call('population_summary', {}),
    keyFiguresByArea: () => call('key_figures_by_area', {}),
    importPopulationWeights: (batch) => call('import_population_weights', importArguments(batch)),
    coverage: (query) =>
      call('coverage', {
        p_target: query.target,
        p_distance: query.distance,
        p_buurt_code: query.buurtCode ?? null,
        p_candidates: query.candidates ?? [],
        p_werkgebied: query.werkgebiedId ?? null,
        p_without_stale: query.withoutStale ?? false,
      }),
    coverageByBuurt: (query) =>
      call('coverage_by_buurt', {
        p_target: query.target,
        p_distance: query.distance,
        p_candidates: query.candidates ?? [],
        p_werkgebied: query.werkgebiedId ?? null,
        p_without_stale: query.withoutStale ?? false,
      }),
    gapCells: (query) =>
      call('gap_cells', {
        p_target: query.target,
        p_distance: query.distance,
        p_candidates: query.candidates ?? [],
        p_werkgebied: query.werkgebiedId ?? null,
        p_without_stale: query.withoutStale ?? false,
      }),
    coverageCurve: (query) =>
      call('coverage_curve', {
        p_target: query.target,
        p_step: query.step ?? 50,
        p_candidates: query.candidates ?? [],
        p_werkgebied: query.werkgebiedId ?? null,
        p_without_stale: query.withoutStale ?? false,
      }),
    coverageCells: (query) =>
      call('coverage_cells', {
        p_targets: query.targets,
        p_candidates: query.candidates ?? [],
        p_werkgebied: query.werkgebiedId ?? null,
        p_without_stale: query.withoutStale ?? false,
        p_on_foot: query.onFoot ?? false,
      }),
    importWalkNetwork: (batch) => call('import_walk_network', importArguments(batch)),
    walkNetworkSummary: () => call('walk_network_summary', {}),
    takeSnapshot: (werkgebiedId, note) => call('take_snapshot', { p_werkgebied: werkgebiedId, p_note: note ?? null }),
    keepMonthlySnapshot: (werkgebiedId) => call('keep_monthly_snapshot', { p_werkgebied: werkgebiedId }),
    listSnapshots: (werkgebiedId) => call('list_snapshots', { p_werkgebied: werkgebiedId }),
    snapshotTrend: (query) => call('snapshot_trend', { p_werkgebied: query.werkgebiedId, p_target: query.target, p_on_foot: query.onFoot }),
    compareSnapshots: (query) =>
      call('compare_snapshots', { p_first: query.first, p_second: query.second, p_target: query.target, p_on_foot: query.onFoot }),
    deleteSnapshot: (id) => call('delete_snapshot', { p_id: id }),
    importTargetGroup: (batch) =>
      call('import_target_group', {
        p_werkgebied: batch.werkgebiedId,
        p_name: batch.name,
        p_rows: batch.rows,
        p_dry_run: batch.dryRun ?? false,
      }),
    listTargetGroups: (werkgebiedId) => call('list_target_groups', { p_werkgebied: werkgebiedId }),
    deleteTargetGroup: (id) => call('delete_target_group', { p_id: id }),
    targetGroupCoverage: (query) =>
      call('target_group_coverage', { p_group: query.groupId, p_target: query.target, p_on_foot: query.onFoot }),
    listWerkgebieden: () => call('list_werkgebieden', {}),
    myRoles: () => call('my_roles', {}),
    createWerkgebied: (werkgebied) =>
      call('create_werkgebied', {
        p_name: werkgebied.name,
        p_area_codes: werkgebied.areaCodes,
        p_review_first: werkgebied.reviewFirst,
        p_report_threshold: werkgebied.reportThreshold,
      }),
    updateWerkgebied: (id, settings) =>
      call('update_werkgebied', {
        p_id: id,
        p_review_first: settings.reviewFirst,
        p_report_threshold: settings.reportThreshold,
        p_stale_after_months: settings.staleAfterMonths,
      }),
    setMember: (member) =>
      call('set_member', {
        p_werkgebied: member.werkgebiedId,
        p_user: member.userId,
        p_role: member.role,
        p_display_name: member.displayName ?? null,
      }),
    removeMember: (werkgebiedId, userId, role) => call('remove_member', { p_werkgebied: werkgebiedId, p_user: userId, p_role: role }),
    listMembers: (werkgebiedId) => call('list_members', { p_werkgebied: werkgebiedId }),
    moderationQueue: (werkgebiedId) => call('moderation_queue', { p_werkgebied: werkgebiedId ?? null }),
    moderate: (itemType, id, decision, reason) =>
      call('moderate', { p_item_type: itemType, p_id: id, p_decision: decision, p_reason: reason ?? null }),
    reportItem: (itemType, id, reason) => call('report_item', { p_item_type: itemType, p_id: id, p_reason: reason }),
    itemHistory: (itemType, id) => call('item_history', { p_item_type: itemType, p_id: id }),
    undoChange: (changeId) => call('undo_change', { p_change_id: changeId }),
    restoreAsset: (id) => call('restore_asset', { p_id: id }),
    addPhotoRow: (photo) =>
      call('add_photo', {
        p_asset_id: photo.assetId,
        p_mime_type: photo.mimeType,
        p_byte_size: photo.byteSize,
        p_width: photo.width,
        p_height: photo.height,
        p_caption: photo.caption ?? null,
        p_data: photo.data ?? null,
        p_idempotency_key: photo.idempotencyKey ?? null,
      }),
    photoUploaded: (id) => call('photo_uploaded', { p_id: id }),
    photoData: (id) => call('photo_data', { p_id: id }),
    removePhoto: (id) => call('remove_photo', { p_id: id }),
    ...sessionMethods(call),
  };
}
