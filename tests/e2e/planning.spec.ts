import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openDemo, planReady, showScreen, showSteps } from './steps';

/**
 * The planning views on the demo organisation: the plan on the roadmap, the hiring plan and its
 * warning, a card dragged (and moved by keyboard) to another quarter and re-planned, the timeline,
 * the scenario comparison; a screenshot and an axe check of each.
 */

/** Full-page pictures start at the top: the title bar and sidebar stay put while the page scrolls. */
async function shot(app: { screenshot(name: string): Promise<string> }, page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await app.screenshot(name);
}

function cardTitled(page: Page, title: string) {
  return page.locator(`[data-testid="roadmap-card"][data-card-title="${title}"]`);
}

const EXTERNAL_DATA = 'External and third-party data: maturity 1 → 2';

test('the roadmap shows the demo plan by quarter and layer', async ({ app }) => {
  const page = await app.open();
  await openDemo(page);
  await showScreen(page, 'Roadmap', 'Roadmap');
  await planReady(page);
  await expect(page.getByTestId('scenario-select')).toHaveValue('default');
  await expect(page.getByRole('columnheader', { name: /2027-Q1/ })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: /^Collect/ })).toBeVisible();
  // Initiatives first: one card per capability's open steps, its outcome as the title.
  const initiative = page.locator('[data-testid="initiative-card"][data-card-title="Pipelines that run themselves: none → managed"]');
  await expect(initiative).toBeVisible();
  expect(await page.getByTestId('initiative-card').count()).toBeGreaterThan(15);
  await initiative.focus();
  await page.keyboard.press('Enter');
  await expect(initiative.getByRole('button', { name: /none → ad hoc/ })).toBeVisible();
  await expect(initiative.getByRole('button', { name: /repeatable → managed/ })).toBeVisible();
  await initiative.getByRole('button', { name: /none → ad hoc/ }).click();
  const adopt = page.getByRole('dialog', { name: /Adopt the proposal/ });
  await expect(adopt.getByLabel('Title')).toHaveValue('Orchestration of pipelines: maturity 0 → 1');
  await adopt.getByRole('button', { name: 'Cancel' }).click();
  await showSteps(page);
  await expect(page.getByTestId('roadmap-row-collect').getByTestId('roadmap-card').first()).toBeVisible();
  expect(await page.getByTestId('roadmap-card').count()).toBeGreaterThan(20);
  // The hires row: who joins in which quarter, the early ML engineer requisition marked.
  const hires = page.getByTestId('roadmap-hires');
  await expect(hires).toContainText('Platform / DevOps engineer');
  await expect(hires.locator('.hire-chip.is-early')).toContainText('ML engineer');
  // The pyramid's order: the AI row above Collect.
  const ai = await page.getByRole('rowheader', { name: /^AI\/Deep learning/ }).boundingBox();
  const collect = await page.getByRole('rowheader', { name: /^Collect/ }).boundingBox();
  expect(ai && collect && ai.y < collect.y).toBe(true);
  await shot(app, page, 'roadmap');
  await app.checkA11y();
  // Comfortable cards: title, dates and step; the choice kept for the next visit.
  await page.getByTestId('roadmap-density').selectOption('comfortable');
  await expect(page.getByTestId('roadmap')).toHaveClass(/is-comfortable/);
  await shot(app, page, 'roadmap-comfortable');
  await app.checkA11y();
  await page.reload();
  await showScreen(page, 'Roadmap', 'Roadmap');
  await planReady(page);
  await expect(page.getByTestId('roadmap-density')).toHaveValue('comfortable');
  await expect(page.getByTestId('roadmap-view')).toHaveValue('steps');
});

