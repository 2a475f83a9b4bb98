import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Every screen, on the demo organisation: a screenshot into the test output and an axe check. */

async function showScreen(page: Page, name: string) {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  await expect(page.getByRole('tab', { name: new RegExp(`^${name}`) })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test('first start offers the catalog and the demo organisation', async ({ app }) => {
  const page = await app.open();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Groundwork' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start from the catalog' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open the demo organisation' })).toBeVisible();
  await app.screenshot('welcome');
  await app.checkA11y();
});

async function openDemo(page: Page) {
  await page.getByRole('button', { name: 'Open the demo organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Readiness pyramid' })).toBeVisible();
}

/** What each screen must show of the demo before its picture is taken. */
const SCREENS: ReadonlyArray<{ readonly tab: string; readonly shot: string; readonly ready: (page: Page) => Promise<void> }> = [
  {
    tab: 'Pyramid',
    shot: 'pyramid',
    ready: async (page) => {
      await expect(page.getByLabel('Organisation name')).toHaveValue('Northwind Commerce');
      await expect(page.getByTestId('file-path')).toContainText('e2e.groundwork');
      await expect(page.getByTestId('readiness-overall')).toHaveText(/^\d+%$/);
    },
  },
  {
    tab: 'Inventory',
    shot: 'inventory',
    ready: async (page) => {
      await expect(page.getByRole('heading', { level: 2, name: 'Move/Store' })).toBeVisible();
      await expect(page.getByLabel('Current maturity of Warehouse')).toHaveValue('2');
    },
  },
  {
    tab: 'Headcount',
    shot: 'headcount',
    ready: async (page) => {
      await expect(page.getByTestId('people-table').getByRole('row')).not.toHaveCount(1);
      await expect(page.getByTestId('headcount-by-role')).toContainText('ML engineer');
    },
  },
  {
    tab: 'Roles',
    shot: 'roles',
    ready: async (page) => {
      await expect(page.getByRole('heading', { level: 2, name: 'ML engineer' })).toBeVisible();
    },
  },
];

/**
 * Console errors and uncaught exceptions, which is where a Content-Security-Policy violation shows
 * up. (frame-ancestors is set by the main process's response header, not the page's meta policy,
 * where Chromium ignores it.)
 */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

for (const theme of ['light', 'dark'] as const) {
  for (const screen of SCREENS) {
    test(`the demo organisation on the ${screen.tab} screen, ${theme} theme: screenshot and axe`, async ({ app, page: tab }) => {
      const errors = watchErrors(tab);
      const page = await app.open();
      await page.emulateMedia({ colorScheme: theme });
      await openDemo(page);
      await showScreen(page, screen.tab);
      await screen.ready(page);
      await app.screenshot(theme === 'light' ? screen.shot : `${screen.shot}-${theme}`);
      await app.checkA11y();
      expect(errors, 'console errors (a CSP violation would show here)').toEqual([]);
    });
  }
}

test('a role that people hold cannot be deleted, and the server says why', async ({ app }) => {
  const page = await app.open();
  await openDemo(page);
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
