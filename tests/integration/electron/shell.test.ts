import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import run from '@doyensec/electronegativity';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY, describeStartupProblem, saveDialogFor, isAllowedRequest, isTrustedSender, rendererSource, resolveAppFile, workspaceFromArgs } from '../../../src/main/shell';

const ROOT = resolve('out/renderer');

describe('the page the window loads', () => {
  it('is the dev server only in an unpackaged run, and only on the loopback interface', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(rendererSource({ isPackaged: false, env })).toEqual({ kind: 'dev-server', url: 'http://localhost:5173' });
    expect(rendererSource({ isPackaged: true, env })).toEqual({ kind: 'app', url: APP_ENTRY });
    expect(rendererSource({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'https://evil.example/app' } })).toEqual({ kind: 'app', url: APP_ENTRY });
    expect(rendererSource({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'file:///etc/passwd' } })).toEqual({ kind: 'app', url: APP_ENTRY });
    expect(rendererSource({ isPackaged: false, env: {} })).toEqual({ kind: 'app', url: 'app://groundwork/index.html' });
  });
});

describe('app:// serves the built renderer and nothing else', () => {
  it('maps the app origin to files inside the renderer folder', () => {
    expect(resolveAppFile('app://groundwork/index.html', ROOT)).toEqual({ path: join(ROOT, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(resolveAppFile('app://groundwork/', ROOT)?.path).toBe(join(ROOT, 'index.html'));
    expect(resolveAppFile('app://groundwork/assets/index-abc.js?x=1#y', ROOT)).toEqual({ path: join(ROOT, 'assets', 'index-abc.js'), contentType: 'text/javascript; charset=utf-8' });
  });

  it('refuses other hosts, traversal (plain and encoded), NUL, backslashes and unknown kinds of file', () => {
    for (const url of [
      'app://other/index.html',
      'app://groundwork/../../etc/passwd',
      'app://groundwork/%2e%2e/%2e%2e/etc/passwd',
      'app://groundwork/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://groundwork/%00.html',
      'app://groundwork/..\\..\\x.js',
      'app://groundwork/secret.groundwork',
      'app://user:pw@groundwork/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(resolveAppFile(url, ROOT), url).toBeNull();
    }
  });

  it('lets the session load only the app, DevTools and (in development) the dev server', () => {
    expect(isAllowedRequest('app://groundwork/assets/a.js', undefined)).toBe(true);
    expect(isAllowedRequest('file:///etc/passwd', undefined)).toBe(false);
    expect(isAllowedRequest('https://example.com/', undefined)).toBe(false);
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', undefined)).toBe(false);
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });

  it('serves IPC only to the main frame of the app page', () => {
    expect(isTrustedSender({ isMainFrame: true, url: 'app://groundwork/index.html' }, undefined)).toBe(true);
    expect(isTrustedSender({ isMainFrame: false, url: 'app://groundwork/index.html' }, undefined)).toBe(false);
    expect(isTrustedSender({ isMainFrame: true, url: 'file:///tmp/evil.html' }, undefined)).toBe(false);
    expect(isTrustedSender({ isMainFrame: true, url: 'app://groundwork.evil/index.html' }, undefined)).toBe(false);
    expect(isTrustedSender({ isMainFrame: true, url: 'http://localhost:5173/' }, 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender({ isMainFrame: true, url: 'http://localhost:5173/' }, undefined)).toBe(false);
  });
});

describe('files the page asks to write', () => {
  it('are named in the main process save dialog, never by the page', () => {
    const ask = saveDialogFor('csv.export', { table: 'hiring' }, '/home/lead/Acme.groundwork');
    expect(ask).toMatchObject({ kind: 'ask', dialog: { defaultPath: '/home/lead/Acme hiring.csv' }, cancelled: { ok: true, value: { path: null } } });
    if (ask.kind === 'ask') expect(ask.withPath('/tmp/h.csv')).toEqual({ table: 'hiring', savePath: '/tmp/h.csv' });
    expect(saveDialogFor('backup.restore', { path: '/x', target: 'new' }, '/a.groundwork').kind).toBe('ask');
    const pdf = saveDialogFor('plan.exportComparison', { scenarioIds: ['a', 'b'] }, '/home/lead/Acme.groundwork');
    expect(pdf.kind === 'ask' ? [pdf.dialog.defaultPath, pdf.dialog.filters[0]?.extensions] : null).toEqual(['/home/lead/Acme scenario comparison.pdf', ['pdf']]);
    expect(saveDialogFor('plan.exportComparison', { scenarioIds: ['a', 'b'], savePath: '/tmp/x.pdf' }, '/a.groundwork').kind).toBe('refuse');
    expect(saveDialogFor('backup.restore', { path: '/x', target: 'current' }, '/a.groundwork').kind).toBe('none');
    expect(saveDialogFor('csv.export', { table: 'hiring', savePath: '/etc/cron.d/x' }, '/a.groundwork').kind).toBe('refuse');
    expect(saveDialogFor('person.create', { savePath: '/x' }, '/a.groundwork').kind).toBe('refuse');
    expect(saveDialogFor('plan.run', {}, '/a.groundwork').kind).toBe('none');
  });
});

describe('files opened from the OS', () => {
  it('finds the workspace a launch names, skipping flags and the executable', () => {
    expect(workspaceFromArgs(['/opt/Groundwork/groundwork', '--no-sandbox', 'Plans/Acme.groundwork'], '/home/lead')).toBe('/home/lead/Plans/Acme.groundwork');
    expect(workspaceFromArgs(['C:\\Groundwork.exe', '/tmp/a.groundwork', '/tmp/b.GROUNDWORK'], '/')).toBe('/tmp/b.GROUNDWORK');
    expect(workspaceFromArgs(['/opt/Groundwork/groundwork', '--inspect=9229', 'notes.txt'], '/')).toBeNull();
  });
});

describe('a workspace that cannot be opened at start', () => {
  it('says what is wrong and offers the newest good backup as a new file', () => {
    const problem = describeStartupProblem({ code: 'corrupt', message: '/x/acme.groundwork is a damaged Groundwork workspace (integrity check: …)' }, { createdAt: '2026-11-27T10:00:00.000Z', capabilities: 31, people: 7 });
    expect(problem.title).toBe('The workspace is damaged');
    expect(problem.detail).toContain('2026-11-27 10:00 UTC (31 capabilities, 7 people)');
    expect(problem.detail).toContain('stays as it is');
    expect(problem.actions).toEqual(['restore-backup', 'open-default', 'quit']);
    expect(describeStartupProblem({ code: 'corrupt', message: 'x' }, null).actions).toEqual(['open-default', 'quit']);
    // File ▸ Open of a damaged file: the open workspace stays unless the backup is restored.
    expect(describeStartupProblem({ code: 'corrupt', message: 'x' }, { createdAt: '2026-11-27T10:00:00.000Z', capabilities: 1, people: 1 }, 'open').buttons).toEqual([
      'Restore the newest backup as a new file',
      'Keep the current workspace',
    ]);
  });
});

describe('packaging', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { build: Record<string, unknown> };
  it('sets the Electron fuses: no RunAsNode, cookie encryption, no NODE_OPTIONS or inspect arguments, the app only from a validated ASAR, no file:// extras', () => {
    expect(pkg.build['asar']).toBe(true);
    expect(pkg.build['electronFuses']).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('electronegativity over src/main and src/preload', () => {
  it('finds nothing of HIGH severity', { timeout: 120_000 }, async () => {
    // One scan over both folders: its global checks (navigation limits, CSP) look at the app as a whole.
    const input = mkdtempSync(join(tmpdir(), 'groundwork-electronegativity-'));
    cpSync('src/main', join(input, 'main'), { recursive: true });
    cpSync('src/preload', join(input, 'preload'), { recursive: true });
    // AvailableSecurityFixesGlobalCheck downloads Electron's release list from GitHub: a test makes
    // no network request (the Electron version is pinned in package.json and reviewed there).
    const result = await run(
      { input, isSarif: false, customScan: [], excludeFromScan: ['AvailableSecurityFixesGlobalCheck'], isRelative: true, isVerbose: false, parserPlugins: [], electronVersionOverride: '43.0.0' },
      false,
    );
    rmSync(input, { recursive: true, force: true });
    const found = result.issues;
    const bySeverity = (name: string) => found.filter((i) => i.severity.name === name).map((i) => `${i.id} ${i.file}:${i.location.line}`);
    console.log(`electronegativity: ${found.length} findings — HIGH ${bySeverity('HIGH').length}, MEDIUM ${bySeverity('MEDIUM').length}, LOW ${bySeverity('LOW').length}, INFORMATIONAL ${bySeverity('INFORMATIONAL').length}`);
    expect(bySeverity('HIGH')).toEqual([]);
  });
});
