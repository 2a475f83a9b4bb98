import { buildDemoOrganisation } from '../../src/core/domain/demo';
import type { WorkspaceJson } from '../../src/core/workspace-json';
import { exportWorkspaceJson, openWorkspace } from '../../src/storage';

/**
 * Hostile and unlucky input documents for the Workspace JSON and CSV imports: wrong types, huge
 * strings, deep nesting, `__proto__` keys, non-finite numbers, 100,000 rows, Unicode edge cases,
 * markup and formula payloads. `expect`: 'accept' (valid data that must import unchanged and
 * render as text), 'refuse' (a typed error; nothing written) or 'either'.
 */
export interface HostileDocument {
  readonly name: string;
  readonly kind: 'json' | 'csv-people' | 'csv-capabilities';
  readonly bytes: () => Buffer;
  readonly expect: 'accept' | 'refuse' | 'either';
}

/** Names that are valid data but dangerous if rendered as markup, run as a formula or printed raw. */
export const PAYLOAD_NAMES = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '"><svg onload="window.__pwned=3">',
  'javascript:window.__pwned=4',
  '=HYPERLINK("http://example.invalid","click")',
  '+SUM(1,2)',
  '@cmd',
  "'; DROP TABLE people; --",
  '{{7*7}} ${7*7}',
  'Zoë ‮dlrow olleh‬ and אבג',
  '👩🏽‍💻 Data 👨‍👩‍👧',
  'Z̵̡̢͇̮a̸̡̛l̶g̴o̷',
  '\u001b[2J\u001b]52;c;cHduZWQ=\u0007cleared',
  'tab\tand\u000bvertical',
  '\u200b\ufeffzero width',
] as const;

export const PAYLOAD_ROLE_IDS = ['toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'] as const;

/** A valid document: the demo organisation with work items, a second scenario and history. */
export function baseDocument(migrationsDir: string, file: string): WorkspaceJson {
  const ws = openWorkspace(file, { migrationsDir, now: () => new Date('2026-11-27T12:00:00Z') });
  try {
    ws.seed(buildDemoOrganisation('2026-11-27'));
    ws.createWorkItem({ id: 'wi-a', title: 'Orchestrate the loads', capabilityId: 'orchestration', fromMaturity: 0, toMaturity: 2, durationWeeks: 6, demand: { 'data-engineer': 1 }, status: 'planned' });
    ws.createWorkItem({ id: 'wi-b', title: 'Quality tests', durationWeeks: 3, predecessors: ['wi-a'], status: 'proposed' });
    ws.createScenario({
      id: 'lean',
      name: 'Lean',
      startDate: '2027-04-01',
      horizonQuarters: 6,
      targetLayer: 'aggregate_label',
      targetDate: '2028-06-30',
      hiringBudgetPerQuarter: 150000,
      maxHiresPerQuarter: 1,
      gateThreshold: 0.6,
      leadTimeWeeks: 12,
      rampUpWeeks: 6,
      salaries: { 'data-engineer': 125000 },
    });
    return structuredClone(exportWorkspaceJson(ws, new Date('2026-11-27T12:00:00Z')));
  } finally {
    ws.close();
  }
}

type Json = Record<string, unknown>;
const json = (value: unknown) => () => Buffer.from(JSON.stringify(value));
const text = (value: string) => () => Buffer.from(value, 'utf8');

function edit(base: WorkspaceJson, change: (doc: Json & { [key: string]: unknown }) => void): () => Buffer {
  return () => {
    const doc = structuredClone(base) as unknown as Json;
    change(doc);
    return Buffer.from(JSON.stringify(doc));
  };
}

const list = (doc: Json, key: string) => doc[key] as Json[];

