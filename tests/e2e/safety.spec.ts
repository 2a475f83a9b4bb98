import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importWorkspaceJson } from '../../src/storage';
import { baseDocument, PAYLOAD_NAMES, payloadDocument } from '../corpus/hostile';
import { expect, MIGRATIONS, test } from './fixtures';
import { openDemo, showScreen } from './steps';

/**
 * Data safety in the app: CSV import with its preview and per-row problems, CSV export, restore
 * from a backup (and undoing it), and hostile names rendered as plain text on every screen.
 */

const windows1252 = (text: string) => Buffer.from(text, 'latin1');

test('import people from a CSV: the preview names each problem by row and column, nothing is written until Import', async ({ app }) => {
  const page = await app.open();
  await openDemo(page);
  await showScreen(page, 'Headcount', 'Headcount');
  const before = await page.getByTestId('people-table').getByRole('row').count();

  await page.getByRole('button', { name: 'Import CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import people from CSV' });
  // Windows-1252 (Excel on Windows), semicolons, CRLF, a quoted name with the separator in it.
  const bad = windows1252('Name;Role;FTE;Start date;Salary\r\n"Müller; Jörg";Data engineer;50%;2027-01-04;90000\r\nRenée;Wizard;2;2027-02-30;1\r\n');
  await dialog.getByLabel('CSV file').setInputFiles({ name: 'hr-export.csv', mimeType: 'text/csv', buffer: bad });
  await expect(dialog.getByTestId('csv-preview')).toContainText('windows-1252');
  const problems = dialog.getByTestId('csv-problems');
  await expect(problems).toContainText('Row 3, column “Role”: no role "Wizard"');
  await expect(problems).toContainText('Row 3, column “FTE”');
  await expect(problems).toContainText('Row 3, column “Start date”: 2027-02-30 is not a calendar date');
  await expect(dialog.getByRole('button', { name: /^Import \d+ row/ })).toBeDisabled();
  await page.setViewportSize({ width: 1024, height: 640 });
  await app.screenshot('csv-import-problems-1024');
  await app.checkA11y();

  // The column the guess left out can be mapped by hand; a good file imports in one go.
  const good = windows1252('Name;Role;FTE;Start date;Salary\r\n"Müller; Jörg";Data engineer;50%;2027-01-04;90000\r\nRenée;Data analyst;1;2027-02-01;1\r\n');
  await dialog.getByLabel('CSV file').setInputFiles({ name: 'hr-export.csv', mimeType: 'text/csv', buffer: good });
  await expect(dialog.getByTestId('csv-preview')).toContainText('2 to add');
  await page.setViewportSize({ width: 1280, height: 800 });
  await app.screenshot('csv-import-preview-1280');
  await dialog.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('people-table').getByRole('row')).toHaveCount(before + 2);
  await expect(page.getByTestId('people-table')).toContainText('Müller; Jörg');
  await expect(page.getByText(/Imported people from hr-export\.csv: 2 added, 0 updated/)).toBeVisible();
});

