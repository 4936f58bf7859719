import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requirementMissing } from '../../tests/support/sharedRequirements';
import { mapOsmTags, osmTagRules } from './osmTagMapping';

const projectRoot = join(import.meta.dirname, '..', '..');
const healthAssetsFile = join(
  projectRoot,
  '..',
  'shared',
  'data',
  'osm_substitute_amsterdam',
  'osm_health_assets_amsterdam_centre.geojson',
);

describe('the OSM tag mapping', () => {
  it.each([
    [{ amenity: 'community_centre' }, 'buurthuis', ['meedoen', 'zingeving']],
    [{ amenity: 'community_centre', community_centre: 'youth_centre' }, 'buurthuis', ['meedoen', 'zingeving']],
    [{ amenity: 'social_facility' }, 'zorg_welzijn', ['dagelijks_functioneren', 'meedoen']],
    [{ amenity: 'doctors' }, 'huisartsenpraktijk', ['lichaamsfuncties']],
    [{ healthcare: 'doctor' }, 'huisartsenpraktijk', ['lichaamsfuncties']],
    [{ amenity: 'pharmacy' }, 'apotheek', ['lichaamsfuncties']],
    [{ amenity: 'dentist' }, 'zorg_welzijn', ['lichaamsfuncties', 'dagelijks_functioneren']],
    [{ healthcare: 'dentist' }, 'zorg_welzijn', ['lichaamsfuncties', 'dagelijks_functioneren']],
    [{ healthcare: 'physiotherapist' }, 'fysiotherapie', ['lichaamsfuncties', 'dagelijks_functioneren']],
    [{ amenity: 'physiotherapist' }, 'fysiotherapie', ['lichaamsfuncties', 'dagelijks_functioneren']],
    [{ healthcare: 'dietitian' }, 'leefstijlcoach', ['lichaamsfuncties', 'dagelijks_functioneren']],
    [{ healthcare: 'nutrition_counselling' }, 'leefstijlcoach', ['lichaamsfuncties', 'dagelijks_functioneren']],
    [{ healthcare: 'nurse' }, 'wijkverpleging', ['lichaamsfuncties', 'dagelijks_functioneren']],
    [{ amenity: 'social_facility', social_facility: 'day_care' }, 'dagbesteding', ['dagelijks_functioneren', 'meedoen']],
    [{ amenity: 'social_facility', social_facility: 'outreach' }, 'zorg_welzijn', ['dagelijks_functioneren', 'meedoen']],
    [{ leisure: 'garden', 'garden:type': 'community' }, 'moestuin', ['kwaliteit_van_leven', 'meedoen']],
    [{ landuse: 'allotments' }, 'moestuin', ['kwaliteit_van_leven', 'meedoen']],
    [{ amenity: 'library' }, 'bibliotheek', ['meedoen', 'zingeving']],
    [{ leisure: 'sports_centre' }, 'sportclub', ['lichaamsfuncties', 'meedoen']],
    [{ leisure: 'pitch' }, 'sportclub', ['lichaamsfuncties', 'meedoen']],
    [{ leisure: 'fitness_centre' }, 'sportclub', ['lichaamsfuncties', 'meedoen']],
    [{ leisure: 'sports_hall' }, 'sportclub', ['lichaamsfuncties', 'meedoen']],
    [{ leisure: 'stadium' }, 'sportclub', ['lichaamsfuncties', 'meedoen']],
    [{ leisure: 'swimming_pool' }, 'sportclub', ['lichaamsfuncties', 'meedoen']],
    [{ club: 'sport' }, 'sportclub', ['lichaamsfuncties', 'meedoen']],
    [{ leisure: 'park' }, 'park', ['kwaliteit_van_leven', 'mentaal_welbevinden']],
    [{ leisure: 'garden' }, 'park', ['kwaliteit_van_leven', 'mentaal_welbevinden']],
    [{ landuse: 'recreation_ground' }, 'park', ['kwaliteit_van_leven', 'mentaal_welbevinden']],
    [{ leisure: 'playground' }, 'speelplek', ['meedoen', 'kwaliteit_van_leven']],
    [{ club: 'social' }, 'ontmoetingsplek', ['meedoen', 'mentaal_welbevinden']],
    [{ club: 'scouts' }, 'initiatief', ['meedoen', 'mentaal_welbevinden']],
    [{ type: 'route', route: 'hiking' }, 'wandelroute', ['lichaamsfuncties', 'mentaal_welbevinden']],
    [{ route: 'foot' }, 'wandelroute', ['lichaamsfuncties', 'mentaal_welbevinden']],
    [{ type: 'route', route: 'walking' }, 'wandelroute', ['lichaamsfuncties', 'mentaal_welbevinden']],
  ])('maps %o to %s', (tags, category, dimensions) => {
    expect(mapOsmTags(tags)).toMatchObject({ category, dimensions });
  });

  it('names a youth centre by what it is, though it stays a buurthuis', () => {
    expect(mapOsmTags({ amenity: 'community_centre', community_centre: 'youth_centre' })?.noun).toBe('Jongerencentrum');
    expect(mapOsmTags({ amenity: 'community_centre', community_centre: 'village_hall' })?.noun).toBe('Buurthuis');
  });

  it('leaves out places of worship, private gardens and whatever it does not know', () => {
    expect(mapOsmTags({ amenity: 'place_of_worship', religion: 'christian', name: 'Hooglandse Kerk' })).toBeNull();
    // An exclusion wins even when a later rule would match the same object.
    expect(mapOsmTags({ amenity: 'place_of_worship', leisure: 'garden' })).toBeNull();
    expect(mapOsmTags({ leisure: 'garden', access: 'private' })).toBeNull();
    expect(mapOsmTags({ leisure: 'garden', access: 'no' })).toBeNull();
    expect(mapOsmTags({ leisure: 'garden', 'garden:type': 'residential' })).toBeNull();
    expect(mapOsmTags({ leisure: 'swimming_pool', access: 'private' })).toBeNull();
    expect(mapOsmTags({ amenity: 'bench' })).toBeNull();
    expect(mapOsmTags({ route: 'bus', type: 'route' })).toBeNull();
    expect(mapOsmTags({ club: 'no' })).toBeNull();
    expect(mapOsmTags({})).toBeNull();
  });

  it('lets the first matching rule decide', () => {
    // A community centre in a sports hall is first of all a community centre.
    expect(mapOsmTags({ leisure: 'sports_hall', amenity: 'community_centre' })?.category).toBe('buurthuis');
    // A playground on a recreation ground is a playground.
    expect(mapOsmTags({ landuse: 'recreation_ground', leisure: 'playground' })?.category).toBe('speelplek');
    // A garden open to the public is a park.
    expect(mapOsmTags({ leisure: 'garden', access: 'permissive' })?.category).toBe('park');
  });

  it('hands out copies, so a caller cannot change the table', () => {
    mapOsmTags({ amenity: 'pharmacy' })!.dimensions.push('zingeving');
    expect(mapOsmTags({ amenity: 'pharmacy' })?.dimensions).toEqual(['lichaamsfuncties']);
  });

  it('maps only to categories the database has, with a noun for every rule', () => {
    const migrations = readdirSync(join(projectRoot, 'supabase', 'migrations'))
      .filter((file) => file.endsWith('.sql'))
      .map((file) => readFileSync(join(projectRoot, 'supabase', 'migrations', file), 'utf8'))
      .join('\n');
    const categories = new Set(osmTagRules.flatMap((rule) => (rule.category ? [rule.category] : [])));
    expect(categories.size).toBe(16);
    for (const category of categories) expect(migrations).toMatch(new RegExp(`\\('${category}',\\s+'`));
    for (const rule of osmTagRules) expect(rule.noun).toMatch(/^[A-Z]/);
  });

  const skip = requirementMissing('../shared/data (osm_health_assets_amsterdam_centre.geojson)', existsSync(healthAssetsFile));
  it.skipIf(skip)('maps every object of the Amsterdam health-asset extract, which was filtered on these tags', () => {
    const collection = JSON.parse(readFileSync(healthAssetsFile, 'utf8')) as { features: { properties: Record<string, string> }[] };
    const categories = collection.features.map((feature) => mapOsmTags(feature.properties)?.category ?? null);
    expect(categories).toHaveLength(32);
    expect(categories).not.toContain(null);
  });
});
