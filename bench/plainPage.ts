import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { projectRoot } from '../tests/support/migrationFiles';

/** Builds the benchmarks' baseline page (bench/plainMap: MapLibre alone) into `outDir`. */
export async function buildPlainPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: join(projectRoot, 'bench', 'plainMap'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
}

/** Serves a production build on loopback, as `vite preview` does (no compression). */
export async function serveBuild(outDir: string): Promise<PreviewServer> {
  return preview({ configFile: false, root: projectRoot, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
}
