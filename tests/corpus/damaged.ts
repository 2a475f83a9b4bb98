import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, mkdirSync, openSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildDemoOrganisation } from '../../src/core/domain/demo';
import { openWorkspace, type WorkspaceErrorCode } from '../../src/storage';

/**
 * Damaged and odd files, as a crash, a bad disk, a careless copy or an attacker would leave them.
 * Each case makes its file in `dir` and returns its path; `expect` is what opening it must give:
 * a WorkspaceError code, 'opens' (a harmless change SQLite tolerates, or a file that is fine),
 * or 'either' (a random flip that may or may not hit something SQLite checks).
 */
export interface DamagedCase {
  readonly name: string;
  readonly make: (dir: string, base: string) => string;
  readonly expect: WorkspaceErrorCode | 'opens' | 'either';
  /** Only meaningful for a user who is not root (root reads and writes any file). */
  readonly needsNonRoot?: boolean;
}

/** A seeded random number generator (mulberry32), so every run builds the same corpus. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The demo organisation with work items and notes: a workspace of several pages. */
export function makeBaseWorkspace(file: string, migrationsDir: string): void {
  const ws = openWorkspace(file, { migrationsDir, now: () => new Date('2026-11-27T12:00:00Z') });
  ws.seed(buildDemoOrganisation('2026-11-27'));
  for (let i = 0; i < 40; i++) ws.createWorkItem({ title: `Work item ${i} ${'·'.repeat(200)}`, durationWeeks: 2 + (i % 5), notes: 'n'.repeat(300) });
  ws.close();
}

function copy(base: string, dir: string, name: string): string {
  const file = join(dir, `${name}.groundwork`);
  copyFileSync(base, file);
  return file;
}

function patch(file: string, offset: number, bytes: number[]): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.from(bytes), 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

function flipBit(file: string, offset: number, bit: number): void {
  const byte = readFileSync(file)[offset] as number;
  patch(file, offset, [byte ^ (1 << bit)]);
}

