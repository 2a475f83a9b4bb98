import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Every screen, on the demo organisation: a screenshot into the test output and an axe check. */

async function showScreen(page: Page, name: string) {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  await expect(page.getByRole('tab', { name: new RegExp(`^${name}`) })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test('first start offers the catalog and the demo; the demo organisation fills every screen', async ({ app }) => {
  const page = await app.open();

  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Groundwork' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start from the catalog' })).toBeVisible();
  await app.screenshot('welcome');
  await app.checkA11y();

  await page.getByRole('button', { name: 'Open the demo organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Readiness pyramid' })).toBeVisible();
  await expect(page.getByLabel('Organisation name')).toHaveValue('Northwind Commerce');
  await expect(page.getByTestId('file-path')).toContainText('e2e.groundwork');
  await expect(page.getByTestId('readiness-overall')).toHaveText(/^\d+%$/);
  await app.screenshot('pyramid');
  await app.checkA11y();

  await showScreen(page, 'Inventory');
  await expect(page.getByRole('heading', { level: 2, name: 'Move/Store' })).toBeVisible();
  await expect(page.getByLabel(/^Current maturity of /).first()).toBeVisible();
  await app.screenshot('inventory');
  await app.checkA11y();

  await showScreen(page, 'Headcount');
  await expect(page.getByTestId('people-table').getByRole('row')).not.toHaveCount(1);
  await expect(page.getByTestId('headcount-by-role')).toContainText('ML engineer');
  await app.screenshot('headcount');
  await app.checkA11y();

  await showScreen(page, 'Roles');
  await expect(page.getByRole('heading', { level: 2, name: 'ML engineer' })).toBeVisible();
  await app.screenshot('roles');
  await app.checkA11y();

  // Dark theme follows the OS; it must pass the same contrast checks.
  await page.emulateMedia({ colorScheme: 'dark' });
  await showScreen(page, 'Pyramid');
  await app.screenshot('pyramid-dark');
  await app.checkA11y();
  await showScreen(page, 'Inventory');
  await app.screenshot('inventory-dark');
  await app.checkA11y();
});

test('a role that people hold cannot be deleted, and the server says why', async ({ app }) => {
  const page = await app.open();
  await page.getByRole('button', { name: 'Open the demo organisation' }).click();
  await showScreen(page, 'Roles');

  const card = page.getByRole('article', { name: 'Data analyst' });
  await card.getByRole('button', { name: 'Delete the role Data analyst' }).click();
  const dialog = page.getByRole('dialog', { name: /Delete the role "Data analyst"/ });
  await expect(dialog).toBeVisible();
  await app.screenshot('roles-delete-confirm');
  await dialog.getByRole('button', { name: 'Delete role' }).click();

  await expect(card.getByRole('alert')).toBeVisible();
  await expect(page.getByTestId('toast-error')).toBeVisible();
  await expect(page.getByRole('article', { name: 'Data analyst' })).toBeVisible();
});
