/** What one import may hold. Larger sets go in parts, or through the CLI in several files. */
export const importLimits = {
  /** Bytes of one file, after unzipping. */
  maxFileBytes: 50 * 1024 * 1024,
  /** Rows (features, CSV lines) of one import; the SQL functions refuse more too. */
  maxAssetRows: 50_000,
  maxAreaRows: 20_000,
  /** Cells of the CBS 100 m grid: a province; the whole country (~400 000 inhabited cells) goes in parts. */
  maxPopulationCells: 200_000,
  /** Vertices of one geometry: more is a detailed boundary, not a place. */
  maxVertices: 20_000,
  maxNameLength: 200,
  maxDescriptionLength: 5000,
} as const;

/**
 * The Netherlands with a margin (incl. the Wadden islands and border towns), in
 * WGS84: west, south, east, north. Rows outside it are asked about, not refused.
 */
export const netherlandsExtent = [3.2, 50.7, 7.3, 53.7] as const;
