/**
 * CBS key figures per wijk or buurt (kerncijfers wijken en buurten), as the map
 * colours areas by them. SQL keeps them (supabase/schemas/18_key_figures.sql,
 * whose internal.key_figure_names() lists the same stored names; a test checks
 * they agree) and works out the population density itself.
 */
export const storedKeyFigures = [
  'population',
  'share_0_14',
  'share_15_24',
  'share_25_44',
  'share_45_64',
  'share_65plus',
  'dwellings',
  'dwelling_value',
  'owner_occupied',
  'employment_rate',
  'income_low',
  'income_high',
  'higher_education',
  'urbanity',
] as const;

export type StoredKeyFigure = (typeof storedKeyFigures)[number];
export type KeyFigure = StoredKeyFigure | 'population_density';

/** How a figure is written: a count, a percentage, euros (CBS gives the WOZ value in thousands), per km², or CBS's class 1–5. */
export type KeyFigureUnit = 'count' | 'percent' | 'thousand_euro' | 'per_km2' | 'urbanity_class';

/** In the order the map's picker offers them: people first, then homes, then work and income. */
export const keyFigureUnits: Record<KeyFigure, KeyFigureUnit> = {
  population: 'count',
  population_density: 'per_km2',
  share_0_14: 'percent',
  share_15_24: 'percent',
  share_25_44: 'percent',
  share_45_64: 'percent',
  share_65plus: 'percent',
  dwellings: 'count',
  dwelling_value: 'thousand_euro',
  owner_occupied: 'percent',
  employment_rate: 'percent',
  income_low: 'percent',
  income_high: 'percent',
  higher_education: 'percent',
  urbanity: 'urbanity_class',
};

export const keyFiguresInOrder = Object.keys(keyFigureUnits) as KeyFigure[];

/**
 * Where CBS's files call a figure (lower case): the names of the R package
 * tmap's NLD_dist (as in ../shared/data's cbs_wijken_*_kwb files), and CBS's
 * own where they are known. The first found counts.
 */
const keyFigureFields: Record<StoredKeyFigure, string[]> = {
  population: ['population', 'aantal_inwoners'],
  share_0_14: ['pop_0_14', 'percentage_personen_0_tot_15_jaar'],
  share_15_24: ['pop_15_24', 'percentage_personen_15_tot_25_jaar'],
  share_25_44: ['pop_25_44', 'percentage_personen_25_tot_45_jaar'],
  share_45_64: ['pop_45_64', 'percentage_personen_45_tot_65_jaar'],
  share_65plus: ['pop_65plus', 'percentage_personen_65_jaar_en_ouder'],
  dwellings: ['dwelling_total', 'woningvoorraad'],
  dwelling_value: ['dwelling_value', 'gemiddelde_woningwaarde'],
  owner_occupied: ['dwelling_ownership', 'percentage_koopwoningen'],
  employment_rate: ['employment_rate', 'nettoarbeidsparticipatie'],
  income_low: ['income_low'],
  income_high: ['income_high'],
  higher_education: ['edu_appl_sci'],
  urbanity: ['urbanity', 'mate_van_stedelijkheid'],
};

/** tmap writes CBS's degree of urbanity as words; CBS as 1 (very strongly urban) … 5 (not urban). */
const urbanityWords = ['extremely urbanised', 'strongly urbanised', 'moderately urbanised', 'hardly urbanised', 'not urbanised'];

/**
 * A file's key figures from its (lower-cased) properties: a number each, null
 * for CBS's secret or missing codes (negative numbers) and for what is not a
 * number; figures the file does not have are left out.
 */
export function readKeyFigures(fields: Record<string, unknown>): Partial<Record<StoredKeyFigure, number | null>> {
  const figures: Partial<Record<StoredKeyFigure, number | null>> = {};
  for (const figure of storedKeyFigures) {
    const field = keyFigureFields[figure].find((name) => name in fields);
    if (field === undefined) continue;
    const value = fields[field];
    if (figure === 'urbanity' && typeof value === 'string' && urbanityWords.includes(value.trim().toLowerCase())) {
      figures[figure] = urbanityWords.indexOf(value.trim().toLowerCase()) + 1;
      continue;
    }
    const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    figures[figure] = Number.isFinite(number) && number >= 0 && number < 1e12 ? number : null;
  }
  return figures;
}
