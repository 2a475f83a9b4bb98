import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/** What the app remembers between runs: window placement and recent workspaces. */
const settingsSchema = z.object({
  window: z
    .object({
      x: z.int().optional(),
      y: z.int().optional(),
      width: z.int().min(400).max(20000),
      height: z.int().min(300).max(20000),
      maximized: z.boolean().default(false),
    })
    .optional(),
  lastWorkspace: z.string().optional(),
  recent: z.array(z.string()).max(20).default([]),
});
export type Settings = z.infer<typeof settingsSchema>;

const RECENT_LIMIT = 10;

/**
 * Reads the settings file; a missing or damaged file gives the defaults rather than stopping the
 * app (settings are a convenience, the workspace is the data).
 */
export function loadSettings(file: string): Settings {
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
    console.warn(`ignoring settings in ${file}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  } catch {
    // No settings yet.
  }
  return { recent: [] };
}

/** Written to a temporary file and renamed, so a crash never leaves half a settings file. */
export function saveSettings(file: string, settings: Settings): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(settings, null, 2));
  renameSync(tmp, file);
}

export function withRecent(settings: Settings, path: string): Settings {
  const recent = [path, ...settings.recent.filter((p) => p !== path)].slice(0, RECENT_LIMIT);
  return { ...settings, recent, lastWorkspace: path };
}