/** A document with the payload names in every text field a screen, the PDF or the CLI shows. */
export function payloadDocument(base: WorkspaceJson): WorkspaceJson {
  const doc = structuredClone(base) as unknown as Json;
  const capabilities = list(doc, 'capabilities');
  PAYLOAD_NAMES.forEach((name, i) => {
    const capability = capabilities[i % capabilities.length] as Json;
    capability['name'] = `${name} #${i}`;
    capability['notes'] = name;
    capability['owner'] = name.slice(0, 100);
  });
  const people = list(doc, 'people');
  PAYLOAD_NAMES.forEach((name, i) => {
    const person = people[i % people.length] as Json;
    person['name'] = `${name} (${i})`;
  });
  // Roles whose ids are names of Object.prototype members, demanded and paid.
  const roles = list(doc, 'roles');
  const scenarios = list(doc, 'scenarios');
  const salaries = (scenarios[0] as Json)['salaries'] as Json;
  PAYLOAD_ROLE_IDS.forEach((id, i) => {
    roles.push({ id, name: `Role ${id} ${PAYLOAD_NAMES[i % PAYLOAD_NAMES.length]}`, description: '<b>bold?</b>', builds: ['collect'], prerequisites: [], needsFoundations: false, fromCatalog: false });
    salaries[id] = 1000 + i;
  });
  const items = list(doc, 'workItems');
  items.push({
    ...(items[1] as Json),
    id: 'wi-payload',
    title: PAYLOAD_NAMES[1],
    capabilityId: null,
    fromMaturity: null,
    toMaturity: null,
    durationWeeks: 2,
    demand: Object.fromEntries(PAYLOAD_ROLE_IDS.slice(1).map((id) => [id, 1])),
    predecessors: [],
    status: 'planned',
    notes: PAYLOAD_NAMES.join('\n'),
  });
  (doc['organisation'] as Json)['name'] = PAYLOAD_NAMES[0];
  return doc as unknown as WorkspaceJson;
}

const WRONG_VALUES: readonly unknown[] = [null, 42, 'text', [], {}, true, -1, 1.5, '2026-13-45'];

