import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { formatFuzzFigures, fuzzIpc } from '../../corpus/ipc-fuzz';

// The full 1,000 per method (about 90 s here) is `npm run test:fuzz`; the suite runs a fifth of it.
const RUNS = 200;

it('every IPC method × 200 fast-check payloads: 0 uncaught, 100 % typed rejections of invalid input, 0 writes on invalid input', { timeout: 300_000 }, async () => {
  const figures = await fuzzIpc(resolve('migrations'), RUNS);
  console.log(formatFuzzFigures(figures).split('\n').at(-1));
  for (const f of figures) {
    expect(f.runs, f.method).toBe(RUNS);
    expect(f.invalid, f.method).toBeGreaterThan(RUNS / 2);
    expect({ method: f.method, uncaught: f.uncaught, internal: f.internal, writesOnInvalid: f.writesOnInvalid, typed: f.typedRejections }).toEqual({
      method: f.method,
      uncaught: 0,
      internal: 0,
      writesOnInvalid: 0,
      typed: f.invalid,
    });
  }
});
