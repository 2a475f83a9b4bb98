#!/usr/bin/env node
// The `groundwork` command. It runs the TypeScript sources directly through tsx, so that
// `npm install` is the only step before `npx --no-install groundwork …` works.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
