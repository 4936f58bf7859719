import type { HealthDimension } from '../domain/types';

/**
 * Which OpenStreetMap objects become Wijkkracht assets, and as what.
 *
 * How to read the table:
 * - A rule matches an object when the object has every tag the rule names. A
 *   rule value '*' accepts any value; a list accepts any value in the list.
 * - Rules are tried from top to bottom and the FIRST rule that matches decides.
 *   So put a more specific rule (two tags) above the general one (one tag), and
 *   exclusions above everything they must override.
 * - A rule with `category: null` is an exclusion: objects it matches are not
 *   imported, even if a rule further down would match them.
 * - An object no rule matches is not imported either (the preview lists it as
 *   skipped, not as an error: most of OpenStreetMap is not a health asset).
 *
 * `noun` names an object that has no name tag: "Speeltuin (zonder naam)".
 * The dimensions are the Positieve Gezondheid dimensions the place mainly
 * serves; a neighbourhood can change them per asset after the import.
 *
 * Every category here must exist in the categories table (supabase/migrations);
 * osmTagMapping.test.ts checks that.
 */

/** The categories this table maps to (a subset of the categories table). */
type MappedCategory =
  | 'buurthuis'
  | 'ontmoetingsplek'
  | 'sportclub'
  | 'wandelroute'
  | 'initiatief'
  | 'huisartsenpraktijk'
  | 'bibliotheek'
  | 'park'
  | 'zorg_welzijn'
  | 'apotheek'
  | 'speelplek'
  | 'fysiotherapie'
  | 'leefstijlcoach'
  | 'wijkverpleging'
  | 'moestuin'
  | 'dagbesteding';

export interface OsmTagRule {
  /** Tags the object must all have: an exact value, any value in a list, or '*' for any value. */
  tags: Readonly<Record<string, string | readonly string[]>>;
  /** The asset's category, or null: objects matching this rule are deliberately left out. */
  category: MappedCategory | null;
  dimensions: readonly HealthDimension[];
  /** Dutch noun for an object without a name tag. */
  noun: string;
  /** Why the rule is as it is, when that is not obvious. */
  reason?: string;
}

export interface OsmMapping {
  category: MappedCategory;
  dimensions: HealthDimension[];
  noun: string;
}

const care: HealthDimension[] = ['lichaamsfuncties', 'dagelijks_functioneren'];
const meeting: HealthDimension[] = ['meedoen', 'zingeving'];
const sport: HealthDimension[] = ['lichaamsfuncties', 'meedoen'];
const green: HealthDimension[] = ['kwaliteit_van_leven', 'mentaal_welbevinden'];
const together: HealthDimension[] = ['meedoen', 'mentaal_welbevinden'];