test('the hiring plan proposes foundation hires with reasons and flags the early ML engineer requisition', async ({ app }) => {
  const page = await app.open();
  await openDemo(page);
  await showScreen(page, 'Hiring plan', 'Hiring plan');
  await planReady(page);
  const table = page.getByTestId('hiring-table');
  const proposed = table.getByRole('row').filter({ hasText: 'Proposed' });
  expect(await proposed.count()).toBeGreaterThan(1);
  await expect(proposed.first()).toContainText(/Platform|Data engineer/);
  await expect(proposed.first()).toContainText('Open the requisition');
  const ml = page.getByTestId('hire-person:demo-ml-engineer-req');
  await expect(ml).toContainText('ML engineer');
  await expect(ml).toContainText('Open requisition');
  await expect(ml).toContainText('luxury-hire-early');
  await shot(app, page, 'hiring');
  await app.checkA11y();
});

test('the warnings view lists luxury-hire-early and explains every placement', async ({ app }) => {
  const page = await app.open();
  await openDemo(page);
  // A shorter horizon, so that some work finishes after it.
  await showScreen(page, 'Roadmap', 'Roadmap');
  await planReady(page);
  await page.getByRole('button', { name: 'Edit…' }).click();
  const editor = page.getByRole('dialog', { name: 'Scenario “Baseline”' });
  await editor.getByLabel('Horizon (quarters)').fill('5');
  await editor.getByRole('button', { name: 'Save scenario' }).click();
  await expect(editor).toBeHidden();
  await showScreen(page, 'Warnings', 'Warnings and explanations');
  await planReady(page);
  const warning = page.getByTestId('warning-group-luxury-hire-early').getByTestId('warning');
  await expect(warning).toHaveCount(1);
  // One line, what to do, and the full reason only behind "Why?".
  await expect(warning.locator('.warning-summary')).toContainText('ML engineer');
  await expect(warning.locator('.warning-action')).toContainText(/Pause|Move/);
  await expect(warning.locator('.warning-message')).toBeHidden();
  await warning.getByRole('button', { name: 'Why?' }).click();
  await expect(warning.locator('.warning-message')).toBeVisible();
  await expect(warning.getByRole('button', { name: 'Why?' })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('warning-group-luxury-hire-early')).toContainText('Critical');
  expect(await page.getByTestId('placement').count()).toBeGreaterThan(20);
  await expect(page.getByTestId('decisions').getByRole('listitem').first()).toContainText('assessed');
  await shot(app, page, 'warnings');
  await app.checkA11y();
  // A warning leads to what it is about.
  await warning.getByRole('button', { name: 'Show the hire' }).click();
  await expect(page.locator('.explain-item:focus')).toContainText('ML engineer (open requisition)');
  // An item's warning leads to its initiative on the roadmap.
  const late = page.getByTestId('warning-group-beyond-horizon').getByTestId('warning').first();
  const title = ((await late.locator('.warning-message').textContent()) ?? '').match(/“(.+?)”/)?.[1] ?? '';
  expect(title).not.toBe('');
  await late.getByRole('button', { name: 'Show on roadmap' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
  await expect(page.locator('[data-testid="initiative-card"]:focus').locator(`[title="${title}"]`)).toHaveCount(1);
});

test('dragging a card to another quarter pins it there and re-plans', async ({ app }) => {
  const page = await app.open();
  await openDemo(page);
  await showScreen(page, 'Roadmap', 'Roadmap');
  await planReady(page);
  await showSteps(page);
  const card = cardTitled(page, EXTERNAL_DATA);
  await expect(card).toHaveAttribute('data-item-id', /^proposal:/);
  // It waits for the data engineer into 2027-Q2.
  await expect(page.getByTestId('cell-collect-1').locator(`[data-card-title="${EXTERNAL_DATA}"]`)).toHaveCount(1);

  await card.dragTo(page.getByTestId('cell-collect-2'));
  await planReady(page);
  const moved = page.getByTestId('cell-collect-2').locator(`[data-card-title="${EXTERNAL_DATA}"]`);
  await expect(moved).toBeVisible();
  await expect(moved.getByTestId('pinned-badge')).toBeVisible();
  await expect(moved).toHaveAttribute('data-item-id', /^(?!proposal:)/);
  await expect(moved).toContainText('Yours');
  // Pinned to the first day of 2027-Q3, shown as that date.
  await expect(moved).toContainText('2027-07-01 –');
  await expect(page.getByTestId('cell-collect-1').locator(`[data-card-title="${EXTERNAL_DATA}"]`)).toHaveCount(0);
  await shot(app, page, 'roadmap-pinned');

  // The keyboard way: Alt+← moves it back a quarter, and the card keeps the focus.
  await moved.focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await planReady(page);
  const back = page.getByTestId('cell-collect-1').locator(`[data-card-title="${EXTERNAL_DATA}"]`);
  await expect(back).toContainText('2027-04-01 –');
  await expect(back).toBeFocused();

  // The card's menu unpins it; the planner then places it again.
  await back.getByRole('button', { name: `Actions for ${EXTERNAL_DATA}` }).click();
  await page.getByRole('menuitem', { name: 'Unpin' }).click();
  await planReady(page);
  await expect(cardTitled(page, EXTERNAL_DATA).getByTestId('pinned-badge')).toHaveCount(0);
  await app.checkA11y();
});

test('Enter on a card opens its editor; a dependency cycle is refused next to the predecessors; done and deleted items', async ({ app }) => {
  const page = await app.open();
  await openDemo(page);
  await showScreen(page, 'Roadmap', 'Roadmap');
  await planReady(page);

  await page.getByRole('button', { name: 'New work item' }).click();
  const editor = page.getByRole('dialog', { name: 'New work item' });
  await editor.getByLabel('Title').fill('Migrate the legacy tracker');
  await editor.getByLabel('Duration (weeks)').fill('3');
  await editor.getByLabel('Data engineer', { exact: true }).fill('1');
  await editor.getByRole('button', { name: 'Add work item' }).click();
  await expect(editor).toBeHidden();
  await planReady(page);

  await page.getByRole('button', { name: 'New work item' }).click();
  await editor.getByLabel('Title').fill('Retire the legacy tracker');
  await editor.getByLabel('Duration (weeks)').fill('2');
  await editor.getByLabel('Data engineer', { exact: true }).fill('1');
  await editor.getByRole('checkbox', { name: 'Migrate the legacy tracker' }).check();
  await editor.getByRole('button', { name: 'Add work item' }).click();
  await expect(editor).toBeHidden();
  await planReady(page);
  await showSteps(page);

  const first = cardTitled(page, 'Migrate the legacy tracker');
  await first.focus();
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Edit work item' });
  await expect(edit.getByLabel('Title')).toHaveValue('Migrate the legacy tracker');
  await edit.getByRole('checkbox', { name: 'Retire the legacy tracker' }).check();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByTestId('predecessors-error')).toContainText('would make a dependency cycle "');
  await expect(edit.getByTestId('predecessors-error')).toContainText('"Retire the legacy tracker"');
  await shot(app, page, 'work-item-editor');
  await app.checkA11y();
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await expect(edit).toBeHidden();

  // Done work leaves the roadmap's grid and is listed below it, still editable. Marking it done asks for its dates first.
  await first.focus();
  await page.keyboard.press('Enter');
  await edit.getByLabel('Status').selectOption('done');
  await edit.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('dialog', { name: 'Mark “Migrate the legacy tracker” done?' }).getByRole('button', { name: 'Mark done' }).click();
  await expect(edit).toBeHidden();
  await planReady(page);
  await expect(cardTitled(page, 'Migrate the legacy tracker')).toHaveCount(0);
  const closed = page.getByRole('region', { name: /Done and dropped/ });
  await expect(closed.getByRole('button', { name: 'Migrate the legacy tracker' })).toBeVisible();
  await closed.getByRole('button', { name: 'Migrate the legacy tracker' }).click();
  await expect(edit.getByLabel('Status')).toHaveValue('done');
  await edit.getByRole('button', { name: 'Cancel' }).click();

  // Deleting asks first.
  await cardTitled(page, 'Retire the legacy tracker').focus();
  await page.keyboard.press('Enter');
  await edit.getByRole('button', { name: 'Delete…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete “Retire the legacy tracker”?' });
  await confirm.getByRole('button', { name: 'Delete work item' }).click();
  await expect(page.getByText('Deleted “Retire the legacy tracker”.')).toBeVisible();
  await planReady(page);
  await expect(cardTitled(page, 'Retire the legacy tracker')).toHaveCount(0);
});

test('the timeline draws the schedule with dependency arrows, today, and capacity against load', async ({ app }) => {
  const page = await app.open();
  await openDemo(page);
  await showScreen(page, 'Timeline', 'Timeline');
  await planReady(page);
  await expect(page.getByTestId('gantt')).toHaveAttribute('aria-label', /Gantt chart of \d+ initiatives \(\d+ steps\)/);
  expect(await page.getByTestId('gantt-initiative').count()).toBeGreaterThan(15);
  expect(await page.getByTestId('gantt-bar').count()).toBeGreaterThan(20);
  expect(await page.getByTestId('gantt-arrow').count()).toBeGreaterThan(5);
  // An initiative opens on its steps, each a row of its own.
  const rowsBefore = await page.locator('.tl-label').count();
  await page.getByRole('button', { name: /^Show the 3 steps of Pipelines that run themselves/ }).click();
  await expect(page.locator('.tl-label-step')).toHaveCount(3);
  expect(await page.locator('.tl-label').count()).toBe(rowsBefore + 3);
  await expect(page.getByTestId('gantt-bar').first().locator('title')).toHaveText(/: \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2} \(\d{4}-Q\d\)/);
  await expect(page.getByTestId('today-line')).toBeAttached();
  const charts = page.getByTestId('capacity-chart');
  expect(await charts.count()).toBeGreaterThan(2);
  await expect(charts.first()).toHaveAttribute('aria-label', /capacity .* load peaks at/);
  await shot(app, page, 'timeline');
  await app.checkA11y();
});

