import { importFormats, type ImportFormat } from '../src/import/importSources';

export interface ImportArguments {
  /** A file path, `demo`, `pdok:<gemeente>` (boundaries) or `osm:<gemeente>` (Overpass). */
  input: string;
  format: ImportFormat | null;
  area: string | null;
  database: string;
  dryRun: boolean;
  skipInvalid: boolean;
  includeOutsideNetherlands: boolean;
  attribution: string | null;
  language: 'nl' | 'en';
}

export const importUsage = `Gebruik: npm run import -- <bestand | demo | pdok:GM0546 | osm:GM0546> [opties]

  --area CODE            alleen plekken die het gebied CODE raken (bv. GM0546, WK054608)
  --format FORMAAT       csv, geojson, kml, osm, cbs-areas, cbs-population, cbs-areas-population, cbs-grid of walk-network (anders geraden)
  --db MAP               embedded database in deze map (standaard ./wijkkracht-db);
                         met SUPABASE_URL en SUPABASE_SERVICE_ROLE_KEY gaat het naar Supabase
  --dry-run              laat zien wat er zou gebeuren, schrijf niets
  --skip-invalid         sla foute rijen over in plaats van alles te weigeren
  --include-outside-nl   neem ook rijen buiten Nederland mee
  --attribution TEKST    bronvermelding voor een eigen bestand
  --lang en              berichten in het Engels`;

export class UsageError extends Error {}

export function parseImportArguments(argv: string[]): ImportArguments {
  const parsed: ImportArguments = {
    input: '',
    format: null,
    area: null,
    database: './wijkkracht-db',
    dryRun: false,
    skipInvalid: false,
    includeOutsideNetherlands: false,
    attribution: null,
    language: 'nl',
  };
  const valueOf = (index: number, flag: string) => {
    const value = argv[index + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} heeft een waarde nodig`);
    return value;
  };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    switch (argument) {
      case '--area':
        parsed.area = valueOf(index++, argument);
        break;
      case '--format': {
        const format = valueOf(index++, argument);
        if (!importFormats.includes(format as ImportFormat)) throw new UsageError(`onbekend formaat: ${format}`);
        parsed.format = format as ImportFormat;
        break;
      }
      case '--db':
        parsed.database = valueOf(index++, argument);
        break;
      case '--attribution':
        parsed.attribution = valueOf(index++, argument);
        break;
      case '--lang':
        parsed.language = valueOf(index++, argument) === 'en' ? 'en' : 'nl';
        break;
      case '--dry-run':
        parsed.dryRun = true;
        break;
      case '--skip-invalid':
        parsed.skipInvalid = true;
        break;
      case '--include-outside-nl':
        parsed.includeOutsideNetherlands = true;
        break;
      default:
        if (argument.startsWith('--')) throw new UsageError(`onbekende optie: ${argument}`);
        if (parsed.input) throw new UsageError(`één bron per keer (kreeg ${parsed.input} en ${argument})`);
        parsed.input = argument;
    }
  }
  if (!parsed.input) throw new UsageError('geef een bestand of bron op');
  return parsed;
}
