/** `npm run test:fuzz`: every IPC method × N fast-check payloads against the handler map; prints the figures. */
import { resolve } from 'node:path';
import { formatFuzzFigures, fuzzIpc } from '../../tests/corpus/ipc-fuzz';

const runs = Number(process.argv[2] ?? 1000);
const started = performance.now();
const figures = await fuzzIpc(resolve('migrations'), runs);
console.log(formatFuzzFigures(figures));
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
const bad = figures.some((f) => f.uncaught > 0 || f.internal > 0 || f.writesOnInvalid > 0 || f.typedRejections !== f.invalid);
process.exitCode = bad ? 1 : 0;
