import type { Page } from '@playwright/test';
import { expect, test, type AppHarness } from './fixtures';
import { openDemo, planReady, showScreen, showSteps } from './steps';

/*
 * Progress over time (issue 10) and the hiring advice (issue 9) in the app, on the demo
 * organisation: work marked done raises its capability and leaves the plan (and undo puts it
 * back), a plan accepted as a baseline, a card dragged later showing its baseline bar, its slip
 * badge and its cause in the Progress view, the Progress view's charts, a hire who joins, the
 * marginal value of a hire, borrowed capacity in the capacity charts, the settings and the status
 * date. Screenshots at 1280×800 and 1024×640 in light and dark, and an axe check of each new view.
 */

const EXTERNAL_DATA = 'External and third-party data: maturity 1 → 2';

async function progressReady(page: Page) {
  await expect(page.getByTestId('progress-status')).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
}

function card(page: Page, title: string) {
  return page.locator(`[data-testid="roadmap-card"][data-card-title="${title}"]`);
}

/**
 * A picture at each size the app must work at, light then dark; axe checks each theme once (the
 * markup is the same at both sizes, and axe on a page of charts takes seconds).
 */
async function shots(app: AppHarness, page: Page, name: string, ready: () => Promise<void> = async () => undefined) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [width, height] of [
      [1280, 800],
      [1024, 640],
    ] as const) {
      await page.setViewportSize({ width, height });
      await ready();
      await page.evaluate(() => window.scrollTo(0, 0));
      await app.screenshot(`${name}-${width}x${height}-${scheme}`);
      if (width === 1280) await app.checkA11y();
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 860 });
}

async function accept(page: Page, name: string) {
  await showScreen(page, 'Hiring plan', 'Hiring plan');
  await planReady(page);
  await page.getByTestId('accept-plan').click();
  const dialog = page.getByRole('dialog', { name: /Accept the plan of “Baseline”/ });
  await expect(dialog.getByLabel('Baseline name')).toHaveValue('2026-Q4 plan as approved');
  await dialog.getByLabel('Baseline name').fill(name);
  await dialog.getByRole('button', { name: 'Accept plan' }).click();
  await expect(page.getByText(`Saved as the baseline “${name}”.`, { exact: false })).toBeVisible();
  await planReady(page);
}

