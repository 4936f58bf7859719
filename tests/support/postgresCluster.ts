import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's postgresql-15 binaries (apt: postgresql-15-postgis-3 pulls them in). */
const postgresBin = '/usr/lib/postgresql/15/bin';

export interface PostgresCluster {
  /** Superuser URL for the `postgres` database. */
  url: string;
  port: number;
  stop(): void;
}

export function postgresAvailable(): boolean {
  return existsSync(join(postgresBin, 'initdb')) && existsSync('/usr/share/postgresql/15/extension/postgis.control');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

// PostgreSQL refuses to run as root; CI runs as root, so drop to `postgres` there.
function asClusterOwner(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function run(command: string, args: string[]): void {
  const [file, fileArgs] = asClusterOwner(command, args);
  execFileSync(file, fileArgs, { stdio: 'pipe' });
}

/** Starts a throwaway cluster on a loopback port; stop() removes every trace. */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const directory = mkdtempSync(join(tmpdir(), 'wijkkracht-pg-'));
  if (process.getuid?.() === 0) {
    const owner = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(directory, Number(owner.stdout.trim()), Number(group.stdout.trim()));
  }
  const dataDirectory = join(directory, 'data');
  const port = await freePort();
  run(join(postgresBin, 'initdb'), ['-D', dataDirectory, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  run(join(postgresBin, 'pg_ctl'), [
    '-D',
    dataDirectory,
    '-l',
    join(directory, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -k ${directory} -c fsync=off -c full_page_writes=off`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      try {
        run(join(postgresBin, 'pg_ctl'), ['-D', dataDirectory, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    },
  };
}
