import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rules of DESIGN.md live in eslint.config.js; this checks they bite, and only where meant. */
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['src/core/x.ts', "import { openWorkspace } from '../storage';"],
    ['src/core/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/core/x.ts', "import { app } from 'electron';"],
    ['src/core/x.ts', "import { useState } from 'react';"],
    ['src/renderer/x.ts', "import { openWorkspace } from '../storage';"],
    ['src/renderer/screens/x.ts', "import { createHandlers } from '../../main/handlers';"],
    ['src/renderer/x.ts', "import { ipcRenderer } from 'electron';"],
    ['src/storage/x.ts', "import { contract } from '../shared/contract';"],
    ['src/cli/x.ts', "import { dispatch } from '../main/ipc';"],
    ['src/preload/x.ts', "import { openWorkspace } from '../storage';"],
    ['src/report/x.ts', "import { openWorkspace } from '../storage';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restricted(file, `${code}\nexport {};\n`)).not.toEqual([]);
  });

  it.each([
    ['src/main/x.ts', "import { openWorkspace } from '../storage';"],
    ['src/renderer/x.ts', "import { computeReadiness } from '../core/domain/readiness';"],
    ['src/renderer/x.ts', "import { contract } from '../shared/contract';"],
    ['src/cli/x.ts', "import { plan } from '../core/planner';"],
    ['src/report/x.ts', "import { Document } from '@react-pdf/renderer';"],
    ['src/shared/x.ts', "import { LAYERS } from '../core/domain/layers';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restricted(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});
