/**
 * `npm test` runs the quick gate (`npm run check`), the SQL tests and the
 * browser tests side by side, each as its own npm script: within one vitest
 * run, projects with fileParallelism false share a single worker on a
 * two-core machine, so they would run one after the other although they
 * mostly wait on different things (PostgreSQL and PGlite in Node; Chromium).
 * The browser tests take longest, so nothing waits in front of them. Each line
 * is prefixed with its script; the exit code is non-zero when any failed.
 *
 * Usage: tsx tests/support/runSuites.ts check test:sql test:e2e
 */
import { spawn } from 'node:child_process';

function runScript(script: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      let partial = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) process.stdout.write(`[${script}] ${line}\n`);
      });
      stream.on('end', () => {
        if (partial) process.stdout.write(`[${script}] ${partial}\n`);
      });
    }
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('Usage: tsx tests/support/runSuites.ts <npm script> [<npm script> …]');
  process.exit(2);
}
const codes = await Promise.all(scripts.map(runScript));
process.exitCode = codes.some((code) => code !== 0) ? 1 : 0;
