import type { Locator, Page } from '@playwright/test';
import type { GroundworkApi, WorkspaceSnapshot } from '../../src/shared/contract';
import { expect, test } from './fixtures';

/** The app without a mouse: tabs by arrow keys and shortcuts, a maturity edited, undo and redo, a dialog. */

async function snapshot(page: Page): Promise<WorkspaceSnapshot> {
  // Types only: this runs in the page, where the app's API object lives.
  const result = await page.evaluate(() => (globalThis as unknown as { groundwork: GroundworkApi }).groundwork.invoke('workspace.snapshot', {}));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Presses Tab until the target has the focus, or fails. */
async function tabTo(page: Page, target: Locator, limit = 40) {
  const focused = target.and(page.locator(':focus'));
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if ((await focused.count()) > 0) return;
  }
  throw new Error(`${String(target)} not reached within ${limit} Tab presses`);
}

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

test('keyboard only: start, move between tabs, edit a maturity, undo and redo it, confirm dialog with Esc', async ({ app }) => {
  const page = await app.open();

  // The catalog start asks for the organisation's name; Enter submits it, an empty name is refused.
  await tabTo(page, page.getByLabel('Organisation name'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'required' })).toBeVisible();
  await page.keyboard.type('Keyboard Ltd');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Readiness pyramid' })).toBeVisible();

  // The selected tab is the one tab stop of the tab list; arrows move and select.
  await tabTo(page, page.getByRole('tab', { name: /^Pyramid/ }));
  await expect(page.getByRole('tab', { name: /^Pyramid/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('tab', { name: /^Inventory/ })).toBeFocused();
  await expect(page.getByRole('tab', { name: /^Inventory/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 1, name: 'Inventory' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab').last()).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab').last()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('tab', { name: /^Pyramid/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press(`${mod}+3`);
  await expect(page.getByRole('heading', { level: 1, name: 'Headcount' })).toBeVisible();
  await page.keyboard.press(`${mod}+1`);
  await expect(page.getByRole('heading', { level: 1, name: 'Readiness pyramid' })).toBeVisible();

  // Enter on a pyramid layer opens that layer in the inventory.
  await tabTo(page, page.getByTestId('layer-move_store'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Move/Store' })).toBeFocused();

  const first = (await snapshot(page)).capabilities.find((c) => c.layer === 'move_store');
  if (!first) throw new Error('the catalog has no Move/Store capability');
  const select = page.getByLabel(`Current maturity of ${first.name}`);
  await tabTo(page, select);
  await expect(select).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue('2');
  await expect.poll(async () => (await snapshot(page)).capabilities.find((c) => c.id === first.id)?.currentMaturity).toBe(2);

  // Undo takes the last field edit back, one step at a time; redo puts it back.
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(async () => (await snapshot(page)).capabilities.find((c) => c.id === first.id)?.currentMaturity).toBe(1);
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(async () => (await snapshot(page)).capabilities.find((c) => c.id === first.id)?.currentMaturity).toBe(0);
  await expect(select).toHaveValue('0');
  await expect(page.getByRole('status')).toContainText('Undid');
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect.poll(async () => (await snapshot(page)).capabilities.find((c) => c.id === first.id)?.currentMaturity).toBe(1);
  await expect(select).toHaveValue('1');

  // Delete opens a confirmation with Cancel focused; Esc cancels and focus returns.
  const deleteButton = page.getByRole('button', { name: `Delete ${first.name}` });
  await deleteButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Delete "${first.name}"?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  // Focus stays inside the dialog.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Delete capability' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(deleteButton).toBeFocused();
  expect((await snapshot(page)).capabilities.some((c) => c.id === first.id)).toBe(true);

  // A form submits with Enter.
  await page.keyboard.press(`${mod}+4`);
  await tabTo(page, page.getByRole('button', { name: 'Add role' }));
  await page.keyboard.press('Enter');
  const form = page.getByRole('dialog', { name: 'Add a role' });
  await expect(form.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Analytics translator');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('alert')).toHaveText(/pick at least one layer/);
  await form.getByRole('checkbox', { name: 'Aggregate/Label' }).focus();
  await page.keyboard.press('Space');
  await form.getByLabel('Name').focus();
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();
  await expect(page.getByRole('article', { name: 'Analytics translator' })).toBeVisible();
});

test('undo and redo a text edit; unsaved typing is left to the field', async ({ app }) => {
  const page = await app.open();
  await page.getByRole('button', { name: 'Open the demo organisation' }).click();
  await page.keyboard.press(`${mod}+2`);

  const owner = page.getByLabel('Owner of Warehouse');
  const before = await owner.inputValue();
  await owner.focus();
  await page.keyboard.press(`${mod}+a`);
  await page.keyboard.type('Data platform team');
  // Ctrl+Z while the typing is unsaved belongs to the text field, not to the app's history.
  await page.keyboard.press(`${mod}+z`);
  expect((await snapshot(page)).capabilities.find((c) => c.id === 'warehouse')?.owner).toBe(before);
  await owner.fill('Data platform team');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await snapshot(page)).capabilities.find((c) => c.id === 'warehouse')?.owner).toBe('Data platform team');

  await page.keyboard.press(`${mod}+z`);
  await expect(owner).toHaveValue(before);
  await expect.poll(async () => (await snapshot(page)).capabilities.find((c) => c.id === 'warehouse')?.owner).toBe(before);
  await expect(page.getByRole('button', { name: /^Redo Warehouse: owner/ })).toBeEnabled();
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(owner).toHaveValue('Data platform team');

  // After deleting, the focus lands on the screen's heading rather than the top of the page.
  await page.getByRole('button', { name: 'Delete Warehouse' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Delete capability' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Owner of Warehouse')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Inventory' })).toBeFocused();
});