test('a second scenario, compared side by side with the baseline', async ({ app }) => {
  const page = await app.open();
  await openDemo(page);
  await showScreen(page, 'Roadmap', 'Roadmap');
  await planReady(page);

  await page.getByRole('button', { name: 'New…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New scenario' });
  await dialog.getByLabel('Name').fill('Lean hiring');
  await dialog.getByLabel('Max hires per quarter').fill('1');
  await dialog.getByLabel('Gate threshold (%)').fill('150');
  await dialog.getByRole('button', { name: 'Create scenario' }).click();
  await expect(dialog.getByText('must be between 5 % and 100 %')).toBeVisible();
  await dialog.getByLabel('Gate threshold (%)').fill('75');
  await expect(dialog.getByText('must be between 5 % and 100 %')).toBeHidden();
  await dialog.getByLabel('Hiring lead time (weeks)').fill('26');
  await dialog.getByLabel('Data engineer', { exact: true }).fill('90000');
  await dialog.getByLabel('Platform / DevOps engineer', { exact: true }).fill('95000');
  await shot(app, page, 'scenario-editor');
  await app.checkA11y();
  await dialog.getByRole('button', { name: 'Create scenario' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('scenario-select')).toHaveValue(/.+/);
  await expect(page.getByTestId('scenario-select').locator('option:checked')).toHaveText('Lean hiring');
  await planReady(page);

  await page.getByRole('button', { name: 'Compare…' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare scenarios' });
  await expect(compare.getByRole('checkbox', { name: 'Lean hiring' })).toBeChecked();
  await expect(compare.getByRole('checkbox', { name: 'Baseline (default)' })).toBeChecked();
  await compare.getByRole('button', { name: 'Compare', exact: true }).click();
  const result = compare.getByTestId('comparison');
  await expect(result.getByRole('columnheader', { name: 'Lean hiring' }).first()).toBeVisible();
  await expect(result.getByRole('columnheader', { name: 'Baseline' }).first()).toBeVisible();
  await expect(result.getByRole('row', { name: /^Collect/ })).toContainText('2027-Q');
  await expect(result).toContainText('Platform / DevOps engineer');
  // Each quarter: what the hires are paid in it, and the total since the first quarter.
  await expect(result.locator('.compare-cost').filter({ hasText: /^[1-9]/ }).first()).toHaveText(/^\d{1,3}(,\d{3})+ · to date \d{1,3}(,\d{3})+$/);
  await expect(compare.getByTestId('compare-totals')).toContainText('Salary spend over the horizon');
  // What differs is said beside the results: the hiring limit and the lead time.
  const differs = compare.getByTestId('compare-parameters');
  await expect(differs.getByRole('row', { name: /^Hires per quarter at most/ })).toContainText('2');
  await expect(differs.getByRole('row', { name: /^Hiring lead time/ })).toContainText('26 weeks');
  // Slower hiring makes layers ready later: with the same gate, the baseline is marked earliest where they differ.
  await expect(result.getByText('earliest').first()).toBeVisible();
  await shot(app, page, 'compare');
  await app.checkA11y();
  // The comparison as a PDF page and as CSV, where the user picks (the test's save dialog answers).
  const pdf = join(app.dir, 'comparison.pdf');
  app.savePaths.push(pdf);
  await compare.getByTestId('export-comparison-pdf').click();
  await expect(page.getByTestId('toast-info')).toContainText('comparison.pdf');
  expect(app.saveRequests.at(-1)?.extensions).toEqual(['pdf']);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Scenario comparison');
  expect(text).toContain('What differs');
  expect(text).toContain('Lean hiring');
  const csv = join(app.dir, 'comparison.csv');
  app.savePaths.push(csv);
  await compare.getByTestId('export-csv-comparison').click();
  await expect(page.getByTestId('toast-info')).toContainText('comparison.csv');
  const rows = readFileSync(csv, 'utf8');
  expect(rows).toMatch(/Hires per quarter at most \(differs\),2,1/);
  expect(rows).toMatch(/Salary spend to date 20\d\d-Q\d,\d+,\d+/);
});

test('accepting the plan turns its proposals into planned items and hires', async ({ app }) => {
  const page = await app.open();
  await openDemo(page);
  await showScreen(page, 'Hiring plan', 'Hiring plan');
  await planReady(page);
  await page.getByTestId('accept-plan').click();
  const confirm = page.getByRole('dialog', { name: /Accept the plan of “Baseline”/ });
  await confirm.getByRole('button', { name: 'Accept plan' }).click();
  await expect(page.getByText(/^Accepted the plan: \d+ work items are now yours, and \d+ hires are planned\. Saved as the baseline “2026-Q4 plan as approved”\.$/)).toBeVisible();
  await planReady(page);
  const table = page.getByTestId('hiring-table');
  await expect(table.getByRole('row').filter({ hasText: 'Proposed' })).toHaveCount(0);
  expect(await table.getByRole('row').filter({ hasText: 'Planned' }).count()).toBeGreaterThan(1);
  await showScreen(page, 'Roadmap', 'Roadmap');
  await expect(page.getByTestId('roadmap-card').filter({ hasText: 'Proposal' })).toHaveCount(0);
});

test('the roadmap and the timeline in the dark theme, reached by their shortcuts', async ({ app }) => {
  const page = await app.open();
  await page.emulateMedia({ colorScheme: 'dark' });
  await openDemo(page);
  await page.keyboard.press('Control+5');
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
  await planReady(page);
  await shot(app, page, 'roadmap-dark');
  await app.checkA11y();
  await page.keyboard.press('Control+6');
  await expect(page.getByRole('heading', { level: 1, name: 'Timeline' })).toBeVisible();
  await expect(page.getByTestId('gantt')).toBeVisible();
  await shot(app, page, 'timeline-dark');
  await app.checkA11y();
});
