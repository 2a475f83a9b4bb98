/**
 * What Groundwork accepts from outside (Workspace JSON, CSV, IPC payloads), documented in
 * docs/limits.md. The numbers are far above what a data team's plan needs (the demo has 30
 * capabilities and 9 people) and low enough that parsing, validating, planning and the PDF of an
 * accepted file stay within seconds and a bounded amount of memory.
 */
export const LIMITS = {
  /**
   * A workspace file, in bytes. A large workspace holds a few megabytes; opening reads the whole
   * file into memory once (to check it without touching it), so a 3 GiB file is refused, not read.
   */
  workspaceFileBytes: 512 * 1024 * 1024,
  /** A Workspace JSON file, in bytes: checked on the file's size before it is read. */
  workspaceJsonBytes: 32 * 1024 * 1024,
  /** A CSV file to import, in bytes. */
  csvBytes: 8 * 1024 * 1024,
  /** Nesting of arrays and objects (Workspace JSON needs 4). */
  depth: 16,
  /** Any one string, in UTF-16 code units (a long note). */
  stringChars: 20_000,
  /** Ids, names, titles, statuses, dates: the values of the keys in SHORT_KEYS. */
  shortStringChars: 500,
  /** An object key. */
  keyChars: 500,
  /** Keys of one object (a work item's demand, a scenario's salaries). */
  objectKeys: 1_000,
  /** Items of a list that is not one of ROWS (a role's prerequisites, an item's predecessors). */
  listItems: 1_000,
  /** Largest magnitude of any number (a salary, a budget): keeps sums exact in doubles. */
  number: 1e12,
  /** Data rows of one CSV file, and its columns. */
  csvRows: 5_000,
  csvColumns: 60,
} as const;

/**
 * Rows per collection of a workspace (Workspace JSON lists, and a workspace after a CSV import).
 * Capabilities and work items are what the planner's time grows with: with 500 capabilities
 * beyond the catalog a plan takes about 4 s on a 2-core machine, with 1,000 about 30 s.
 */
export const ROWS: Readonly<Record<string, number>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, number>, {
    capabilities: 600,
    roles: 200,
    people: 5_000,
    workItems: 2_000,
    scenarios: 100,
    history: 200_000,
    baselines: 100,
  }),
);

/** Keys whose values are short by nature: ids, names, references, statuses, dates. */
const SHORT_KEYS = new Set([
  'id',
  'name',
  'title',
  'roleId',
  'capabilityId',
  'entityId',
  'kind',
  'layer',
  'status',
  'entity',
  'field',
  'format',
  'targetLayer',
  'startDate',
  'endDate',
  'targetDate',
  'releaseDate',
  'pinnedStart',
  'at',
  'exportedAt',
  'owner',
]);

/** Keys whose values are ids, or references to them. */
const ID_KEYS = new Set(['id', 'roleId', 'capabilityId', 'entityId']);

/**
 * Keys that would reach an object's prototype when copied into a plain object by a validator or a
 * spread (`__proto__`), or shadow what code expects of every object. Refused everywhere.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A value quoted for a message: at most `max` characters, with its full length when cut. */
export function quoteForMessage(value: unknown, max = 60): string {
  const isString = typeof value === 'string';
  let text: string;
  try {
    text = isString ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = Object.prototype.toString.call(value);
  }
  if (text.length <= max) return isString ? JSON.stringify(text) : text;
  const head = isString ? JSON.stringify(text.slice(0, max)) : text.slice(0, max);
  return `${head}… (${text.length.toLocaleString('en-US')} characters)`;
}

/** The index of the first unpaired UTF-16 surrogate in `text`, or -1. */
export function loneSurrogateAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}

