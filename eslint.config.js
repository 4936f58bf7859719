// One gate for the rules the architecture rests on (ARCHITECTURE.md, "Rules the
// linter keeps"). Formatting is Prettier's job; unused exports and files are knip's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Packages only one place may import at run time; elsewhere they are refused. */
const confined = {
  'maplibre-gl': {
    where: ['src/map/WijkMap.ts'],
    message: 'Only src/map/WijkMap.ts uses maplibre-gl at run time; elsewhere import its types only (import type).',
    allowTypeImports: true,
  },
  'playwright-core': {
    where: ['tests/e2e/browser.ts'],
    message: 'Only the e2e browser helper (tests/e2e/browser.ts) imports Playwright; specs talk to drivers.',
    allowTypeImports: false,
  },
  '@supabase/supabase-js': {
    // The Supabase contract test drives supabase-js itself against a real PostgREST.
    where: ['src/backend/supabase/**', 'tests/sql/supabaseBackend.test.ts'],
    message: 'Only src/backend/supabase/ talks to supabase-js; everything else goes through the seam (src/backend/api.ts).',
    allowTypeImports: false,
  },
};

/** The no-restricted-imports options for a file, leaving out what it may import. */
function restrictedImports(allowed = [], patterns = []) {
  return [
    'error',
    {
      paths: Object.entries(confined)
        .filter(([name]) => !allowed.includes(name))
        .map(([name, rule]) => ({ name, message: rule.message, allowTypeImports: rule.allowTypeImports })),
      patterns,
    },
  ];
}

const domainPatterns = [
  {
    group: ['**/backend', '**/backend/**', '**/ui/**', '**/i18n/**', '**/map/**', 'react', 'react-dom', 'react-i18next', 'i18next'],
    message: "src/domain/ is the domain's own vocabulary and logic: no backend, UI, map or i18n.",
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'test-output/', 'scratch/', 'src/backend/sqlApi.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': restrictedImports(),
      // tsc's noUnusedLocals/noUnusedParameters already report these.
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  ...Object.entries(confined).map(([name, rule]) => ({
    files: rule.where,
    rules: { '@typescript-eslint/no-restricted-imports': restrictedImports([name]) },
  })),
  {
    files: ['src/domain/**'],
    // Its tests may check that every message key has a Dutch and an English text.
    ignores: ['src/domain/**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restrictedImports([], domainPatterns) },
  },
);
