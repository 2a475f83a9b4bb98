import { expect, type Page } from '@playwright/test';

/* The steps the browser tests share: open the demo, go to a screen, wait for the plan. */

export async function openDemo(page: Page) {
  await page.getByRole('button', { name: 'Open the demo organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Readiness pyramid' })).toBeVisible();
}

/** Clicks a tab and waits for its screen's heading. */
export async function showScreen(page: Page, tab: string, heading: string) {
  await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

export async function planReady(page: Page) {
  await expect(page.getByTestId('plan-status')).toHaveAttribute('data-state', 'reviewing', { timeout: 15_000 });
}

/** The roadmap's maturity steps, one card each, instead of its initiatives (kept while the app runs). */
export async function showSteps(page: Page) {
  await page.getByTestId('roadmap-view').selectOption('steps');
  await expect(page.getByTestId('roadmap-card').first()).toBeVisible();
}
