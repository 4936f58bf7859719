import type { Polygon, Position } from 'geojson';
import type { HealthDimension } from '../domain/types';
import type { AssetImportRow } from '../backend/wireTypes';
import { buildAreaPlan, buildAssetPlan } from './buildPlan';
import type { AreaPlan, AssetPlan } from './types';
import { seededRandom } from '../domain/seededRandom';

/**
 * A fictional neighbourhood to try the app with: made up here from a seed, so
 * it is the same every time and owes nobody a licence. Every name says
 * "(fictief)" and the attribution says so too, so nobody mistakes it for data.
 */
const demoSource = 'wijkkracht-demo';
const demoAttribution = 'Fictieve voorbeeldgegevens, gemaakt door Wijkkracht';
const demoAreaCode = 'DEMO-VLINDERWIJK';

/** Where the fictional neighbourhood lies: open ground east of Leiden, so it overlaps no real wijk's names. */
const demoCentre = { lon: 4.532, lat: 52.168 };

// Metres to degrees at 52° north.
const degreesNorth = (metres: number) => metres / 111_250;
const degreesEast = (metres: number) => metres / 68_450;

interface DemoPlace {
  name: string;
  category: string;
  dimensions: HealthDimension[];
  story: string;
  author: string;
}

const places: DemoPlace[] = [
  {
    name: 'Buurthuis De Vlinder',
    category: 'buurthuis',
    dimensions: ['meedoen', 'zingeving'],
    story: 'Elke dinsdag eten we hier samen. Zo leer je je buren kennen.',
    author: 'Marja',
  },
  {
    name: 'Koffieochtend in de bibliotheek',
    category: 'ontmoetingsplek',
    dimensions: ['meedoen', 'mentaal_welbevinden'],
    story: 'Hier kom ik voor de koffie en blijf ik voor de mensen.',
    author: 'Henk',
  },
  {
    name: 'Bibliotheek Vlinderplein',
    category: 'bibliotheek',
    dimensions: ['zingeving', 'meedoen'],
    story: 'Hulp bij formulieren en de computer, zonder dat je je schaamt.',
    author: 'Fatima',
  },
  {
    name: 'Huisartsenpraktijk Rozenhof',
    category: 'huisartsenpraktijk',
    dimensions: ['lichaamsfuncties'],
    story: 'De praktijkondersteuner wijst ons op de wandelgroep.',
    author: 'Kees',
  },
  {
    name: 'Sportclub VV De Vlinders',
    category: 'sportclub',
    dimensions: ['lichaamsfuncties', 'meedoen'],
    story: 'Walking football voor 60-plussers op donderdag.',
    author: 'Ahmed',
  },
  {
    name: 'Diabetescoöperatie Samen Gezond',
    category: 'gezond_eten',
    dimensions: ['lichaamsfuncties', 'dagelijks_functioneren'],
    story: 'We koken samen gezond en leren van elkaar.',
    author: 'Ria',
  },
  // No circle here: a circle is added by its key person with consent, never by an import.
  {
    name: 'Beweeggroep De Stappers',
    category: 'beweeggroep',
    dimensions: ['meedoen', 'mentaal_welbevinden'],
    story: 'Elke maandag lopen we samen een rondje. Niemand valt buiten de boot.',
    author: 'Ans',
  },
  {
    name: 'Moestuin Achter de Flat',
    category: 'moestuin',
    dimensions: ['kwaliteit_van_leven', 'zingeving'],
    story: 'Samen tuinieren geeft rust en iets om voor te zorgen.',
    author: 'Joop',
  },
  {
    name: 'Speeltuin Het Kikkerveld',
    category: 'speelplek',
    dimensions: ['meedoen', 'kwaliteit_van_leven'],
    story: 'Opa’s en oma’s ontmoeten elkaar hier bij de schommels.',
    author: 'Wim',
  },
  {
    name: 'Bankje bij de vijver',
    category: 'ontmoetingsplek',
    dimensions: ['mentaal_welbevinden'],
    story: 'Hier zit ik elke ochtend en zeg ik iedereen gedag.',
    author: 'Lies',
  },
];

const fictional = (name: string) => `${name} (fictief)`;

function square(centre: Position, halfWidthMetres: number): Polygon {
  const [lon, lat] = centre as [number, number];
  const dx = degreesEast(halfWidthMetres);
  const dy = degreesNorth(halfWidthMetres);
  const ring = [
    [lon - dx, lat - dy],
    [lon + dx, lat - dy],
    [lon + dx, lat + dy],
    [lon - dx, lat + dy],
    [lon - dx, lat - dy],
  ];
  return { type: 'Polygon', coordinates: [ring.map(round)] };
}

const round = ([lon, lat]: number[]): Position => [Number(lon!.toFixed(6)), Number(lat!.toFixed(6))];

export function demoPlans(seed = 20261123): { areas: AreaPlan; assets: AssetPlan } {
  const random = seededRandom(seed);
  const centre: Position = [demoCentre.lon, demoCentre.lat];
  const spot = (radiusMetres: number): Position =>
    round([
      demoCentre.lon + degreesEast((random() * 2 - 1) * radiusMetres),
      demoCentre.lat + degreesNorth((random() * 2 - 1) * radiusMetres),
    ]);

  const rows: AssetImportRow[] = places.map((place, index) => ({
    row: index + 1,
    kind: 'place',
    category: place.category,
    name: fictional(place.name),
    description: 'Fictief voorbeeld.',
    dimensions: place.dimensions,
    geometry: { type: 'Point', coordinates: spot(550) },
    source_id: `demo-${index + 1}`,
    story: place.story,
    author_name: place.author,
  }));
  const loop: Position[] = [0, 1, 2, 3, 4, 5, 6, 7].map((step) => {
    const angle = (step / 8) * 2 * Math.PI;
    return round([demoCentre.lon + degreesEast(Math.cos(angle) * 380), demoCentre.lat + degreesNorth(Math.sin(angle) * 300)]);
  });
  rows.push({
    row: rows.length + 1,
    kind: 'route',
    category: 'wandelroute',
    name: fictional('Ommetje rond de vijver'),
    description: 'Fictief voorbeeld: 2 km, vlak, met bankjes.',
    dimensions: ['lichaamsfuncties', 'mentaal_welbevinden'],
    geometry: { type: 'LineString', coordinates: [...loop, loop[0]!] },
    source_id: 'demo-route',
    story: 'Met de wandelgroep van de huisarts lopen we dit rondje.',
    author_name: 'Gerda',
  });
  rows.push({
    row: rows.length + 1,
    kind: 'area',
    category: 'park',
    name: fictional('Vlinderpark'),
    description: 'Fictief voorbeeld.',
    dimensions: ['kwaliteit_van_leven', 'mentaal_welbevinden'],
    geometry: square([demoCentre.lon + degreesEast(150), demoCentre.lat - degreesNorth(120)], 90),
    source_id: 'demo-park',
  });

  return {
    areas: buildAreaPlan({
      source: demoSource,
      attribution: demoAttribution,
      totalRows: 1,
      drafts: [
        {
          row: 1,
          issues: [],
          value: { row: 1, code: demoAreaCode, name: fictional('Vlinderwijk'), level: 'other', geometry: square(centre, 750) },
        },
      ],
    }),
    assets: buildAssetPlan({
      source: demoSource,
      attribution: demoAttribution,
      totalRows: rows.length,
      drafts: rows.map((row) => ({ row: row.row, value: row, issues: [] })),
    }),
  };
}