/** A copy whose last commits sit in a -wal beside it (as after a crash of the app). */
function withWal(base: string, dir: string, name: string, keepShm: boolean): string {
  const file = copy(base, dir, name);
  const writer = new Database(file);
  writer.pragma('journal_mode = WAL');
  writer.pragma('wal_autocheckpoint = 0');
  writer.prepare("INSERT INTO meta (key, value) VALUES ('organisation_name', 'After the crash') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run();
  // Keep the -wal: copy the three files while the writer still has them open, like a crash would leave them.
  const crashed = join(dir, `${name}-crashed.groundwork`);
  copyFileSync(file, crashed);
  copyFileSync(`${file}-wal`, `${crashed}-wal`);
  if (keepShm) copyFileSync(`${file}-shm`, `${crashed}-shm`);
  writer.close();
  return crashed;
}

export function damagedCorpus(): DamagedCase[] {
  const cases: DamagedCase[] = [];
  const random = seeded(13);
  // Truncations at random offsets (and at exact page boundaries).
  for (let i = 0; i < 10; i++) {
    const fraction = random();
    cases.push({
      name: `truncated-${i}`,
      expect: 'either',
      make: (dir, base) => {
        const file = copy(base, dir, `truncated-${i}`);
        const size = statSync(file).size;
        truncateSync(file, Math.max(1, Math.floor(size * fraction * 0.95)));
        return file;
      },
    });
  }
  cases.push({ name: 'truncated-to-header', expect: 'corrupt', make: (dir, base) => (truncateSync(copy(base, dir, 'to-header'), 100), join(dir, 'to-header.groundwork')) });
  cases.push({ name: 'truncated-inside-header', expect: 'corrupt', make: (dir, base) => (truncateSync(copy(base, dir, 'in-header'), 40), join(dir, 'in-header.groundwork')) });
  // Header fields (https://www.sqlite.org/fileformat.html).
  const headerEdits: [string, number, number[], DamagedCase['expect']][] = [
    ['page-size-3', 16, [0, 3], 'corrupt'],
    ['page-size-0', 16, [0, 0], 'corrupt'],
    ['write-version-3', 18, [3], 'corrupt'],
    ['read-version-9', 19, [9], 'corrupt'],
    ['payload-fraction', 21, [99], 'corrupt'],
    ['schema-format-99', 44, [0, 0, 0, 99], 'corrupt'],
    ['text-encoding-7', 56, [0, 0, 0, 7], 'corrupt'],
    ['page-count-huge', 28, [0x7f, 0xff, 0xff, 0xff], 'either'],
    ['user-version-99', 60, [0, 0, 0, 99], 'newer-schema'],
    ['application-id-other', 68, [0x12, 0x34, 0x56, 0x78], 'foreign-database'],
    ['reserved-bytes', 72, [1, 2, 3, 4], 'either'],
    ['freelist-trunk-garbage', 32, [0x00, 0x0f, 0xff, 0xff], 'either'],
  ];
  for (const [name, offset, bytes, expect] of headerEdits) {
    cases.push({ name: `header-${name}`, expect, make: (dir, base) => (patch(copy(base, dir, name), offset, bytes), join(dir, `${name}.groundwork`)) });
  }
  // Random bit flips in the header and in the pages.
  for (let i = 0; i < 8; i++) {
    const offset = Math.floor(random() * 100);
    const bit = Math.floor(random() * 8);
    cases.push({ name: `header-bit-${offset}-${bit}`, expect: 'either', make: (dir, base) => (flipBit(copy(base, dir, `hbit-${i}`), offset, bit), join(dir, `hbit-${i}.groundwork`)) });
  }
  for (let i = 0; i < 12; i++) {
    const where = random();
    const bit = Math.floor(random() * 8);
    cases.push({
      name: `page-bit-${i}`,
      expect: 'either',
      make: (dir, base) => {
        const file = copy(base, dir, `pbit-${i}`);
        const size = statSync(file).size;
        flipBit(file, 100 + Math.floor(where * (size - 100)), bit);
        return file;
      },
    });
  }
  for (let i = 0; i < 4; i++) {
    cases.push({
      name: `page-garbage-${i}`,
      expect: 'either',
      make: (dir, base) => {
        const file = copy(base, dir, `pgarbage-${i}`);
        const pages = statSync(file).size / 4096;
        const page = 1 + ((i * 7) % (pages - 1));
        const rnd = seeded(100 + i);
        patch(file, page * 4096, Array.from({ length: 4096 }, () => Math.floor(rnd() * 256)));
        return file;
      },
    });
  }
  // Not files, or not ours.
  cases.push({ name: 'zero-length', expect: 'opens', make: (dir) => (writeFileSync(join(dir, 'zero.groundwork'), ''), join(dir, 'zero.groundwork')) });
  cases.push({ name: 'directory', expect: 'not-a-workspace', make: (dir) => (mkdirSync(join(dir, 'folder.groundwork')), join(dir, 'folder.groundwork')) });
  cases.push({
    name: 'fifo',
    expect: 'not-a-workspace',
    make: (dir) => {
      const file = join(dir, 'pipe.groundwork');
      execFileSync('mkfifo', [file]);
      return file;
    },
  });
  cases.push({
    name: 'symlink-loop',
    expect: 'not-a-workspace',
    make: (dir) => {
      symlinkSync(join(dir, 'loop-b.groundwork'), join(dir, 'loop-a.groundwork'));
      symlinkSync(join(dir, 'loop-a.groundwork'), join(dir, 'loop-b.groundwork'));
      return join(dir, 'loop-a.groundwork');
    },
  });
  cases.push({ name: 'dangling-symlink', expect: 'not-a-workspace', make: (dir) => (symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling.groundwork')), join(dir, 'dangling.groundwork')) });
  cases.push({ name: 'random-bytes', expect: 'not-a-workspace', make: (dir) => (writeFileSync(join(dir, 'random.groundwork'), Buffer.from(Array.from({ length: 9000 }, (_, i) => (i * 7919) % 256))), join(dir, 'random.groundwork')) });
  cases.push({ name: 'text-file', expect: 'not-a-workspace', make: (dir) => (writeFileSync(join(dir, 'text.groundwork'), 'Q1 plan\n- hire\n'), join(dir, 'text.groundwork')) });
  cases.push({ name: 'magic-only', expect: 'corrupt', make: (dir) => (writeFileSync(join(dir, 'magic.groundwork'), 'SQLite format 3\0'), join(dir, 'magic.groundwork')) });
  cases.push({
    name: 'foreign-sqlite',
    expect: 'foreign-database',
    make: (dir) => {
      const file = join(dir, 'foreign.groundwork');
      const db = new Database(file);
      db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x')");
      db.close();
      return file;
    },
  });
  cases.push({
    name: 'future-schema',
    expect: 'newer-schema',
    make: (dir, base) => {
      const file = copy(base, dir, 'future');
      const db = new Database(file);
      db.pragma('user_version = 42');
      db.close();
      return file;
    },
  });
  cases.push({
    name: 'our-id-missing-tables',
    expect: 'corrupt',
    make: (dir, base) => {
      const file = copy(base, dir, 'missing-tables');
      const db = new Database(file);
      db.exec('DROP TABLE history');
      db.close();
      return file;
    },
  });
  cases.push({
    name: 'our-id-no-tables',
    expect: 'corrupt',
    make: (dir) => {
      const file = join(dir, 'no-tables.groundwork');
      const db = new Database(file);
      db.pragma('application_id = 1196905035');
      db.pragma('user_version = 2');
      db.close();
      return file;
    },
  });
  cases.push({
    name: 'role-with-bad-json',
    expect: 'corrupt',
    make: (dir, base) => {
      const file = copy(base, dir, 'bad-json');
      const db = new Database(file);
      db.pragma('ignore_check_constraints = ON');
      db.prepare("UPDATE roles SET prerequisites = '[{\"kind\":\"nonsense\"}]' WHERE rowid = (SELECT min(rowid) FROM roles)").run();
      db.close();
      return file;
    },
  });
  cases.push({
    name: 'work-item-with-bad-demand',
    expect: 'corrupt',
    make: (dir, base) => {
      const file = copy(base, dir, 'bad-demand');
      const db = new Database(file);
      db.pragma('ignore_check_constraints = ON');
      db.prepare(`UPDATE work_items SET demand = '{"data-engineer":"lots"}' WHERE rowid = (SELECT min(rowid) FROM work_items)`).run();
      db.close();
      return file;
    },
  });
  // Side files: journals and WALs, as crashes and careless copies leave them.
  cases.push({
    name: 'garbage-journal',
    expect: 'either',
    make: (dir, base) => {
      const file = copy(base, dir, 'garbage-journal');
      writeFileSync(`${file}-journal`, Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 31) % 256)));
      return file;
    },
  });
  cases.push({
    name: 'empty-journal',
    expect: 'opens',
    make: (dir, base) => {
      const file = copy(base, dir, 'empty-journal');
      writeFileSync(`${file}-journal`, '');
      return file;
    },
  });
  cases.push({
    name: 'hot-journal',
    expect: 'opens',
    make: (dir, base) => {
      // A rollback-mode copy with a transaction in flight: copy the database and its journal mid-write.
      const file = copy(base, dir, 'hot-source');
      const db = new Database(file);
      db.pragma('journal_mode = DELETE');
      db.pragma('cache_size = 1');
      db.exec('BEGIN');
      db.prepare("UPDATE capabilities SET notes = ? ").run('x'.repeat(3000));
      const hot = join(dir, 'hot.groundwork');
      copyFileSync(file, hot);
      copyFileSync(`${file}-journal`, `${hot}-journal`);
      db.exec('ROLLBACK');
      db.close();
      return hot;
    },
  });
  cases.push({ name: 'wal-with-shm', expect: 'opens', make: (dir, base) => withWal(base, dir, 'wal-shm', true) });
  cases.push({ name: 'wal-without-shm', expect: 'opens', make: (dir, base) => withWal(base, dir, 'wal-noshm', false) });
  cases.push({
    name: 'garbage-wal',
    expect: 'either',
    make: (dir, base) => {
      const file = copy(base, dir, 'garbage-wal');
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.close();
      writeFileSync(`${file}-wal`, Buffer.from(Array.from({ length: 8000 }, (_, i) => (i * 131) % 256)));
      return file;
    },
  });
  cases.push({
    name: 'empty-wal-wal-mode',
    expect: 'opens',
    make: (dir, base) => {
      const file = copy(base, dir, 'empty-wal');
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.close();
      writeFileSync(`${file}-wal`, '');
      return file;
    },
  });
  cases.push({
    name: 'empty-journal-wal-mode',
    expect: 'opens',
    make: (dir, base) => {
      const file = copy(base, dir, 'empty-journal-wal');
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.close();
      writeFileSync(`${file}-journal`, '');
      return file;
    },
  });
  cases.push({
    name: 'huge-sparse-3GiB',
    expect: 'too-large',
    make: (dir, base) => {
      const file = copy(base, dir, 'huge');
      truncateSync(file, 3 * 1024 ** 3);
      return file;
    },
  });
  cases.push({
    name: 'read-only-file',
    expect: 'opens',
    make: (dir, base) => {
      const file = copy(base, dir, 'read-only');
      chmodSync(file, 0o444);
      return file;
    },
  });
  cases.push({
    name: 'unreadable-mode-000',
    expect: 'unreadable',
    needsNonRoot: true,
    make: (dir, base) => {
      const file = copy(base, dir, 'mode-000');
      chmodSync(file, 0o000);
      return file;
    },
  });
  cases.push({
    name: 'read-only-folder-with-wal',
    expect: 'opens',
    make: (dir, base) => {
      const folder = join(dir, 'ro-folder');
      mkdirSync(folder);
      const crashed = withWal(base, folder, 'ro', false);
      chmodSync(crashed, 0o444);
      chmodSync(`${crashed}-wal`, 0o444);
      chmodSync(folder, 0o555);
      return crashed;
    },
  });
  return cases;
}