export function hostileJsonDocuments(base: WorkspaceJson): HostileDocument[] {
  const docs: HostileDocument[] = [];
  const add = (name: string, bytes: () => Buffer, expect: HostileDocument['expect']) => docs.push({ name, kind: 'json', bytes, expect });

  // Wrong types and values, field by field of every kind of entity.
  const collections = ['capabilities', 'roles', 'people', 'workItems', 'scenarios', 'history'] as const;
  for (const collection of collections) {
    const first = (base[collection] as readonly Json[])[0];
    if (!first) continue;
    Object.keys(first).forEach((key, k) => {
      for (let v = 0; v < 3; v++) {
        const value = WRONG_VALUES[(k + v * 4 + collection.length) % WRONG_VALUES.length];
        add(`${collection}[0].${key} = ${JSON.stringify(value)}`, edit(base, (doc) => ((list(doc, collection)[0] as Json)[key] = value)), 'either');
      }
    });
  }
  // Shapes of the whole document.
  for (const [name, value] of [
    ['empty object', {}],
    ['array', []],
    ['string', 'groundwork'],
    ['null', null],
    ['number', 1],
    ['format wrong', { ...base, format: 'groundwork' }],
    ['version 99', { ...base, version: 99 }],
    ['version "1"', { ...base, version: '1' }],
    ['version 1e999 as text', { ...base, version: 'Infinity' }],
    ['unknown top key', { ...base, extra: 1 }],
  ] as const) {
    add(`document ${name}`, json(value), 'refuse');
  }
  for (const [name, body] of [
    ['not JSON', '{"format": '],
    ['NaN literal', '{"a": NaN}'],
    ['Infinity literal', '{"a": Infinity}'],
    ['trailing comma', '{"a": 1,}'],
    ['only BOM', '\ufeff'],
    ['empty', ''],
    ['binary', '\u0000\u0001\u0002\u00ff'],
    ['comment', '// hello\n{}'],
  ] as const) {
    add(`text ${name}`, text(body), 'refuse');
  }
  add('number 1e999 (Infinity after parsing)', () => Buffer.from(JSON.stringify(base).replace('"gateThreshold":0.75', '"gateThreshold":1e999')), 'refuse');
  add('number -1e999 salary', () => Buffer.from(JSON.stringify(base).replace('"data-engineer":125000', '"data-engineer":-1e999')), 'refuse');
  add('invalid UTF-8 bytes', () => Buffer.concat([Buffer.from(JSON.stringify(base).slice(0, 200)), Buffer.from([0xc3, 0x28, 0xff])]), 'refuse');
  add('UTF-8 with BOM (valid)', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(base))]), 'accept');

  // Huge values.
  add('10 MB organisation name', edit(base, (doc) => ((doc['organisation'] as Json)['name'] = 'N'.repeat(10 * 1024 * 1024))), 'refuse');
  add('10 MB capability name', edit(base, (doc) => ((list(doc, 'capabilities')[0] as Json)['name'] = 'A'.repeat(10 * 1024 * 1024))), 'refuse');
  add('1 MB notes', edit(base, (doc) => ((list(doc, 'capabilities')[0] as Json)['notes'] = 'x'.repeat(1024 * 1024))), 'refuse');
  add('30,000-character id', edit(base, (doc) => ((list(doc, 'capabilities')[0] as Json)['id'] = 'i'.repeat(30_000))), 'refuse');
  add('20,000-character notes (at the limit)', edit(base, (doc) => ((list(doc, 'capabilities')[0] as Json)['notes'] = 'y'.repeat(20_000))), 'accept');
  add('10,000-character key in demand', edit(base, (doc) => ((list(doc, 'workItems')[0] as Json)['demand'] = { ['k'.repeat(10_000)]: 1 })), 'refuse');
  add('40 MB file of spaces', () => Buffer.alloc(40 * 1024 * 1024, 0x20), 'refuse');
  // Nesting.
  add('array nested 100,000 deep', () => Buffer.from('['.repeat(100_000) + ']'.repeat(100_000)), 'refuse');
  add('object nested 10,000 deep in notes', () => Buffer.from(JSON.stringify(base).replace('"notes":""', `"notes":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`)), 'refuse');
  add('array nested 17 deep in predecessors', edit(base, (doc) => ((list(doc, 'workItems')[0] as Json)['predecessors'] = JSON.parse('['.repeat(17) + ']'.repeat(17)))), 'refuse');
  // Rows.
  add('100,000 work items', edit(base, (doc) => (doc['workItems'] = Array.from({ length: 100_000 }, (_, i) => ({ ...(list(doc, 'workItems')[1] as Json), id: `w${i}`, predecessors: [] })))), 'refuse');
  add('5,000 capabilities', edit(base, (doc) => (doc['capabilities'] = Array.from({ length: 5_000 }, (_, i) => ({ ...(list(doc, 'capabilities')[0] as Json), id: `c${i}`, name: `C ${i}` })))), 'refuse');
  add('1,000 more capabilities (over the limit)', edit(base, (doc) => (doc['capabilities'] = [...list(doc, 'capabilities'), ...Array.from({ length: 1_000 }, (_, i) => ({ ...(list(doc, 'capabilities')[0] as Json), id: `c${i}`, name: `C ${i}` }))])), 'refuse');
  add('200 more capabilities (within the limit)', edit(base, (doc) => (doc['capabilities'] = [...list(doc, 'capabilities'), ...Array.from({ length: 200 }, (_, i) => ({ ...(list(doc, 'capabilities')[0] as Json), id: `c${i}`, name: `C ${i}` }))])), 'accept');
  add('300,000 history rows', edit(base, (doc) => (doc['history'] = Array.from({ length: 300_000 }, () => list(doc, 'history')[0]))), 'refuse');
  add('2,000 predecessors', edit(base, (doc) => ((list(doc, 'workItems')[1] as Json)['predecessors'] = Array.from({ length: 2_000 }, () => 'wi-a'))), 'refuse');
  add('2,000 keys in demand', edit(base, (doc) => ((list(doc, 'workItems')[0] as Json)['demand'] = Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`r${i}`, 1])))), 'refuse');
  // Keys that reach prototypes.
  add('__proto__ at the top', () => Buffer.from(JSON.stringify(base).replace('{', '{"__proto__":{"polluted":1},')), 'refuse');
  add('__proto__ in demand', () => Buffer.from(JSON.stringify(base).replace('"demand":{"data-engineer":1}', '"demand":{"__proto__":{"data-engineer":5}}')), 'refuse');
  add('__proto__ in salaries', () => Buffer.from(JSON.stringify(base).replace('"salaries":{"data-engineer":125000}', '"salaries":{"__proto__":{"x":1},"data-engineer":1}')), 'refuse');
  add('constructor key in salaries', () => Buffer.from(JSON.stringify(base).replace('"salaries":{"data-engineer":125000}', '"salaries":{"constructor":1}')), 'refuse');
  add('prototype key in a capability', edit(base, (doc) => ((list(doc, 'capabilities')[0] as Json)['prototype'] = 1)), 'refuse');
  add('role id __proto__', edit(base, (doc) => ((list(doc, 'roles')[0] as Json)['id'] = '__proto__')), 'refuse');
  add('role ids toString, valueOf, hasOwnProperty and markup everywhere (valid)', () => Buffer.from(JSON.stringify(payloadDocument(base))), 'accept');
  add('role id constructor', edit(base, (doc) => ((list(doc, 'roles')[0] as Json)['id'] = 'constructor')), 'refuse');
  // Numbers.
  add('rampUpWeeks 2^53−1', edit(base, (doc) => ((list(doc, 'scenarios')[0] as Json)['rampUpWeeks'] = Number.MAX_SAFE_INTEGER)), 'refuse');
  add('leadTimeWeeks 1e15', edit(base, (doc) => ((list(doc, 'scenarios')[0] as Json)['leadTimeWeeks'] = 1e15)), 'refuse');
  add('maxHiresPerQuarter 1e9', edit(base, (doc) => ((list(doc, 'scenarios')[0] as Json)['maxHiresPerQuarter'] = 1e9)), 'refuse');
  add('salary 1e300', edit(base, (doc) => (((list(doc, 'scenarios')[1] as Json)['salaries'] as Json)['data-engineer'] = 1e300)), 'refuse');
  add('budget -0', edit(base, (doc) => ((list(doc, 'scenarios')[0] as Json)['hiringBudgetPerQuarter'] = -0)), 'accept');
  add('fte 5e-324', edit(base, (doc) => ((list(doc, 'people')[0] as Json)['fte'] = 5e-324)), 'either');
  add('durationWeeks 520.5', edit(base, (doc) => ((list(doc, 'workItems')[0] as Json)['durationWeeks'] = 520.5)), 'refuse');
  add('durationWeeks 520', edit(base, (doc) => ((list(doc, 'workItems')[0] as Json)['durationWeeks'] = 520)), 'accept');
  // Dates and times.
  for (const [name, date] of [
    ['year 0000', '0000-01-01'],
    ['year 0001', '0001-01-01'],
    ['year 9999', '9999-12-31'],
    ['Feb 30', '2026-02-30'],
    ['month 13', '2026-13-01'],
    ['1899-12-31', '1899-12-31'],
    ['2200-01-01', '2200-01-01'],
  ] as const) {
    add(`scenario start ${name}`, edit(base, (doc) => ((list(doc, 'scenarios')[0] as Json)['startDate'] = date)), 'refuse');
    add(`pinned start ${name}`, edit(base, (doc) => ((list(doc, 'workItems')[0] as Json)['pinnedStart'] = date)), 'refuse');
  }
  add('pinned start 2199-12-31 (the last day)', edit(base, (doc) => ((list(doc, 'workItems')[0] as Json)['pinnedStart'] = '2199-12-31')), 'accept');
  for (const stamp of ['2026-13-45T99:99:99Z', '2026-02-30T10:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T10:00:00+02:00', '0000-01-01T00:00:00Z', 'yesterday']) {
    add(`history at ${stamp}`, edit(base, (doc) => ((list(doc, 'history')[0] as Json)['at'] = stamp)), 'refuse');
  }
  // Unicode.
  add('lone high surrogate in a name', () => Buffer.from(JSON.stringify(base).replace('"name":"Event instrumentation"', '"name":"Event \\ud800 instrumentation"')), 'refuse');
  add('lone low surrogate in notes', () => Buffer.from(JSON.stringify(base).replace('"notes":""', '"notes":"\\udc00"')), 'refuse');
  add('reversed surrogate pair', () => Buffer.from(JSON.stringify(base).replace('"notes":""', '"notes":"\\udc00\\ud800"')), 'refuse');
  add('lone surrogate in a key', () => Buffer.from(JSON.stringify(base).replace('"demand":{"data-engineer":1}', '"demand":{"\\ud83d":1}')), 'refuse');
  add('NUL in a name', edit(base, (doc) => ((list(doc, 'capabilities')[0] as Json)['name'] = 'Ware\u0000house')), 'either');
  // Cycles.
  add('dependency cycle', edit(base, (doc) => ((list(doc, 'workItems')[0] as Json)['predecessors'] = ['wi-b'])), 'refuse');
  add('self predecessor', edit(base, (doc) => ((list(doc, 'workItems')[0] as Json)['predecessors'] = ['wi-a'])), 'refuse');
  // Markup and formulas: valid data, imported as text.
  PAYLOAD_NAMES.forEach((name, i) => add(`payload name ${i}: ${JSON.stringify(name).slice(0, 40)}`, edit(base, (doc) => ((list(doc, 'capabilities')[0] as Json)['name'] = name)), 'accept'));
  return docs;
}

