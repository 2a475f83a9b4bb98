#!/usr/bin/env node
// Builds better-sqlite3 for Electron into native/electron/, leaving node_modules' Node build (used by
// the tests and the CLI) alone. The app loads it through better-sqlite3's `nativeBinding` option.
//
//   node scripts/electron-native.mjs ensure   build only when missing or stale (npm start runs this)
//   node scripts/electron-native.mjs build    always rebuild
//   node scripts/electron-native.mjs check    print which ABI each binary was built for
//
// Trap avoided here: an npm config with `nodedir=/usr` makes electron-rebuild and node-gyp build
// against the system Node's headers while reporting success. The variable is removed from the
// build's environment and the result is checked: the binary must register the module for
// Electron's ABI (node_register_module_v<ABI>), or the script fails.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const outDir = join(root, 'native', 'electron');
const outFile = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'stamp.json');
const workDir = join(root, 'native', '.build', 'better-sqlite3');

function fail(message) {
  console.error(`electron-native: ${message}`);
  process.exit(1);
}

function versions() {
  const electron = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const betterSqlite3 = JSON.parse(readFileSync(require.resolve('better-sqlite3/package.json'), 'utf8')).version;
  return { electron, betterSqlite3, platform: process.platform, arch: process.arch };
}

/** The module ABI a compiled addon registers itself for, read from the binary. */
function registeredAbi(file) {
  const match = /node_register_module_v(\d+)/.exec(readFileSync(file).toString('latin1'));
  return match ? Number(match[1]) : undefined;
}

function electronAbi(electronVersion) {
  try {
    return Number(require('node-abi').getAbi(electronVersion, 'electron'));
  } catch {
    const header = join(process.env.HOME ?? '', '.electron-gyp', electronVersion, 'include', 'node', 'node_version.h');
    if (existsSync(header)) {
      const match = /#define NODE_MODULE_VERSION (\d+)/.exec(readFileSync(header, 'utf8'));
      if (match) return Number(match[1]);
    }
    return undefined;
  }
}

/** The environment for the build, without the npm settings that redirect it to the system Node. */
function buildEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(key)) delete env[key];
  }
  return env;
}

function run(command, args, cwd) {
  console.log(`> ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd, env: buildEnv(), stdio: 'inherit' });
  return result.status === 0;
}

function build() {
  const v = versions();
  console.log(`Building better-sqlite3 ${v.betterSqlite3} for Electron ${v.electron} (${v.platform}-${v.arch})`);
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(dirname(workDir), { recursive: true });
  cpSync(dirname(require.resolve('better-sqlite3/package.json')), workDir, {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
  });

  // A prebuilt binary for this Electron when one is published (no compiler needed), else compile.
  const prebuild = join(dirname(require.resolve('prebuild-install/package.json')), 'bin.js');
  const common = [`--runtime=electron`, `--target=${v.electron}`, `--arch=${v.arch}`];
  const fetched = run(process.execPath, [prebuild, ...common, `--platform=${v.platform}`, '--verbose'], workDir);
  if (!fetched) {
    const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
    const ok = run(process.execPath, [nodeGyp, 'rebuild', '--release', ...common, '--dist-url=https://electronjs.org/headers'], workDir);
    if (!ok) fail('could not build better-sqlite3 for Electron (see the output above; it needs Electron headers from the internet and a C++ toolchain)');
  }

  const built = join(workDir, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) fail(`the build produced no ${built}`);
  const want = electronAbi(v.electron);
  const got = registeredAbi(built);
  if (want === undefined) fail(`cannot tell Electron ${v.electron}'s module ABI (update node-abi)`);
  if (got !== want) {
    fail(`the binary registers ABI ${got ?? 'unknown'} but Electron ${v.electron} needs ${want}: it was built for the wrong runtime (is nodedir set in your npm config?)`);
  }
  mkdirSync(outDir, { recursive: true });
  cpSync(built, outFile);
  writeFileSync(stampFile, `${JSON.stringify({ ...v, abi: got }, null, 2)}\n`);
  rmSync(join(root, 'native', '.build'), { recursive: true, force: true });
  console.log(`Wrote ${outFile} (ABI ${got}).`);
}

function upToDate() {
  if (!existsSync(outFile) || !existsSync(stampFile)) return false;
  const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  const v = versions();
  return Object.entries(v).every(([key, value]) => stamp[key] === value);
}

function check() {
  const nodeBuild = require.resolve('better-sqlite3/build/Release/better_sqlite3.node');
  console.log(`node_modules build: ABI ${registeredAbi(nodeBuild) ?? 'unknown'} (this Node: ${process.versions.modules})`);
  if (existsSync(outFile)) {
    console.log(`Electron build:     ABI ${registeredAbi(outFile) ?? 'unknown'} (Electron ${versions().electron} needs ${electronAbi(versions().electron) ?? 'unknown'})`);
  } else {
    console.log(`Electron build:     missing (${outFile})`);
  }
}

const command = process.argv[2];
if (command === 'ensure') {
  if (upToDate()) console.log('better-sqlite3 for Electron is up to date.');
  else build();
} else if (command === 'build') {
  build();
} else if (command === 'check') {
  check();
} else {
  fail('usage: node scripts/electron-native.mjs ensure|build|check');
}