export const osmTagRules: readonly OsmTagRule[] = [
  // Exclusions first, so that no rule below can bring these objects in.
  {
    tags: { amenity: 'place_of_worship' },
    category: null,
    dimensions: [],
    noun: 'Gebedshuis',
    reason: 'Geen Wijkkracht-categorie; activiteiten van een geloofsgemeenschap voegt de wijk zelf toe als initiatief.',
  },
  {
    tags: { leisure: 'garden', access: ['private', 'no'] },
    category: null,
    dimensions: [],
    noun: 'Tuin',
    reason: 'Een besloten tuin is geen plek waar buurtbewoners terecht kunnen.',
  },
  {
    tags: { leisure: 'garden', 'garden:type': 'residential' },
    category: null,
    dimensions: [],
    noun: 'Tuin',
    reason: 'Een woontuin is privé.',
  },
  {
    tags: { leisure: 'swimming_pool', access: ['private', 'no'] },
    category: null,
    dimensions: [],
    noun: 'Zwembad',
    reason: 'Zwembaden van hotels en woningen zijn niet open voor de buurt.',
  },

  // Care. Pharmacies and GP practices have their own category; other care is "zorg en welzijn".
  { tags: { amenity: 'pharmacy' }, category: 'apotheek', dimensions: ['lichaamsfuncties'], noun: 'Apotheek' },
  { tags: { healthcare: 'pharmacy' }, category: 'apotheek', dimensions: ['lichaamsfuncties'], noun: 'Apotheek' },
  { tags: { amenity: 'doctors' }, category: 'huisartsenpraktijk', dimensions: ['lichaamsfuncties'], noun: 'Huisartsenpraktijk' },
  { tags: { healthcare: 'doctor' }, category: 'huisartsenpraktijk', dimensions: ['lichaamsfuncties'], noun: 'Huisartsenpraktijk' },
  { tags: { amenity: 'dentist' }, category: 'zorg_welzijn', dimensions: care, noun: 'Tandartspraktijk' },
  { tags: { healthcare: 'dentist' }, category: 'zorg_welzijn', dimensions: care, noun: 'Tandartspraktijk' },
  { tags: { healthcare: 'physiotherapist' }, category: 'fysiotherapie', dimensions: care, noun: 'Fysiotherapiepraktijk' },
  { tags: { amenity: 'physiotherapist' }, category: 'fysiotherapie', dimensions: care, noun: 'Fysiotherapiepraktijk' },
  {
    tags: { healthcare: ['dietitian', 'nutrition_counselling'] },
    category: 'leefstijlcoach',
    dimensions: ['lichaamsfuncties', 'dagelijks_functioneren'],
    noun: 'Diëtistenpraktijk',
  },
  {
    tags: { healthcare: 'nurse' },
    category: 'wijkverpleging',
    dimensions: care,
    noun: 'Wijkverpleging',
    reason: 'In Nederland is een verpleegkundige in OSM bijna altijd een team wijkverpleging.',
  },
  { tags: { healthcare: 'centre' }, category: 'zorg_welzijn', dimensions: care, noun: 'Gezondheidscentrum' },
  {
    tags: { amenity: 'social_facility', social_facility: 'day_care' },
    category: 'dagbesteding',
    dimensions: ['dagelijks_functioneren', 'meedoen'],
    noun: 'Dagbesteding',
    reason: 'Dagopvang voor volwassenen (social_facility=day_care); kinderopvang is amenity=childcare.',
  },
  {
    tags: { amenity: 'social_facility' },
    category: 'zorg_welzijn',
    dimensions: ['dagelijks_functioneren', 'meedoen'],
    noun: 'Zorg- of welzijnsvoorziening',
    reason: 'Inloophuizen, dagbesteding en opvang: hulp bij het dagelijks leven en een plek om mee te doen.',
  },

  // Meeting. A youth centre is tagged as a kind of community centre; it is still a buurthuis.
  {
    tags: { amenity: 'community_centre', community_centre: 'youth_centre' },
    category: 'buurthuis',
    dimensions: meeting,
    noun: 'Jongerencentrum',
  },
  { tags: { amenity: 'community_centre' }, category: 'buurthuis', dimensions: meeting, noun: 'Buurthuis' },
  { tags: { amenity: 'social_centre' }, category: 'ontmoetingsplek', dimensions: together, noun: 'Ontmoetingsplek' },
  { tags: { amenity: 'library' }, category: 'bibliotheek', dimensions: meeting, noun: 'Bibliotheek' },

  // Sport: the place (leisure=*) and the club (club=sport) are both a sportclub.
  { tags: { leisure: 'sports_centre' }, category: 'sportclub', dimensions: sport, noun: 'Sportcentrum' },
  { tags: { leisure: 'sports_hall' }, category: 'sportclub', dimensions: sport, noun: 'Sporthal' },
  { tags: { leisure: 'fitness_centre' }, category: 'sportclub', dimensions: sport, noun: 'Sportschool' },
  { tags: { leisure: 'stadium' }, category: 'sportclub', dimensions: sport, noun: 'Stadion' },
  { tags: { leisure: 'swimming_pool' }, category: 'sportclub', dimensions: sport, noun: 'Zwembad' },
  { tags: { leisure: 'pitch' }, category: 'sportclub', dimensions: sport, noun: 'Sportveld' },
  { tags: { club: 'sport' }, category: 'sportclub', dimensions: sport, noun: 'Sportclub' },

  // Play and green. The playground comes before recreation grounds, which often contain one.
  { tags: { leisure: 'playground' }, category: 'speelplek', dimensions: ['meedoen', 'kwaliteit_van_leven'], noun: 'Speeltuin' },
  { tags: { leisure: 'park' }, category: 'park', dimensions: green, noun: 'Park' },
  // A shared vegetable garden before the general garden rule, which would make it a park.
  {
    tags: { leisure: 'garden', 'garden:type': 'community' },
    category: 'moestuin',
    dimensions: ['kwaliteit_van_leven', 'meedoen'],
    noun: 'Buurtmoestuin',
  },
  { tags: { landuse: 'allotments' }, category: 'moestuin', dimensions: ['kwaliteit_van_leven', 'meedoen'], noun: 'Volkstuinen' },
  { tags: { leisure: 'garden' }, category: 'park', dimensions: green, noun: 'Tuin' },
  { tags: { landuse: 'recreation_ground' }, category: 'park', dimensions: green, noun: 'Recreatieterrein' },

  // Walking routes: route relations, and the rare way tagged as a route itself.
  {
    tags: { route: ['hiking', 'foot', 'walking'] },
    category: 'wandelroute',
    dimensions: ['lichaamsfuncties', 'mentaal_welbevinden'],
    noun: 'Wandelroute',
  },

  // Other clubs. A society or student club has a clubhouse where members meet; any other club is a residents' initiative.
  { tags: { club: ['social', 'student'] }, category: 'ontmoetingsplek', dimensions: together, noun: 'Sociëteit' },
  { tags: { club: '*' }, category: 'initiatief', dimensions: together, noun: 'Vereniging' },
];

/** The first rule that matches the tags decides; null when that rule is an exclusion or none matches. */
export function mapOsmTags(tags: Record<string, string>): OsmMapping | null {
  const rule = osmTagRules.find((candidate) => ruleMatches(candidate, tags));
  if (!rule?.category) return null;
  return { category: rule.category, dimensions: [...rule.dimensions], noun: rule.noun };
}

function ruleMatches(rule: OsmTagRule, tags: Record<string, string>): boolean {
  return Object.entries(rule.tags).every(([key, wanted]) => {
    const value = tags[key];
    if (value === undefined) return false;
    // In OSM, `club=no` says there is no club: '*' means "has this tag with some real value".
    if (wanted === '*') return value !== 'no';
    return typeof wanted === 'string' ? value === wanted : wanted.includes(value);
  });
}
