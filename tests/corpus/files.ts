import { createHash } from 'node:crypto';
import { closeSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a folder holds, to compare before and after a command: every entry's kind and size, and
 * a hash of each regular file (of its first and last MiB for files over 64 MiB, such as the
 * sparse 3 GiB case). Does not follow symbolic links and never opens a FIFO.
 */
export function folderState(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const stat = lstatSync(path);
      const key = `${prefix}${name}`;
      if (stat.isDirectory()) {
        out[key] = 'dir';
        try {
          walk(path, `${key}/`);
        } catch {
          // An unreadable folder: its listing is not ours to check.
        }
      } else if (stat.isFile()) out[key] = `file ${stat.size} ${hashFile(path, stat.size)}`;
      else out[key] = stat.isSymbolicLink() ? 'symlink' : 'special';
    }
  };
  walk(dir, '');
  return out;
}

function hashFile(path: string, size: number): string {
  const hash = createHash('sha256');
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return 'unreadable';
  }
  try {
    const chunk = Buffer.alloc(1024 * 1024);
    const ranges = size > 64 * 1024 * 1024 ? [0, size - chunk.length] : Array.from({ length: Math.ceil(size / chunk.length) }, (_, i) => i * chunk.length);
    for (const start of ranges) {
      const n = readSync(fd, chunk, 0, chunk.length, start);
      hash.update(chunk.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex').slice(0, 16);
}
