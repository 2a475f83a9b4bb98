/**
 * The writer of the kill -9 loop (scripts/safety/faults.ts): adds people to a workspace one
 * transaction at a time and prints each one's number once it is committed, until it is killed.
 */
import { openWorkspace } from '../../src/storage';

const [file, migrationsDir, from] = process.argv.slice(2) as [string, string, string];
const workspace = openWorkspace(file, { migrationsDir, create: false });
for (let i = Number(from); ; i++) {
  workspace.createPerson({ id: `writer-${i}`, name: `Writer ${i}`, roleId: 'data-engineer', fte: 1, status: 'on_staff', startDate: '2027-01-04' });
  process.stdout.write(`${i}\n`);
}
