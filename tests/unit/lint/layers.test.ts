import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of DESIGN.md live in eslint.config.js; this checks they bite, and only where
 * meant. The files need not exist: the rule judges where each import resolves to.
 */
const eslint = new ESLint({ cwd: process.cwd() });

/** `rule: message` of every boundary error (and parse error) in `code`, linted as if it were `file`. */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('boundaries/') || m.fatal).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('layer rules', () => {
  it.each([
    ['src/core/x.ts', "import { openWorkspace } from '../storage';"],
    ['src/core/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/core/x.ts', "import { readFileSync } from 'fs';"],
    ['src/core/x.ts', "import { app } from 'electron';"],
    ['src/core/x.ts', "import { useState } from 'react';"],
    ['src/renderer/x.ts', "import { openWorkspace } from '../storage';"],
    ['src/renderer/screens/x.ts', "import { createHandlers } from '../../host/handlers';"],
    ['src/renderer/screens/x.ts', "import { HostClient } from '../../main/host-client';"],
    ['src/renderer/x.ts', "import { ipcRenderer } from 'electron';"],
    ['src/storage/x.ts', "import { contract } from '../shared/contract';"],
    ['src/cli/x.ts', "import { dispatch } from '../host/dispatch';"],
    ['src/main/x.ts', "import { openWorkspace } from '../storage';"],
    ['src/main/x.ts', "import { createHandlers } from '../host/handlers';"],
    ['src/main/x.ts', "export async function f() { return import('../report'); }"],
    ['src/main/x.ts', "import Database from 'better-sqlite3';"],
    ['src/host/x.ts', "import { app } from 'electron';"],
    ['src/host/x.ts', "import { HostClient } from '../main/host-client';"],
    ['src/preload/x.ts', "import { openWorkspace } from '../storage';"],
    ['src/report/x.ts', "import { openWorkspace } from '../storage';"],
    // A path that climbs further than it needs to still ends in src/storage.
    ['src/renderer/planning/machine/x.ts', "import { openWorkspace } from '../../../../src/storage';"],
    ['src/renderer/planning/machine/x.ts', "import { openWorkspace } from '../../../storage/index';"],
    // Dynamic imports, require and re-exports are dependencies too.
    ['src/renderer/x.ts', "export async function f() { return import('../storage'); }"],
    ['src/core/x.ts', "export async function f() { return import('node:fs'); }"],
    ['src/core/x.ts', "export const fs = require('node:fs');"],
    ['src/renderer/x.ts', "export const s = require('../storage');"],
    ['src/renderer/x.ts', "export { openWorkspace } from '../storage';"],
    ['src/core/x.ts', "export * from '../host/handlers';"],
  ])('%s may not: %s', async (file, code) => {
    const errors = await boundaryErrors(file, `${code}\nexport {};\n`);
    // The layer rule itself, not a failure to resolve the path.
    expect(errors.some((e) => e.startsWith('boundaries/dependencies: '))).toBe(true);
  });

  it.each([
    ['src/host/x.ts', "import { openWorkspace } from '../storage';"],
    ['src/host/x.ts', "export async function f() { return import('../report'); }"],
    ['src/host/x.ts', "import { Worker } from 'node:worker_threads';"],
    ['src/main/x.ts', "import { app } from 'electron';"],
    ['src/main/x.ts', "import type { ToHost } from '../shared/host-protocol';"],
    ['src/renderer/x.ts', "import { computeReadiness } from '../core/domain/readiness';"],
    ['src/renderer/x.ts', "import { contract } from '../shared/contract';"],
    ['src/renderer/x.ts', "import { useState } from 'react';"],
    ['src/renderer/planning/machine/x.ts', "import { plan } from '../../../core/planner';"],
    ['src/cli/x.ts', "import { plan } from '../core/planner';"],
    ['src/cli/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/report/x.ts', "import { Document } from '@react-pdf/renderer';"],
    ['src/shared/x.ts', "import { LAYERS } from '../core/domain/layers';"],
    ['src/preload/x.ts', "import { contextBridge } from 'electron';"],
    ['src/core/x.ts', "import { z } from 'zod';"],
  ])('%s may: %s', async (file, code) => {
    expect(await boundaryErrors(file, `${code}\nexport {};\n`)).toEqual([]);
  });

  it('names the layer and the rule of DESIGN.md in its message', async () => {
    const [message] = await boundaryErrors('src/renderer/x.ts', "import { openWorkspace } from '../storage';\nexport {};\n");
    expect(message).toContain('src/renderer may not import storage');
    expect(message).toContain('renderer → core, shared');
  });
});
