// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The layers of DESIGN.md, enforced here: each folder under src/ may import only the layers listed
 * for it. Anything else is a lint error, so a layer cannot be crossed by accident.
 */
const LAYERS = ['core', 'shared', 'storage', 'report', 'main', 'preload', 'renderer', 'cli'];
const ALLOWED = {
  core: [],
  shared: ['core'],
  storage: ['core'],
  report: ['core'],
  main: ['core', 'shared', 'storage', 'report'],
  cli: ['core', 'storage', 'report'],
  preload: ['shared'],
  renderer: ['core', 'shared'],
};
const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'url', 'worker_threads', 'util', 'stream'];

/** @param {string} layer */
function layerRule(layer) {
  const forbiddenLayers = LAYERS.filter((l) => l !== layer && !ALLOWED[layer].includes(l));
  const patterns = forbiddenLayers.map((l) => ({
    // Relative paths only: a bare `**/renderer` would also catch npm packages such as
    // @react-pdf/renderer.
    group: [`./${l}`, `./${l}/**`, `../${l}`, `../${l}/**`, `../../${l}`, `../../${l}/**`, `../../../${l}`, `../../../${l}/**`, `**/src/${l}/**`],
    message: `src/${layer} may not import src/${l} (DESIGN.md: ${layer} → ${ALLOWED[layer].join(', ') || 'nothing of ours'}).`,
  }));
  const extra = [];
  if (layer === 'core') {
    extra.push({ group: NODE_BUILTINS, message: 'src/core is pure: no Node built-ins.' });
    extra.push({ group: ['electron', 'react', 'react-dom', 'react/*', 'better-sqlite3', '@xstate/react'], message: 'src/core is pure: no Electron, React or storage.' });
  }
  if (layer === 'shared') {
    extra.push({ group: [...NODE_BUILTINS, 'electron', 'better-sqlite3', 'react'], message: 'src/shared is the IPC contract: types and zod schemas only.' });
  }
  if (layer === 'renderer') {
    extra.push({ group: [...NODE_BUILTINS, 'electron', 'better-sqlite3'], message: 'The renderer reaches the main process only through the preload API.' });
  }
  if (layer === 'preload') {
    extra.push({ group: [...NODE_BUILTINS, 'better-sqlite3'], message: 'The preload exposes the typed API object and nothing else.' });
  }
  if (layer === 'storage' || layer === 'report' || layer === 'cli') {
    extra.push({ group: ['electron'], message: `src/${layer} runs on plain Node: no Electron.` });
  }
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...patterns, ...extra] }],
    },
  };
}

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
  ...LAYERS.map(layerRule),
  {
    // The CLI, scripts and the benchmark write to stdout on purpose.
    files: ['src/cli/**/*.ts', 'scripts/**/*.{ts,mjs}', 'bin/**/*.mjs', 'tests/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