const PEOPLE_HEADER = 'Name,Role,FTE,Status,Start date,End date\r\n';

export function hostileCsvDocuments(): HostileDocument[] {
  const docs: HostileDocument[] = [];
  const people = (name: string, body: () => Buffer, expect: HostileDocument['expect']) => docs.push({ name: `people: ${name}`, kind: 'csv-people', bytes: body, expect });
  const capabilities = (name: string, body: () => Buffer, expect: HostileDocument['expect']) => docs.push({ name: `capabilities: ${name}`, kind: 'csv-capabilities', bytes: body, expect });

  people('valid CRLF', text(`${PEOPLE_HEADER}Ada,Data engineer,1,On staff,2027-01-04,\r\n`), 'accept');
  people('UTF-8 BOM', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${PEOPLE_HEADER}Zoë,Data analyst,0.5,,,\r\n`)]), 'accept');
  people('Windows-1252 é', () => Buffer.concat([Buffer.from(PEOPLE_HEADER), Buffer.from([0x52, 0xe9, 0x6d, 0x79]), Buffer.from(',Data analyst,1,,,\r\n')]), 'accept');
  people('UTF-16LE with BOM', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${PEOPLE_HEADER}Ada,Data engineer,1,,,\r\n`, 'utf16le')]), 'accept');
  people('semicolons, decimal comma', text('Name;Role;FTE\r\nAda;Data engineer;0,5\r\n'), 'accept');
  people('tabs', text('Name\tRole\nAda\tData engineer\n'), 'accept');
  people('quoted comma, quote and newline', text(`${PEOPLE_HEADER}"Berg, ""Jonas""\nthe second",Data analyst,1,,,\r\n`), 'accept');
  people('unbalanced quote', text(`${PEOPLE_HEADER}"Ada,Data engineer,1,,,\r\n`), 'refuse');
  people('empty file', text(''), 'refuse');
  people('only a BOM', () => Buffer.from([0xef, 0xbb, 0xbf]), 'refuse');
  people('header only', text(PEOPLE_HEADER), 'accept');
  people('no Name column', text('Who,Role\r\nAda,Data engineer\r\n'), 'refuse');
  people('two Name columns', text('Name,Full name,Role\r\nAda,Ada L,Data engineer\r\n'), 'refuse');
  people('unknown role', text(`${PEOPLE_HEADER}Ada,Wizard,1,,,\r\n`), 'refuse');
  people('fte 2', text(`${PEOPLE_HEADER}Ada,Data engineer,2,,,\r\n`), 'refuse');
  people('fte NaN', text(`${PEOPLE_HEADER}Ada,Data engineer,NaN,,,\r\n`), 'refuse');
  people('fte Infinity', text(`${PEOPLE_HEADER}Ada,Data engineer,Infinity,,,\r\n`), 'refuse');
  people('fte 1e999', text(`${PEOPLE_HEADER}Ada,Data engineer,1e999,,,\r\n`), 'refuse');
  people('date 2026-02-30', text(`${PEOPLE_HEADER}Ada,Data engineer,1,,2026-02-30,\r\n`), 'refuse');
  people('date 0001-01-01', text(`${PEOPLE_HEADER}Ada,Data engineer,1,,0001-01-01,\r\n`), 'refuse');
  people('date 9999-12-31', text(`${PEOPLE_HEADER}Ada,Data engineer,1,,9999-12-31,\r\n`), 'refuse');
  people('US date', text(`${PEOPLE_HEADER}Ada,Data engineer,1,,01/04/2027,\r\n`), 'refuse');
  people('end before start', text(`${PEOPLE_HEADER}Ada,Data engineer,1,,2027-02-01,2027-01-01\r\n`), 'refuse');
  people('status unknown', text(`${PEOPLE_HEADER}Ada,Data engineer,1,Retired,,\r\n`), 'refuse');
  people('__proto__ header', text('__proto__,Name,Role\r\nx,Ada,Data engineer\r\n'), 'accept');
  people('constructor header and role', text('Name,constructor,Role\r\nAda,x,constructor\r\n'), 'refuse');
  people('id __proto__', text('Id,Name,Role\r\n__proto__,Ada,Data engineer\r\n'), 'refuse');
  people('duplicate ids', text('Id,Name,Role\r\np1,Ada,Data engineer\r\np1,Bob,Data engineer\r\n'), 'refuse');
  people('10 MB file', () => Buffer.alloc(10 * 1024 * 1024, 0x41), 'refuse');
  people('100,000 rows', () => Buffer.from(PEOPLE_HEADER + 'Ada,Data engineer,1,,,\r\n'.repeat(100_000)), 'refuse');
  people('4,990 rows (a workspace holds 5,000 people)', () => Buffer.from(PEOPLE_HEADER + Array.from({ length: 4_990 }, (_, i) => `P${i},Data engineer,1,,,\r\n`).join('')), 'accept');
  people('5,000 rows into a workspace with people (over the limit)', () => Buffer.from(PEOPLE_HEADER + Array.from({ length: 5_000 }, (_, i) => `P${i},Data engineer,1,,,\r\n`).join('')), 'refuse');
  people('1,000 columns', () => Buffer.from(`Name,Role,${Array.from({ length: 998 }, (_, i) => `c${i}`).join(',')}\r\nAda,Data engineer\r\n`), 'refuse');
  people('60,000-character name', () => Buffer.from(`${PEOPLE_HEADER}${'N'.repeat(60_000)},Data engineer,1,,,\r\n`), 'refuse');
  people('NUL bytes', () => Buffer.from(`${PEOPLE_HEADER}A\u0000da,Data engineer,1,,,\r\n`), 'either');
  people('binary garbage', () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 97) % 256)), 'refuse');
  people('CESU-8 surrogate bytes', () => Buffer.concat([Buffer.from('Name,Role\r\n'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(',Data engineer\r\n')]), 'accept');
  PAYLOAD_NAMES.forEach((name, i) => people(`payload ${i}: ${JSON.stringify(name).slice(0, 30)}`, text(`Name,Role\r\n"${name.replaceAll('"', '""')}",Data engineer\r\n`), name.length > 0 ? 'accept' : 'refuse'));

  const CAP_HEADER = 'Name,Layer,Current maturity,Target maturity,Owner\r\n';
  capabilities('valid', text(`${CAP_HEADER}Feature store,Aggregate/Label,0,2,ML\r\n`), 'accept');
  capabilities('maturity names', text(`${CAP_HEADER}Feature store,aggregate_label,none,managed,\r\n`), 'accept');
  capabilities('update by name, different case', text(`${CAP_HEADER}WAREHOUSE,,3,4,\r\n`), 'accept');
  capabilities('maturity 5', text(`${CAP_HEADER}Feature store,Collect,0,5,\r\n`), 'refuse');
  capabilities('maturity -1', text(`${CAP_HEADER}Feature store,Collect,-1,2,\r\n`), 'refuse');
  capabilities('layer unknown', text(`${CAP_HEADER}Feature store,Basement,0,2,\r\n`), 'refuse');
  capabilities('new without a layer', text(`${CAP_HEADER}Feature store,,0,2,\r\n`), 'refuse');
  capabilities('same name twice', text(`${CAP_HEADER}Feature store,Collect,0,2,\r\nfeature STORE,Collect,0,2,\r\n`), 'refuse');
  capabilities('formula payloads', text(`${CAP_HEADER}"=1+1",Collect,0,2,"@SUM(A1)"\r\n`), 'accept');
  capabilities('markup payload', text(`${CAP_HEADER}"<img src=x onerror=alert(1)>",Collect,0,2,\r\n`), 'accept');
  capabilities('owner over 120 characters', text(`${CAP_HEADER}Feature store,Collect,0,2,${'o'.repeat(121)}\r\n`), 'refuse');
  return docs;
}