test('marking work done raises its capability and takes it out of the plan; undo puts it back', async ({ app }) => {
  test.setTimeout(120_000);
  const page = await app.open();
  await openDemo(page);
  await expect(page.getByTestId('file-path')).toBeVisible();
  await showScreen(page, 'Inventory', 'Inventory');
  await expect(page.getByLabel('Current maturity of External and third-party data')).toHaveValue('1');
  await showScreen(page, 'Roadmap', 'Roadmap');
  await planReady(page);
  await showSteps(page);

  await card(page, EXTERNAL_DATA).getByRole('button', { name: `Actions for ${EXTERNAL_DATA}` }).click();
  await page.getByRole('menuitem', { name: 'Mark done…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mark done — raise External and third-party data to Repeatable?' });
  await expect(dialog.getByLabel('Actual finish')).toHaveValue('2026-11-27');
  await expect(dialog.getByLabel('Actual start')).toHaveValue('2026-11-07');
  await expect(dialog.getByRole('checkbox', { name: /Raise External and third-party data to 2 · Repeatable/ })).toBeChecked();
  // A finish to come is refused next to the field, and nothing is sent.
  await dialog.getByLabel('Actual finish').fill('2027-01-15');
  await dialog.getByRole('button', { name: 'Mark done' }).click();
  await expect(dialog.getByText('must not be after today (2026-11-27)')).toBeVisible();
  await dialog.getByLabel('Actual finish').fill('2026-11-20');
  await shots(app, page, 'mark-done');
  await dialog.getByRole('button', { name: 'Mark done' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('“External and third-party data: maturity 1 → 2” is done; External and third-party data is at maturity 2.')).toBeVisible();
  await planReady(page);
  // The plan moves forward: the step is no longer planned, it is listed as done.
  await expect(card(page, EXTERNAL_DATA)).toHaveCount(0);
  const closed = page.getByRole('region', { name: /Done and dropped/ });
  await expect(closed.getByRole('button', { name: EXTERNAL_DATA })).toBeVisible();
  await showScreen(page, 'Inventory', 'Inventory');
  await expect(page.getByLabel('Current maturity of External and third-party data')).toHaveValue('2');

  // Undo: status, dates and maturity go back; the item stays the lead's own, planned again.
  await page.keyboard.press('Control+z');
  await expect(page.getByText(/^Undid: “External and third-party data: maturity 1 → 2” done/)).toBeVisible();
  await expect(page.getByLabel('Current maturity of External and third-party data')).toHaveValue('1');
  await showScreen(page, 'Roadmap', 'Roadmap');
  await planReady(page);
  await expect(card(page, EXTERNAL_DATA)).toContainText('Yours');

  // In progress records today as the actual start; the editor shows it, and asks before done.
  await card(page, EXTERNAL_DATA).getByRole('button', { name: `Actions for ${EXTERNAL_DATA}` }).click();
  await page.getByRole('menuitem', { name: 'Mark in progress' }).click();
  await expect(page.getByText(`“${EXTERNAL_DATA}” is in progress since 2026-11-27.`)).toBeVisible();
  await planReady(page);
  await card(page, EXTERNAL_DATA).focus();
  await page.keyboard.press('Enter');
  const editor = page.getByRole('dialog', { name: 'Edit work item' });
  await expect(editor.getByLabel('Status')).toHaveValue('in_progress');
  await expect(editor.getByLabel('Actual start')).toHaveValue('2026-11-27');
  await editor.getByLabel('Status').selectOption('done');
  await editor.getByRole('button', { name: 'Save' }).click();
  const ask = page.getByRole('dialog', { name: 'Mark done — raise External and third-party data to Repeatable?' });
  await expect(ask.getByLabel('Actual start')).toHaveValue('2026-11-27');
  await ask.getByRole('checkbox').uncheck();
  await ask.getByRole('button', { name: 'Mark done' }).click();
  await expect(ask).toBeHidden();
  await expect(editor).toBeHidden();
  await planReady(page);
  await expect(card(page, EXTERNAL_DATA)).toHaveCount(0);
  await showScreen(page, 'Inventory', 'Inventory');
  await expect(page.getByLabel('Current maturity of External and third-party data')).toHaveValue('1');
});

test('a baseline, a card dragged later: the baseline bar, the slip badge, and the cause in the Progress view', async ({ app }) => {
  test.setTimeout(180_000);
  const page = await app.open();
  await openDemo(page);
  await accept(page, '2027-Q1 plan as approved');

  // The Collect step its layer's gate waits for longest, moved a quarter later.
  await showScreen(page, 'Roadmap', 'Roadmap');
  await planReady(page);
  await showSteps(page);
  const title = 'Event instrumentation: maturity 2 → 3';
  const moving = card(page, title);
  await expect(moving).toContainText('Yours');
  const id = await moving.getAttribute('data-item-id');
  const from = await moving.evaluate((el) => el.closest('[data-testid^="cell-collect-"]')?.getAttribute('data-testid') ?? '');
  const quarter = Number(from.replace('cell-collect-', ''));
  await moving.dragTo(page.getByTestId(`cell-collect-${quarter + 1}`));
  await planReady(page);
  const moved = page.getByTestId(`cell-collect-${quarter + 1}`).locator(`[data-card-title="${title}"]`);
  await expect(moved.getByTestId('slip-badge')).toHaveText(/Since the baseline: \+\d+ d/);
  await expect(moved).toHaveAttribute('aria-label', /\+\d+ d since the baseline/);
  // Its initiative carries the badge too, and its menu offers progress for each open step.
  await page.getByTestId('roadmap-view').selectOption('initiatives');
  const initiative = page.locator(`[data-testid="initiative-card"][data-step-ids~="${id}"]`);
  await expect(initiative.getByTestId('slip-badge')).toHaveText(/Since the baseline: \+\d+ d/);
  const outcome = (await initiative.getAttribute('data-card-title')) ?? '';
  await initiative.getByRole('button', { name: `Actions for ${outcome}` }).click();
  await expect(page.getByRole('menuitem', { name: /Mark done…$/ }).first()).toBeVisible();
  await page.keyboard.press('Escape');

  // The timeline draws where it was planned under where it is now: the initiative's span, and
  // once it is opened on its steps, the moved step's own.
  await showScreen(page, 'Timeline', 'Timeline');
  await planReady(page);
  await expect(page.locator(`[data-testid="baseline-bar"][data-item-id~="${id}"]`)).toHaveCount(1);
  await page.getByRole('button', { name: new RegExp(`^Show the \\d+ steps? of ${outcome.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).click();
  const bar = page.locator(`[data-testid="baseline-bar"][data-item-id="${id}"]`);
  await expect(bar).toHaveCount(1);
  await expect(page.locator('.timeline-legend').first()).toContainText('Baseline “2027-Q1 plan as approved”');
  const wasX = Number(await bar.getAttribute('x'));
  // The moved card is the only pinned item (drawn on its initiative's row and on its own).
  const nowX = await page.locator('.gantt-bar.is-pinned > rect').last().getAttribute('x');
  expect(Number(nowX)).toBeGreaterThan(wasX);
  await shots(app, page, 'timeline-baseline');

  // Ctrl+9: the Progress view says why Collect moved, and charts the rest.
  await page.keyboard.press('Control+9');
  await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
  await progressReady(page);
  const why = page.getByTestId('why-collect');
  await expect(why).toContainText(/Collect is ready \d{4}-\d{2}-\d{2}, \d+ days later than planned/);
  await expect(why.locator('.why-cause').filter({ hasText: title }).first()).toContainText('Late work');
  await expect(page.getByTestId(`item-slip-${id}`)).toContainText('Later');
  await expect(page.getByTestId('progress-summary')).toContainText(/[1-9]\d*\s*gates later/);
  // Charts with data: a line per series in every chart.
  expect(await page.getByTestId('readiness-chart').count()).toBeGreaterThanOrEqual(5);
  await expect(page.getByTestId('readiness-chart').first().locator('.chart-planned path.recharts-curve')).toHaveAttribute('d', /M.+L/);
  // The history starts today: the actual line is one point so far, drawn as a dot.
  await expect(page.getByTestId('readiness-chart').first().locator('.chart-actual-dot')).toHaveCount(1);
  await expect(page.getByTestId('burnup-chart').locator('.chart-planned path.recharts-curve')).toHaveAttribute('d', /M.+L/);
  await expect(page.getByTestId('burnup-summary')).toContainText(/^0 of \d+ items done by 2026-11-27/);
  expect(await page.getByTestId('headcount-chart').count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('readiness-chart').first().locator('.chart-today')).toHaveCount(1);
  await shots(app, page, 'progress', () => progressReady(page));

  // Baselines: save another, rename it, delete it after a confirmation.
  await page.getByRole('button', { name: 'Save a baseline…' }).click();
  const save = page.getByRole('dialog', { name: 'Save a baseline' });
  await expect(save.getByLabel('Name')).toHaveValue('2026-Q4 plan as approved');
  await save.getByLabel('Name').fill('2027-Q1 PLAN as approved');
  await save.getByRole('button', { name: 'Save baseline' }).click();
  await expect(save.getByText(/another one already has this name/)).toBeVisible();
  await save.getByLabel('Name').fill('After the drag');
  await save.getByRole('button', { name: 'Save baseline' }).click();
  await expect(save).toBeHidden();
  await progressReady(page);
  const table = page.getByTestId('baselines-table');
  await expect(table.getByRole('row')).toHaveCount(3);
  // The new one is compared with now: nothing moved since it.
  await expect(page.getByTestId('why-slipped')).toContainText('No layer gate is later than the baseline planned');
  const name = table.getByLabel('Name of the baseline “After the drag”');
  await name.fill('Mid-quarter check');
  await name.press('Enter');
  await expect(table.getByLabel('Name of the baseline “Mid-quarter check”')).toBeVisible();
  await table.getByRole('button', { name: 'Delete the baseline “Mid-quarter check”' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete the baseline “Mid-quarter check”?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Delete baseline' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await progressReady(page);
  await expect(page.getByTestId('why-collect')).toBeVisible();
});

test('a requisition joins from the headcount and the hiring plan; undo gives it back', async ({ app }) => {
  const page = await app.open();
  await openDemo(page);
  await showScreen(page, 'Headcount', 'Headcount');
  const row = page.getByTestId('person-demo-ml-engineer-req');
  await row.getByRole('button', { name: /joined…/ }).click();
  const dialog = page.getByRole('dialog', { name: /joined\?$/ });
  await expect(dialog.getByLabel('First day')).toHaveValue('2026-11-27');
  await dialog.getByLabel('First day').fill('2027-02-01');
  await dialog.getByRole('button', { name: 'Joined' }).click();
  await expect(dialog.getByText('must not be after today (2026-11-27)')).toBeVisible();
  await dialog.getByLabel('First day').fill('2026-11-23');
  await shots(app, page, 'join');
  await dialog.getByRole('button', { name: 'Joined' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole('combobox', { name: /^Status of/ })).toHaveValue('on_staff');
  await expect(row.getByLabel(/^Start date of/)).toHaveValue('2026-11-23');
  await expect(row.getByRole('button', { name: /joined…/ })).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(row.getByRole('combobox', { name: /^Status of/ })).toHaveValue('open_req');

  // From the hiring plan: the requisition leaves the hiring plan once it has joined.
  await showScreen(page, 'Hiring plan', 'Hiring plan');
  await planReady(page);
  const hire = page.getByTestId('hire-person:demo-ml-engineer-req');
  await hire.getByRole('button', { name: /joined…/ }).click();
  await page.getByRole('dialog', { name: /joined\?$/ }).getByRole('button', { name: 'Joined' }).click();
  await planReady(page);
  await expect(page.getByTestId('hire-person:demo-ml-engineer-req')).toHaveCount(0);
});

test('the hiring plan weighs one more hire of each role, lists asks and marks backfills', async ({ app }) => {
  const page = await app.open();
  await openDemo(page);
  // A data engineer who leaves mid-plan, so the plan proposes a backfill.
  await showScreen(page, 'Headcount', 'Headcount');
  const engineer = page.getByTestId('people-table').getByRole('row').filter({ has: page.getByRole('combobox', { name: /^Role of/ }).locator('option:checked', { hasText: 'Data engineer' }) }).first();
  await engineer.getByLabel(/^End date of/).fill('2027-06-30');
  await engineer.getByLabel(/^End date of/).press('Enter');
  await showScreen(page, 'Hiring plan', 'Hiring plan');
  await planReady(page);
  await expect(page.getByTestId('hiring-table').locator('.backfill-badge').first()).toContainText(/Backfill for .+ \(leaves 2027-06-30\)/);
  const marginal = page.getByTestId('marginal-table');
  await expect(marginal).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('marginal-ml-engineer')).toContainText('Not yet');
  await expect(marginal.getByRole('row')).toHaveCount(9);
  await expect(marginal).toContainText(/\d+ weeks? earlier|No gain/);
  await shots(app, page, 'hiring-marginal');

  // A scenario that hires nobody: what no one can do becomes a borrow or contract ask.
  await page.getByRole('button', { name: 'New…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New scenario' });
  await dialog.getByLabel('Name').fill('No hiring');
  await dialog.getByLabel('Max hires per quarter').fill('0');
  await dialog.getByRole('button', { name: 'Create scenario' }).click();
  await expect(dialog).toBeHidden();
  await planReady(page);
  const asks = page.getByTestId('asks');
  await expect(asks).toContainText('Borrow a statistician for 5 weeks');
  await expect(asks.locator('.ask').filter({ hasText: 'Contract a data scientist' }).locator('.ask-kind')).toHaveText('Contract');
  await app.screenshot('hiring-asks');
  await app.checkA11y();
});

test('borrowed capacity and the run-work share in the scenario, shown in the capacity charts; the settings and the status date', async ({ app }) => {
  const page = await app.open();
  await openDemo(page);
  await showScreen(page, 'Timeline', 'Timeline');
  await planReady(page);
  await page.getByRole('button', { name: 'Edit…' }).click();
  const editor = page.getByRole('dialog', { name: 'Scenario “Baseline”' });
  await editor.getByRole('button', { name: 'Add borrowed capacity' }).click();
  await editor.getByLabel('Role of loan 1').selectOption({ label: 'Software engineer' });
  await editor.getByLabel('Weeks of loan 1').fill('0');
  await editor.getByLabel('Note of loan 1').fill('Checkout squad');
  await editor.getByRole('button', { name: 'Save scenario' }).click();
  await expect(editor.getByText('must be a whole number of weeks from 1 to 520')).toBeVisible();
  await expect(editor.getByLabel('Weeks of loan 1')).toHaveAttribute('aria-invalid', 'true');
  await editor.getByLabel('Weeks of loan 1').fill('12');
  await editor.getByLabel(/^First day of loan 1/).fill('2027-01-04');
  await shots(app, page, 'scenario-borrowed', () => editor.getByRole('button', { name: 'Add borrowed capacity' }).scrollIntoViewIfNeeded());
  await editor.getByRole('button', { name: 'Save scenario' }).click();
  await expect(editor).toBeHidden();
  await planReady(page);
  const software = page.getByTestId('capacity-chart').filter({ has: page.getByTestId('capacity-borrowed') });
  await expect(software).toHaveCount(1);
  await expect(software).toHaveAttribute('aria-label', /^Software engineer: .*0\.5 borrowed from 2027-01-04 for 12 weeks \(Checkout squad\)/);
  await expect(software).toHaveAttribute('aria-label', /20 % of the busy people's time is kept for run work/);
  expect(await page.getByTestId('capacity-run').count()).toBeGreaterThan(0);
  await app.screenshot('capacity-borrowed');

  // The status date: plans as of it; the Progress view compares as of it too.
  const statusDate = page.getByTestId('status-date');
  await statusDate.fill('2027-02-30');
  await statusDate.press('Enter');
  await expect(page.getByText('not a date (use YYYY-MM-DD)')).toBeVisible();
  await statusDate.fill('2027-03-01');
  await statusDate.press('Enter');
  await planReady(page);
  await expect(page.getByRole('button', { name: 'Today' })).toBeVisible();

  // Settings: a fiscal year from April relabels the quarters.
  await page.getByTestId('settings-button').click();
  const settings = page.getByRole('dialog', { name: 'Workspace settings' });
  await settings.getByLabel('Fiscal year starts in').selectOption({ label: 'April' });
  await settings.getByLabel('Currency').fill('EU1');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByText(/three-letter currency code/)).toBeVisible();
  await settings.getByLabel('Currency').fill('EUR');
  await shots(app, page, 'settings');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();
  await showScreen(page, 'Roadmap', 'Roadmap');
  await planReady(page);
  await expect(page.getByRole('columnheader', { name: /FY2027-Q4/ })).toBeVisible();
  await page.getByRole('button', { name: 'Today' }).click();
  await planReady(page);
  await expect(page.getByTestId('status-date')).toHaveValue('');
});

test('the Progress view without a baseline says how to get one', async ({ app }) => {
  const page = await app.open();
  await openDemo(page);
  await page.keyboard.press('Control+9');
  await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
  await expect(page.getByText(/No baseline yet/)).toBeVisible();
  await app.checkA11y();
  await page.getByRole('button', { name: 'Save a baseline…' }).click();
  const save = page.getByRole('dialog', { name: 'Save a baseline' });
  await save.getByRole('button', { name: 'Save baseline' }).click();
  await expect(save).toBeHidden();
  await progressReady(page);
  await expect(page.getByTestId('baseline-select').locator('option:checked')).toContainText('2026-Q4 plan as approved');
  await expect(page.getByTestId('progress-summary')).toContainText('0items done');
});
