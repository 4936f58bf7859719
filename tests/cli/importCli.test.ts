/**
 * `npm run import` as a municipality would run it: a real process, a real
 * embedded database in a folder, the real fixtures. Exit codes and Dutch output.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/migrationFiles';
import { requirementMissing, sharedDataDirectory } from '../support/sharedRequirements';

const run = promisify(execFile);
const database = mkdtempSync(join(tmpdir(), 'wijkkracht-cli-'));
const fixture = (name: string) => join(projectRoot, 'tests', 'fixtures', 'import', name);
const leidenPc4 = join(sharedDataDirectory, 'leiden', 'cbs_pc4_leiden_2021_leeftijd.geojson');

async function importCommand(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'cli/import.ts', ...args], {
      cwd: projectRoot,
      // Never the developer's Supabase project: this test writes to its own folder.
      env: { ...process.env, SUPABASE_URL: '', SUPABASE_SERVICE_ROLE_KEY: '' },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('npm run import', () => {
  afterAll(() => rmSync(database, { recursive: true, force: true }));

  it('explains its use when the arguments are wrong', async () => {
    const { code, output } = await importCommand('--area');
    expect(code).toBe(2);
    expect(output).toContain('--area heeft een waarde nodig');
    expect(output).toContain('Gebruik: npm run import');
  });

  // Three processes, the first of which creates and migrates the folder database: slow on a loaded machine.
  it(
    'loads the demo neighbourhood: a dry run writes nothing, then it is written, then it is already there',
    { timeout: 240_000 },
    async () => {
      const dry = await importCommand('demo', '--db', database, '--dry-run');
      expect(dry.code).toBe(0);
      expect(dry.output).toContain('[proef, niets geschreven] 12 nieuw, 0 bijgewerkt, 0 al zo, 0 overgeslagen, 0 fout');

      const real = await importCommand('demo', '--db', database);
      expect(real.output).toContain('Plekken uit "wijkkracht-demo": 12 rijen');
      expect(real.output).toContain('\n12 nieuw, 0 bijgewerkt, 0 al zo, 0 overgeslagen, 0 fout');

      const again = await importCommand('demo', '--db', database);
      expect(again.output).toContain('0 nieuw, 0 bijgewerkt, 12 al zo, 0 overgeslagen, 0 fout');
    },
  );

  it('refuses a file with wrong rows as a whole, naming each row, and exits with 1', async () => {
    const { code, output } = await importCommand(fixture('html_names.csv'), '--db', database);
    expect(code).toBe(1);
    expect(output).toContain('rij 2 (<script>alert(1)</script>): Bevat HTML of code. Gebruik gewone tekst.');
    expect(output).toContain('2 rijen hebben een fout. Er is niets toegevoegd.');
  });

  it('keeps only what lies in the --area', async () => {
    const { code, output } = await importCommand(fixture('places.csv'), '--db', database, '--area', 'DEMO-VLINDERWIJK', '--dry-run');
    expect(code).toBe(0);
    // The four Leiden places lie west of the fictional Vlinderwijk.
    expect(output).toContain('0 nieuw, 0 bijgewerkt, 0 al zo, 4 overgeslagen, 0 fout');
  });

  it.skipIf(requirementMissing(`Leiden PC4 population at ${leidenPc4}`, existsSync(leidenPc4)))(
    'recognises a CBS population file and says that its cells are estimates',
    // A process that spreads 16 areas over 2 400 cells: 40 s on a busy machine, over 60 s on a very busy one.
    { timeout: 240_000 },
    async () => {
      const { code, output } = await importCommand(leidenPc4, '--db', database, '--dry-run');
      expect(code).toBe(0);
      expect(output).toContain('Inwoners per gebied (verdeeld over vakken van 100 m) uit "cbs-population": 16 rijen');
      expect(output).toContain('[proef, niets geschreven] 16 nieuw, 0 bijgewerkt, 0 al zo, 0 overgeslagen, 0 fout');
      expect(output).toMatch(/Verdeeld over 24\d\d vakken van 100 m\./);
      expect(output).toContain('124090 inwoners, van wie 19625 van 65 jaar of ouder.');
      expect(output).toContain('Die vakken zijn een schatting.');
    },
  );
});
