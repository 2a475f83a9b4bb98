import type { Page } from '@playwright/test';
import type { GroundworkApi, WorkspaceSnapshot } from '../../src/shared/contract';
import { expect, test } from './fixtures';

/** Inventory, readiness, headcount validation and persistence, through the real handlers and file. */

async function startFromCatalog(page: Page) {
  await page.getByRole('main').getByLabel('Organisation name').fill('Acme Analytics');
  await page.getByRole('button', { name: 'Start from the catalog' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Readiness pyramid' })).toBeVisible();
}

async function showScreen(page: Page, name: string) {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  await expect(page.getByRole('tab', { name: new RegExp(`^${name}`) })).toHaveAttribute('aria-selected', 'true');
}

/** What the workspace file holds right now, asked through the same API the app uses. */
async function snapshot(page: Page): Promise<WorkspaceSnapshot> {
  // Types only: this runs in the page, where the app's API object lives.
  const result = await page.evaluate(() => (globalThis as unknown as { groundwork: GroundworkApi }).groundwork.invoke('workspace.snapshot', {}));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

test('add a capability in the inventory, change its maturity, and see the layer readiness change on the pyramid', async ({ app }) => {
  const page = await app.open();
  await startFromCatalog(page);
  // From the catalog every capability is at maturity 0: Collect starts at 0%.
  await expect(page.getByTestId('readiness-collect')).toHaveText('0%');

  // Bring every catalog capability of Collect to its target, so the new one decides the layer.
  await showScreen(page, 'Inventory');
  const collect = page.getByTestId('inventory-collect');
  const rows = collect.getByRole('listitem');
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    const target = await row.getByLabel(/^Target maturity of /).inputValue();
    await row.getByLabel(/^Current maturity of /).selectOption(target);
    await expect(row.getByLabel(/^Current maturity of /)).toHaveValue(target);
  }
  await expect(collect.getByText('100% ready')).toBeVisible();

  await page.getByRole('button', { name: 'Add capability' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a capability' });
  // The shared schema refuses an empty name before anything is sent.
  await dialog.getByRole('button', { name: 'Add capability' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/required/);
  await dialog.getByLabel('Name').fill('Partner data feeds');
  await dialog.getByLabel('Layer').selectOption({ label: 'Collect' });
  await dialog.getByLabel('Current maturity').selectOption('0');
  await dialog.getByLabel('Target maturity').selectOption('2');
  await dialog.getByLabel('Owner').fill('Data platform');
  await dialog.getByLabel('Name').press('Enter');
  await expect(dialog).toBeHidden();

  const row = collect.getByRole('listitem').filter({ has: page.getByLabel('Name of Partner data feeds') });
  await expect(row).toHaveCount(1);
  await expect(collect.getByText('0% ready')).toBeVisible();

  await showScreen(page, 'Pyramid');
  await expect(page.getByTestId('readiness-collect')).toHaveText('0%');
  await expect(page.getByTestId('layer-collect')).toContainText('Partner data feeds');

  await showScreen(page, 'Inventory');
  await page.getByLabel('Current maturity of Partner data feeds').selectOption('1');
  await expect(collect.getByText('50% ready')).toBeVisible();
  await showScreen(page, 'Pyramid');
  await expect(page.getByTestId('readiness-collect')).toHaveText('50%');

  // Clicking a layer opens the inventory on that layer.
  await page.getByTestId('layer-collect').click();
  await expect(page.getByRole('tab', { name: /^Inventory/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 2, name: 'Collect' })).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: 'Move/Store' })).toHaveCount(0);

  const saved = await snapshot(page);
  const feeds = saved.capabilities.find((c) => c.name === 'Partner data feeds');
  expect(feeds).toMatchObject({ layer: 'collect', currentMaturity: 1, targetMaturity: 2, owner: 'Data platform', fromCatalog: false });
});

test('headcount: an invalid date is shown next to the field and nothing is saved; a valid person appears', async ({ app }) => {
  const page = await app.open();
  await startFromCatalog(page);
  await showScreen(page, 'Headcount');
  await expect(page.getByText('Nobody yet.', { exact: false })).toBeVisible();

  await page.getByRole('button', { name: 'Add person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a person' });
  await dialog.getByLabel('Name').fill('Ada Lovelace');
  await dialog.getByLabel('Role').selectOption({ label: 'Data engineer' });
  await dialog.getByLabel('FTE').fill('0.8');
  await dialog.getByLabel('Start date').fill('2026-03-01');
  await dialog.getByLabel('End date').fill('2026-01-15');
  await dialog.getByRole('button', { name: 'Add person' }).click();

  const endDate = dialog.getByLabel('End date');
  await expect(endDate).toHaveAttribute('aria-invalid', 'true');
  await expect(endDate).toHaveAccessibleDescription(/must not be before the start date/);
  await expect(dialog.getByRole('alert')).toHaveText(/must not be before the start date/);
  await expect(endDate).toBeFocused();
  await app.screenshot('headcount-invalid-date');
  expect((await snapshot(page)).people).toHaveLength(0);

  // A date that does not exist in the calendar.
  await endDate.fill('2026-02-30');
  await endDate.press('Enter');
  await expect(endDate).toHaveAccessibleDescription(/not a date/);
  await expect(dialog.getByRole('alert')).toHaveText(/not a date \(use YYYY-MM-DD\)/);
  expect((await snapshot(page)).people).toHaveLength(0);

  // Esc cancels the dialog; still nobody.
  await endDate.press('Escape');
  await expect(dialog).toBeHidden();
  expect((await snapshot(page)).people).toHaveLength(0);

  await page.getByRole('button', { name: 'Add person' }).click();
  await dialog.getByLabel('Name').fill('Ada Lovelace');
  await dialog.getByLabel('Role').selectOption({ label: 'Data engineer' });
  await dialog.getByLabel('FTE').fill('0.8');
  await dialog.getByLabel('Start date').fill('2026-03-01');
  await dialog.getByLabel('End date').fill('2027-02-28');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByLabel('Name of Ada Lovelace')).toHaveValue('Ada Lovelace');
  await expect(page.getByLabel('Start date of Ada Lovelace')).toHaveValue('2026-03-01');
  await expect(page.getByTestId('headcount-by-role').getByRole('row', { name: /Data engineer/ })).toContainText('0.8');

  // Inline in the table too: a malformed date stays in the field with its error and is not sent.
  const start = page.getByLabel('Start date of Ada Lovelace');
  await start.fill('2026-13-01');
  await start.press('Tab');
  await expect(start).toHaveAttribute('aria-invalid', 'true');
  await expect(start).toHaveAccessibleDescription(/not a date/);
  const end = page.getByLabel('End date of Ada Lovelace');
  await end.fill('2025-12-31');
  await end.press('Enter');
  await expect(end).toHaveAccessibleDescription(/must not be before the start date/);
  const saved = await snapshot(page);
  expect(saved.people).toEqual([expect.objectContaining({ name: 'Ada Lovelace', fte: 0.8, startDate: '2026-03-01', endDate: '2027-02-28', status: 'on_staff' })]);

  // Esc puts the saved value back.
  await end.press('Escape');
  await expect(end).toHaveValue('2027-02-28');
});

test('after reopening the same file the capability and the person are still there', async ({ app }) => {
  let page = await app.open();
  await startFromCatalog(page);

  await showScreen(page, 'Inventory');
  await page.getByRole('button', { name: 'Add capability' }).click();
  const capabilityDialog = page.getByRole('dialog', { name: 'Add a capability' });
  await capabilityDialog.getByLabel('Name').fill('Reverse ETL');
  await capabilityDialog.getByLabel('Layer').selectOption({ label: 'Move/Store' });
  await capabilityDialog.getByLabel('Target maturity').selectOption('3');
  await capabilityDialog.getByRole('button', { name: 'Add capability' }).click();
  await expect(capabilityDialog).toBeHidden();
  await page.getByLabel('Current maturity of Reverse ETL').selectOption('2');
  await page.getByLabel('Tools for Reverse ETL').fill('Census');
  await page.getByLabel('Tools for Reverse ETL').press('Enter');
  await expect.poll(async () => (await snapshot(page)).capabilities.find((c) => c.name === 'Reverse ETL')?.tools).toBe('Census');

  await showScreen(page, 'Headcount');
  await page.getByRole('button', { name: 'Add person' }).click();
  const personDialog = page.getByRole('dialog', { name: 'Add a person' });
  await personDialog.getByLabel('Name').fill('Grace Hopper');
  await personDialog.getByLabel('Role').selectOption({ label: 'Data analyst' });
  await personDialog.getByLabel('Status').selectOption({ label: 'Open requisition' });
  await personDialog.getByRole('button', { name: 'Add person' }).click();
  await expect(personDialog).toBeHidden();

  await page.getByLabel('Organisation name').fill('Acme Data Co');
  await page.getByLabel('Organisation name').press('Enter');
  await expect.poll(async () => (await snapshot(page)).organisation.name).toBe('Acme Data Co');

  page = await app.reopen();

  await expect(page.getByLabel('Organisation name')).toHaveValue('Acme Data Co');
  await showScreen(page, 'Inventory');
  await expect(page.getByLabel('Name of Reverse ETL')).toHaveValue('Reverse ETL');
  await expect(page.getByLabel('Current maturity of Reverse ETL')).toHaveValue('2');
  await expect(page.getByLabel('Target maturity of Reverse ETL')).toHaveValue('3');
  await expect(page.getByLabel('Tools for Reverse ETL')).toHaveValue('Census');
  await showScreen(page, 'Headcount');
  await expect(page.getByLabel('Name of Grace Hopper')).toHaveValue('Grace Hopper');
  await expect(page.getByLabel('Status of Grace Hopper')).toHaveValue('open_req');
  await expect(page.getByLabel('Role of Grace Hopper')).toHaveValue((await snapshot(page)).roles.find((r) => r.name === 'Data analyst')?.id ?? '');

  // Delete asks first; confirming removes the person from the file.
  await page.getByRole('button', { name: 'Remove Grace Hopper' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove Grace Hopper?' });
  await confirm.getByRole('button', { name: 'Remove person' }).click();
  await expect(page.getByLabel('Name of Grace Hopper')).toHaveCount(0);
  page = await app.reopen();
  await showScreen(page, 'Headcount');
  await expect(page.getByText('Nobody yet.', { exact: false })).toBeVisible();
});

test('roles: add a custom role, give it prerequisites, see whether they are met, and delete it', async ({ app }) => {
  const page = await app.open();
  await startFromCatalog(page);
  await showScreen(page, 'Roles');

  await page.getByRole('button', { name: 'Add role' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a role' });
  await dialog.getByLabel('Name').fill('Decision scientist');
  await dialog.getByRole('checkbox', { name: 'Learn/Optimize' }).check();
  await dialog.getByRole('checkbox', { name: /^Needs foundations/ }).check();
  await dialog.getByRole('button', { name: 'Add role' }).click();
  await expect(dialog).toBeHidden();

  const card = page.getByRole('article', { name: 'Decision scientist' });
  await expect(card.getByText('custom')).toBeVisible();
  await expect(card.getByTestId(/^prereq-status-/)).toHaveText(/Prerequisites met today/);

  await card.getByRole('button', { name: 'Add layer prerequisite' }).click();
  const readiness = card.getByLabel('Decision scientist, prerequisite 1: minimum readiness in percent');
  await expect(readiness).toHaveValue('50');
  // From the catalog nothing is mature: Collect is at 0%, below the 50% asked for.
  await expect(card.getByTestId(/^prereq-status-/)).toContainText('Collect readiness 0%, needs 50%');

  await readiness.fill('150');
  await readiness.press('Enter');
  await expect(readiness).toHaveAccessibleDescription(/between 0 and 100/);
  await readiness.fill('0');
  await readiness.press('Enter');
  await expect(card.getByTestId(/^prereq-status-/)).toHaveText(/Prerequisites met today/);

  await card.getByLabel('Decision scientist, prerequisite 1: layer').selectOption({ label: 'Move/Store layer' });
  await card.getByRole('button', { name: 'Add capability prerequisite' }).click();
  await card.getByLabel('Decision scientist, prerequisite 2: capability').selectOption({ label: 'Warehouse' });
  await card.getByLabel('Decision scientist, prerequisite 2: minimum maturity').selectOption('3');
  await expect(card.getByTestId(/^prereq-status-/)).toContainText('Warehouse at maturity 0, needs 3');

  await expect
    .poll(async () => (await snapshot(page)).roles.find((r) => r.name === 'Decision scientist')?.prerequisites)
    .toEqual([
      { kind: 'layer', layer: 'move_store', minReadiness: 0 },
      { kind: 'capability', capabilityId: 'warehouse', minMaturity: 3 },
    ]);

  await card.getByRole('button', { name: 'Remove Decision scientist, prerequisite 1' }).click();
  await expect(card.getByLabel('Decision scientist, prerequisite 2: capability')).toHaveCount(0);
  await expect(card.getByLabel('Decision scientist, prerequisite 1: capability')).toHaveValue('warehouse');

  // Unticking the last layer it builds is refused next to the checkboxes and not sent.
  await card.getByRole('checkbox', { name: 'Learn/Optimize' }).click();
  await expect(card.getByRole('alert')).toHaveText(/pick at least one layer/);
  await expect(card.getByRole('checkbox', { name: 'Learn/Optimize' })).toBeChecked();

  await card.getByRole('button', { name: 'Delete the role Decision scientist' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete role' }).click();
  await expect(page.getByRole('article', { name: 'Decision scientist' })).toHaveCount(0);
  expect((await snapshot(page)).roles.some((r) => r.name === 'Decision scientist')).toBe(false);
});
