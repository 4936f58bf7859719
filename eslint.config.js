// One gate for the rules the architecture rests on (ARCHITECTURE.md, "Rules the
// linter keeps"). Formatting is Prettier's job; unused exports and files are knip's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Packages only one place may import at run time; elsewhere they are refused, statically and as import(). */
const confined = {
  'maplibre-gl': {
    modules: ['maplibre-gl', 'maplibre-gl/*'],
    // mapStart.ts makes the map (before the app loads), WijkMap.ts owns it from then on;
    // bench/plainMap is the benchmarks' baseline: MapLibre alone, without the app.
    where: ['src/map/WijkMap.ts', 'src/map/mapStart.ts', 'bench/plainMap/plainMap.ts'],
    message: 'Only src/map/mapStart.ts and src/map/WijkMap.ts use maplibre-gl at run time; elsewhere import its types only (import type).',
    allowTypeImports: true,
  },
  playwright: {
    modules: ['playwright-core', 'playwright-core/*', 'playwright', 'playwright/*', '@playwright/*'],
    // The start-up, reload and panning benchmarks measure pages themselves (first draw call, resource
    // timings, traces, frame intervals), not a user's steps.
    where: ['tests/e2e/browser.ts', 'bench/startup.ts', 'bench/reloadCosts.ts', 'bench/firstDraw.ts', 'bench/mapPanning.ts'],
    message: 'Only the e2e browser helper (tests/e2e/browser.ts) imports Playwright; specs talk to drivers.',
    allowTypeImports: false,
  },
  supabase: {
    modules: ['@supabase/*'],
    // The Supabase contract test drives supabase-js itself against a real PostgREST; the shared-mode
    // browser test sets its scene up through the same client (tests/support/sharedProjectApi.ts).
    where: ['src/backend/supabase/**', 'tests/sql/supabaseBackend.test.ts', 'tests/support/sharedProjectApi.ts'],
    message: 'Only src/backend/supabase/ talks to Supabase; everything else goes through the seam (src/backend/api.ts).',
    allowTypeImports: false,
  },
};

const domainModules = [
  '**/backend',
  '**/backend/**',
  '**/ui/**',
  '**/i18n/**',
  '**/map/**',
  '**/env',
  'react',
  'react-dom',
  'react-i18next',
  'i18next',
  'maplibre-gl',
  'maplibre-gl/*',
  '@electric-sql/*',
  'pg',
];
const domainMessage = "src/domain/ is the domain's own vocabulary and logic: no backend, database, UI, map or i18n.";

/** The import rules for a file, leaving out what it may import. */
function importRules(allowed = [], extraPatterns = []) {
  const refused = Object.entries(confined).filter(([name]) => !allowed.includes(name));
  const patterns = [
    ...refused.map(([, rule]) => ({ group: rule.modules, message: rule.message, allowTypeImports: rule.allowTypeImports })),
    ...extraPatterns,
  ];
  // import('…') is not seen by no-restricted-imports; the same prefixes are refused there.
  const prefixes = patterns.flatMap((pattern) => pattern.group).map((group) => group.replace(/\/?\*+$/, '').replace(/^\*\*\//, ''));
  const dynamic = prefixes.length
    ? [
        {
          selector: `ImportExpression[source.value=/${prefixes.map((prefix) => prefix.replace(/[/.@-]/g, '\\$&')).join('|')}/]`,
          message: 'This import is confined to one place (eslint.config.js), also as import().',
        },
      ]
    : [];
  return {
    'no-restricted-imports': 'off',
    '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
    'no-restricted-syntax': ['error', ...dynamic],
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'test-output/', 'scratch/', 'src/backend/sqlApi.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      ...importRules(),
      // tsc's noUnusedLocals/noUnusedParameters already report these.
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  ...Object.entries(confined).map(([name, rule]) => ({ files: rule.where, rules: importRules([name]) })),
  {
    files: ['src/domain/**'],
    // Its tests may check that every message key has a Dutch and an English text.
    ignores: ['src/domain/**/*.test.ts'],
    rules: importRules([], [{ group: domainModules, message: domainMessage }]),
  },
);
