/**
 * `npm test` runs the SQL and the browser tests side by side, as one vitest
 * process per project: within one vitest run, projects with fileParallelism
 * false share a single worker on a two-core machine, so they would run one
 * after the other although they mostly wait on different things (PostgreSQL
 * and PGlite in Node; Chromium). Each line is prefixed with its project; the
 * exit code is non-zero when either failed.
 *
 * Usage: tsx tests/support/runSuites.ts sql e2e
 */
import { spawn } from 'node:child_process';

function runProject(project: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['vitest', 'run', '--project', project], { stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      let partial = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) process.stdout.write(`[${project}] ${line}\n`);
      });
      stream.on('end', () => {
        if (partial) process.stdout.write(`[${project}] ${partial}\n`);
      });
    }
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const projects = process.argv.slice(2);
if (projects.length === 0) {
  console.error('Usage: tsx tests/support/runSuites.ts <project> [<project> …]');
  process.exit(2);
}
const codes = await Promise.all(projects.map(runProject));
process.exitCode = codes.some((code) => code !== 0) ? 1 : 0;