function lineOf(text: string, index: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${index - lineStart + 1}`;
}

/**
 * Checks JSON text BEFORE it is parsed, in one pass and without building anything: its length,
 * how deeply it nests and how long its strings are. A document nested 100,000 deep or holding a
 * 10 MB name is refused here, with where it happens, instead of being parsed whole first.
 * Returns the problem, or null.
 */
export function scanJsonText(text: string, maxChars: number = LIMITS.workspaceJsonBytes): string | null {
  if (text.length > maxChars) {
    return `the document is ${text.length.toLocaleString('en-US')} characters long; at most ${maxChars.toLocaleString('en-US')} are accepted`;
  }
  let depth = 0;
  let inString = false;
  let stringStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      else if (i - stringStart > LIMITS.stringChars * 6) {
        // Six source characters per character at most (\uXXXX escapes), so this is over the limit for sure.
        return `a string at ${lineOf(text, stringStart)} is longer than ${LIMITS.stringChars.toLocaleString('en-US')} characters`;
      }
      continue;
    }
    if (c === 34) {
      inString = true;
      stringStart = i;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth++;
      if (depth > LIMITS.depth) return `nested more than ${LIMITS.depth} levels deep at ${lineOf(text, i)}`;
    } else if (c === 93 || c === 125) {
      depth--;
    }
  }
  return null;
}

export interface ValueCheckOptions {
  /** Row limits by the name of the list's key (default ROWS); other lists get LIMITS.listItems. */
  readonly rows?: Readonly<Record<string, number>>;
  /** How many problems to collect before stopping (default 10). */
  readonly maxProblems?: number;
}

/** `people[3].name` from a path. */
function pathText(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return out || '(document)';
}

/**
 * Checks a parsed value from outside before any validator copies it: no reserved key
 * (`__proto__`, `constructor`, `prototype`), only finite numbers within ±LIMITS.number, no
 * string with a lone surrogate (SQLite would store U+FFFD instead, so the data would change),
 * strings, keys, lists and nesting within LIMITS and ROWS. Iterative, so no input can overflow
 * the stack. Returns `path: problem` lines (empty when the value is fine). Values are never
 * quoted whole.
 */
export function checkUntrustedValue(value: unknown, options: ValueCheckOptions = {}): string[] {
  const rows = options.rows ?? ROWS;
  const maxProblems = options.maxProblems ?? 10;
  const problems: string[] = [];
  const stack: { value: unknown; path: (string | number)[]; key: string | null }[] = [{ value, path: [], key: null }];
  while (stack.length > 0 && problems.length < maxProblems) {
    const { value: current, path, key } = stack.pop() as (typeof stack)[number];
    if (path.length > LIMITS.depth + 1) {
      problems.push(`${pathText(path)}: nested more than ${LIMITS.depth} levels deep`);
      continue;
    }
    if (typeof current === 'string') {
      const max = key !== null && SHORT_KEYS.has(key) ? LIMITS.shortStringChars : LIMITS.stringChars;
      if (current.length > max) {
        problems.push(`${pathText(path)}: ${current.length.toLocaleString('en-US')} characters long; at most ${max.toLocaleString('en-US')} are accepted`);
        continue;
      }
      if (key !== null && ID_KEYS.has(key) && RESERVED_KEYS.has(current)) {
        problems.push(`${pathText(path)}: "${current}" is not allowed as an id`);
        continue;
      }
      const lone = loneSurrogateAt(current);
      if (lone >= 0) {
        problems.push(
          `${pathText(path)}: not valid Unicode text (a lone surrogate U+${current.charCodeAt(lone).toString(16).toUpperCase()} at character ${lone + 1})`,
        );
      }
      continue;
    }
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) problems.push(`${pathText(path)}: must be a finite number`);
      else if (Math.abs(current) > LIMITS.number) problems.push(`${pathText(path)}: must be between −${LIMITS.number.toExponential()} and ${LIMITS.number.toExponential()}`);
      continue;
    }
    if (typeof current === 'bigint' || typeof current === 'function' || typeof current === 'symbol') {
      problems.push(`${pathText(path)}: not a JSON value`);
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      const limit = key !== null && Object.hasOwn(rows, key) ? (rows[key] as number) : LIMITS.listItems;
      if (current.length > limit) {
        problems.push(`${pathText(path)}: ${current.length.toLocaleString('en-US')} entries; at most ${limit.toLocaleString('en-US')} are accepted`);
        continue;
      }
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: [...path, i], key: null });
      continue;
    }
    const keys = Object.keys(current);
    // JSON.parse makes `__proto__` an own key; Object.keys lists it.
    if (keys.length > LIMITS.objectKeys) {
      problems.push(`${pathText(path)}: ${keys.length.toLocaleString('en-US')} keys; at most ${LIMITS.objectKeys.toLocaleString('en-US')} are accepted`);
      continue;
    }
    for (let k = keys.length - 1; k >= 0; k--) {
      const name = keys[k] as string;
      if (RESERVED_KEYS.has(name)) {
        problems.push(`${pathText(path)}: the key "${name}" is not allowed`);
        continue;
      }
      if (name.length > LIMITS.keyChars) {
        problems.push(`${pathText(path)}: a key ${name.length.toLocaleString('en-US')} characters long; at most ${LIMITS.keyChars} are accepted`);
        continue;
      }
      if (loneSurrogateAt(name) >= 0) {
        problems.push(`${pathText(path)}: a key that is not valid Unicode text (a lone surrogate)`);
        continue;
      }
      stack.push({ value: (current as Record<string, unknown>)[name], path: [...path, name], key: name });
    }
  }
  return problems;
}

/** A copy of a string-keyed record without a prototype, so that no id ("constructor", "toString") finds an inherited value. */
export function recordWithoutPrototype<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) out[key] = value;
  return out;
}

/**
 * The dates Groundwork plans with: 1900-01-01 to 2199-12-31. Week and quarter arithmetic over
 * wider spans (year 1, year 9999) builds plans and reports of hundreds of thousands of weeks.
 */
export const DATE_RANGE = { earliest: '1900-01-01', latest: '2199-12-31' } as const;

/** True for a `YYYY-MM-DD` string within DATE_RANGE (callers check it is a real calendar date). */
export function isDateInRange(date: string): boolean {
  return date >= DATE_RANGE.earliest && date <= DATE_RANGE.latest;
}

/**
 * True for an ISO-8601 UTC timestamp whose every part is real (`2026-13-45T99:99:99Z` is not):
 * `YYYY-MM-DDTHH:MM:SS[.fff…]Z`, within DATE_RANGE.
 */
export function isRealTimestamp(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (hour > 23 || minute > 59 || second > 59) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && isDateInRange(text.slice(0, 10));
}