test('export the headcount and the hiring plan as CSV, safe from formula injection', async ({ app }) => {
  const page = await app.open();
  await openDemo(page);
  await showScreen(page, 'Headcount', 'Headcount');
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import people from CSV' });
  await dialog.getByLabel('CSV file').setInputFiles({ name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Role\r\n"=HYPERLINK(""http://x.invalid"")",Data analyst\r\n') });
  await dialog.getByRole('button', { name: 'Import 1 row' }).click();
  await expect(dialog).toBeHidden();

  const headcount = join(app.dir, 'headcount.csv');
  app.savePaths.push(headcount);
  await page.getByTestId('export-csv-headcount').click();
  await expect(page.getByText(`Saved ${headcount}`)).toBeVisible();
  const text = readFileSync(headcount, 'utf8');
  expect(text.startsWith('\ufeffName,Role,FTE,Status,Start date,End date,Id\r\n')).toBe(true);
  expect(text).toContain(`"'=HYPERLINK(""http://x.invalid"")",Data analyst`);

  await showScreen(page, 'Hiring plan', 'Hiring plan');
  await expect(page.getByTestId('plan-status')).toHaveAttribute('data-state', 'reviewing', { timeout: 15_000 });
  const hiring = join(app.dir, 'hiring.csv');
  app.savePaths.push(hiring);
  await page.getByTestId('export-csv-hiring').click();
  await expect(page.getByText(`Saved ${hiring}`)).toBeVisible();
  expect(readFileSync(hiring, 'utf8')).toMatch(/^\ufeffQuarter,Role,Kind,Person,Requisition date,Start date,Productive from,Annual salary,Reason\r\n/);
});

test('File ▸ Restore from backup lists the backups and restores one over the open workspace, undoably', async ({ app }) => {
  const page = await app.open();
  await openDemo(page);
  await app.menu('restore-backup');
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  await expect(dialog.getByText(/No backups yet/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await expect(dialog.getByTestId('backups-table').getByRole('row')).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // An edit after the backup: a new person.
  await showScreen(page, 'Headcount', 'Headcount');
  const rows = await page.getByTestId('people-table').getByRole('row').count();
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  const csv = page.getByRole('dialog', { name: 'Import people from CSV' });
  await csv.getByLabel('CSV file').setInputFiles({ name: 'p.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Role\r\nNew Person,Data analyst\r\n') });
  await csv.getByRole('button', { name: 'Import 1 row' }).click();
  await expect(page.getByTestId('people-table').getByRole('row')).toHaveCount(rows + 1);

  await page.getByRole('button', { name: 'Backups' }).click();
  // The CSV import backed the workspace up before it wrote anything.
  await expect(dialog.getByTestId('backups-table')).toContainText('Before a CSV import');
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await expect(dialog.getByTestId('backups-table').getByRole('row')).toHaveCount(4);
  await expect(dialog.getByTestId('backups-table')).toContainText('+1 person');
  await app.screenshot('backups-1280');
  await app.checkA11y();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1024, height: 640 });
  await app.screenshot('backups-dark-1024');
  await app.checkA11y();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
  // The oldest backup is the last row.
  await dialog.getByRole('button', { name: /^Restore the backup of/ }).last().click();
  await dialog.getByRole('button', { name: 'Replace the open workspace' }).click();
  await expect(dialog.getByTestId('restore-done')).toContainText('The workspace it replaced was backed up first');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('people-table').getByRole('row')).toHaveCount(rows);

  await page.getByRole('button', { name: 'Backups' }).click();
  await expect(dialog.getByTestId('backups-table')).toContainText('Before a restore');
  await dialog.getByRole('button', { name: 'Close' }).click();
  // Undo: the dialog's "Undo restore" restores the backup made just before the restore.
  await page.getByRole('button', { name: 'Backups' }).click();
  await dialog.getByRole('button', { name: /^Restore the backup of/ }).last().click();
  await dialog.getByRole('button', { name: 'Replace the open workspace' }).click();
  await expect(dialog.getByTestId('restore-done')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('people-table').getByRole('row')).toHaveCount(rows);
  // The person imported after the first backup comes back with "Undo restore"… of the restore
  // before: restore the "Before a restore" backup, which holds them.
  await page.getByRole('button', { name: 'Backups' }).click();
  const beforeRestore = dialog.getByTestId('backups-table').getByRole('row').filter({ hasText: 'Before a restore' }).last();
  await beforeRestore.getByRole('button', { name: /^Restore the backup of/ }).click();
  await dialog.getByRole('button', { name: 'Replace the open workspace' }).click();
  await expect(dialog.getByTestId('restore-done')).toBeVisible();
  await dialog.getByRole('button', { name: 'Undo restore' }).click();
  await expect(dialog.getByTestId('restore-done')).toContainText('Undid the restore');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('people-table').getByRole('row')).toHaveCount(rows);
  await page.getByRole('button', { name: 'Backups' }).click();
  await dialog.getByTestId('backups-table').getByRole('row').filter({ hasText: 'Before a restore' }).last().getByRole('button', { name: /^Restore the backup of/ }).click();
  await dialog.getByRole('button', { name: 'Replace the open workspace' }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('people-table')).toContainText('New Person');
});

test('markup, formulas, escapes and Object.prototype ids in names render as plain text on every screen', async ({ app }) => {
  const doc = payloadDocument(baseDocument(MIGRATIONS, join(app.dir, 'source.groundwork')));
  importWorkspaceJson(doc, app.file, { migrationsDir: MIGRATIONS });
  const page = await app.open();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  for (const [tab, heading] of [
    ['Pyramid', 'Readiness pyramid'],
    ['Inventory', 'Inventory'],
    ['Headcount', 'Headcount'],
    ['Roles', 'Roles'],
    ['Roadmap', 'Roadmap'],
    ['Timeline', 'Timeline'],
    ['Hiring plan', 'Hiring plan'],
    ['Warnings', 'Warnings'],
  ] as const) {
    await showScreen(page, tab, heading);
    await page.waitForTimeout(300);
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      injected: document.querySelectorAll('img[src="x"], script:not([src]), svg[onload], [onerror], [onload]').length,
      nativeCode: document.body.innerText.includes('[native code]'),
    }));
    expect(state, `on ${tab}`).toEqual({ pwned: null, injected: 0, nativeCode: false });
  }
  await showScreen(page, 'Inventory', 'Inventory');
  await expect(page.getByText(`${PAYLOAD_NAMES[0]} #0`, { exact: false }).first()).toBeAttached();
  await showScreen(page, 'Headcount', 'Headcount');
  await expect(page.getByTestId('people-table')).toContainText(PAYLOAD_NAMES[1]);
  await app.screenshot('hostile-names-headcount');
  expect(dialogs).toEqual([]);
});
