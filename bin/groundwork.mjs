#!/usr/bin/env node
// The `groundwork` command. `npm install` bundles it into out/cli/ (the `prepare` step), which
// starts in about 0.15 s; without a bundle, or once a source file has changed since it was built,
// it runs the TypeScript sources directly through tsx (about 0.4 s to start). Either way
// `npm install` is the only step before `npx --no-install groundwork …` works.
// GROUNDWORK_CLI_FROM_SOURCE=1 forces the sources.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundle } from './cli-bundle.mjs';

const bundle = process.env.GROUNDWORK_CLI_FROM_SOURCE ? null : freshBundle(fileURLToPath(new URL('../out/cli/', import.meta.url)));
let main;
if (bundle) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
