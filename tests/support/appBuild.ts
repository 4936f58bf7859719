import { build } from 'vite';
import { projectRoot } from './migrationFiles';

/**
 * Builds the app as `npm run build` does, from a test process. Vitest sets
 * NODE_ENV=test, and Vite bakes NODE_ENV into the bundle: left alone, React
 * would ship its development build (StrictMode mounting every effect twice),
 * not what users get. So NODE_ENV is 'production' for the build, with any
 * VITE_* settings given (Vite reads them from the environment before .env
 * files), and everything is put back afterwards.
 */
export async function buildApp(outDir: string, settings: Record<string, string> = {}): Promise<void> {
  const variables = { NODE_ENV: 'production', ...settings };
  const before = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  Object.assign(process.env, variables);
  try {
    await build({ root: projectRoot, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
