// Whether the bundled command line in out/cli/ (scripts/build-cli.mjs) may run: only while every
// source file it was built from is still exactly as it was (size and modification time).
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The bundle's entry file when the bundle in `dir` is up to date, else null (no bundle, an
 * unreadable manifest, or a source file that changed, moved or went away).
 * @param {string} dir
 * @returns {string | null}
 */
export function freshBundle(dir) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  } catch {
    return null;
  }
  if (manifest?.version !== 1 || typeof manifest.entry !== 'string' || !Array.isArray(manifest.inputs) || manifest.inputs.length === 0) return null;
  for (const input of manifest.inputs) {
    try {
      const stat = statSync(resolve(dir, String(input.path)));
      if (stat.size !== input.size || stat.mtimeMs !== input.mtimeMs) return null;
    } catch {
      return null;
    }
  }
  return join(dir, manifest.entry);
}
