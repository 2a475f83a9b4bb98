// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import boundaries from 'eslint-plugin-boundaries';

/**
 * The layers of DESIGN.md, enforced here: each folder under src/ may import only the layers listed
 * for it. eslint-plugin-boundaries resolves every import to a file (through the TypeScript resolver)
 * before it judges it, so `../../../../storage` from a deep folder counts as much as `../storage`,
 * and dynamic `import()`, `require()` and re-exports (`export … from`) count as much as `import`.
 */
const LAYERS = ['core', 'shared', 'storage', 'report', 'host', 'main', 'preload', 'renderer', 'cli'];
const ALLOWED = {
  core: [],
  shared: ['core'],
  storage: ['core'],
  report: ['core'],
  // The handler host (Electron's utility process) does the work; main only routes messages to it,
  // so nothing that reads the workspace, plans or renders can be loaded on the main process.
  host: ['core', 'shared', 'storage', 'report'],
  main: ['core', 'shared'],
  cli: ['core', 'storage', 'report'],
  preload: ['shared'],
  renderer: ['core', 'shared'],
};

/** npm packages and Node built-ins a layer may not use, with the reason shown in the error. */
const NODE = { module: { origin: 'core' } };
const pkg = (...names) => names.map((source) => ({ module: { origin: 'external', source } }));
const FORBIDDEN_MODULES = {
  core: { to: [NODE, ...pkg('electron', 'react', 'react-dom', 'better-sqlite3', '@xstate/react', '@react-pdf/renderer')], why: 'src/core is pure: no Node built-ins, Electron, React or storage.' },
  shared: { to: [NODE, ...pkg('electron', 'better-sqlite3', 'react')], why: 'src/shared is the IPC contract: types and zod schemas only.' },
  renderer: { to: [NODE, ...pkg('electron', 'better-sqlite3')], why: 'The renderer reaches the main process only through the preload API.' },
  preload: { to: [NODE, ...pkg('better-sqlite3')], why: 'The preload exposes the typed API object and nothing else.' },
  storage: { to: pkg('electron'), why: 'src/storage runs on plain Node: no Electron.' },
  host: { to: pkg('electron'), why: 'src/host runs on plain Node (a utility process, or a child process in tests): no Electron.' },
  main: { to: pkg('better-sqlite3', '@react-pdf/renderer'), why: 'The main process only routes: the workspace and the PDF live in the handler host.' },
  report: { to: pkg('electron'), why: 'src/report runs on plain Node: no Electron.' },
  cli: { to: pkg('electron'), why: 'src/cli runs on plain Node: no Electron.' },
};

const layerPolicies = LAYERS.flatMap((layer) => {
  const from = { element: { type: layer } };
  const allowed = ALLOWED[layer];
  const policies = [
    // Every npm package and built-in first; the layer's forbidden ones are taken back below.
    { from, allow: { to: [{ module: { origin: 'external' } }, NODE] } },
    {
      from,
      disallow: { to: { element: { types: { noneOf: [layer, ...allowed] } } } },
      message: `src/${layer} may not import {{to.element.type}} (DESIGN.md: ${layer} → ${allowed.join(', ') || 'nothing of ours'}).`,
    },
  ];
  if (allowed.length > 0) policies.push({ from, allow: { to: { element: { types: { anyOf: allowed } } } } });
  const forbidden = FORBIDDEN_MODULES[layer];
  if (forbidden) policies.push({ from, disallow: { to: forbidden.to }, message: `${forbidden.why} ({{to.module.source}})` });
  return policies;
});

const layerRules = {
  files: ['src/**/*.{ts,tsx}'],
  plugins: { boundaries },
  settings: {
    'boundaries/elements': LAYERS.map((layer) => ({ type: layer, pattern: `src/${layer}` })),
    'boundaries/dependency-nodes': ['import', 'dynamic-import', 'require', 'export'],
    'boundaries/root-path': import.meta.dirname,
    'import/resolver': { typescript: { project: ['tsconfig.node.json', 'tsconfig.web.json'], noWarnOnMultipleProjects: true }, node: true },
  },
  rules: {
    'boundaries/dependencies': ['error', { default: 'disallow', checkAllOrigins: true, policies: layerPolicies }],
    // An import the resolver cannot find is not judged by the rule above; refuse it instead.
    'boundaries/no-unknown-dependencies': 'error',
  },
};

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'native/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench-cache/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': true, 'ts-ignore': true, 'ts-nocheck': true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error', 'warn'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  layerRules,
  {
    // The CLI, scripts and the benchmark write to stdout on purpose.
    files: ['src/cli/**/*.ts', 'scripts/**/*.{ts,mjs}', 'bin/**/*.mjs', 'tests/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
