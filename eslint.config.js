// Lint for the whole repo: the recommended JavaScript, TypeScript and Astro rules (no type-aware
// rules: they type-check every file again and are slow on a 2-core machine; `npm run typecheck`
// does that once), plus the import boundaries between src/pipeline, src/cli, src/site,
// src/customer and src/shared. Formatting is Prettier's job, so no style rules here.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Import specifiers are matched as written, and src/ imports are relative
// (`../../site/lib/format.ts`), so a folder is named by its segment after the leading `./` or `../`s.
const dir = (name) => `^(\\.\\.?/)+(.+/)?${name}/`;
const ASTRO = ['^astro$', '^astro[:/]', '^@astrojs/'];

/** no-restricted-imports for the given patterns, each with its reason. */
const restrict = (...patterns) => ['error', { patterns: patterns.map(([regex, message]) => ({ regex, message })) }];
// The same boundaries for `import('…')` expressions, which no-restricted-imports does not see.
const restrictDynamic = (...patterns) => [
  'error',
  ...patterns.map(([regex, message]) => ({ selector: `ImportExpression > Literal.source[value=/${regex.replaceAll('/', '\\/')}/]`, message })),
];

const pipelineRules = [
  [dir('(site|customer|cli|shared)'), 'src/pipeline is the pure pipeline: it may not import the sites, the CLI or src/shared.'],
  ...ASTRO.map((regex) => [regex, 'src/pipeline runs without Astro: keep Astro imports in src/site, src/customer or src/shared.']),
];
const siteRules = [[dir('customer'), 'src/site may not import the customer site: move what both sites need to src/shared.']];
const customerRules = [[dir('site'), 'src/customer may not import the internal site: move what both sites need to src/shared.']];
const sharedRules = [[dir('(site|customer|cli)'), 'src/shared serves both sites: it may not import either site or the CLI.']];

export default defineConfig([
  // Build output, caches and generated types.
  globalIgnores(['dist/', '.astro/', '.chorus/', 'bench/out/', 'node_modules/', 'data/', 'content/']),

  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs['flat/recommended'],

  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_`-prefixed names are the repo's way of saying "deliberately unused".
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    // Astro frontmatter is TypeScript: the TypeScript compiler reports undefined names, and
    // no-undef does not know TypeScript's global types (typescript-eslint turns it off for .ts).
    files: ['**/*.astro'],
    rules: { 'no-undef': 'off' },
  },

  // Boundaries. Each folder's rule lists everything it may not import.
  {
    // The pipeline is pure: it must run (tests, benchmarks, the CLI's `check`) without either
    // site or Astro, so the sites depend on it and never the other way round.
    files: ['src/pipeline/**'],
    rules: { 'no-restricted-imports': restrict(...pipelineRules), 'no-restricted-syntax': restrictDynamic(...pipelineRules) },
  },
  {
    // The internal site holds confidential pages; the customer site must not reach into it by
    // accident, and neither site's private modules should become the other's API. Shared code
    // lives in src/shared.
    files: ['src/site/**'],
    rules: { 'no-restricted-imports': restrict(...siteRules), 'no-restricted-syntax': restrictDynamic(...siteRules) },
  },
  {
    // The customer site is public: it may use src/shared and src/pipeline, never the internal site.
    files: ['src/customer/**'],
    rules: { 'no-restricted-imports': restrict(...customerRules), 'no-restricted-syntax': restrictDynamic(...customerRules) },
  },
  {
    // Shared code is used by both sites, so it may depend on neither (nor on the CLI).
    files: ['src/shared/**'],
    rules: { 'no-restricted-imports': restrict(...sharedRules), 'no-restricted-syntax': restrictDynamic(...sharedRules) },
  },
]);
