import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openDemo, planReady } from './steps';

/**
 * Every view of the demo at the two window sizes a lead presents on (1280×800 and 1024×640), in
 * both themes: no two controls on top of each other, no label cut off, the roadmap's six layers
 * and its hires in view in compact mode, an axe check, and a picture of what the window shows
 * (test-results/e2e/…) to look at.
 */

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
] as const;

/** The screens by their tab, with what must be on screen before the picture. */
const SCREENS: readonly { tab: string; shot: string; heading: RegExp; planning: boolean }[] = [
  { tab: 'Pyramid', shot: 'pyramid', heading: /^Readiness pyramid$/, planning: false },
  { tab: 'Inventory', shot: 'inventory', heading: /^Inventory$/, planning: false },
  { tab: 'Headcount', shot: 'headcount', heading: /^Headcount$/, planning: false },
  { tab: 'Roles', shot: 'roles', heading: /^Roles$/, planning: false },
  { tab: 'Roadmap', shot: 'roadmap', heading: /^Roadmap$/, planning: true },
  { tab: 'Timeline', shot: 'timeline', heading: /^Timeline$/, planning: true },
  { tab: 'Hiring plan', shot: 'hiring', heading: /^Hiring plan$/, planning: true },
  { tab: 'Warnings', shot: 'warnings', heading: /^Warnings/, planning: true },
];

/**
 * Pairs of interactive elements (buttons, selects, inputs, links, focusable cards) whose visible
 * parts overlap by more than a pixel each way. Visible part: the element's box clipped by every
 * ancestor that clips its overflow (a scrolled cell, the grid's scroller), and by the viewport;
 * an element inside another (a card's menu button) does not count as overlapping it.
 */
async function overlappingControls(page: Page, scope = 'body'): Promise<string[]> {
  return page.evaluate((scopeSelector) => {
    const root = document.querySelector(scopeSelector) ?? document.body;
    const selector = 'button, select, input:not([type="hidden"]), textarea, a[href], [role="button"], [role="tab"], [tabindex="0"]';
    type Box = { x: number; y: number; width: number; height: number };
    const visible = (el: Element): Box | null => {
      let r = el.getBoundingClientRect();
      let box = { x1: r.left, y1: r.top, x2: r.right, y2: r.bottom };
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (style.overflowX !== 'visible' || style.overflowY !== 'visible' || p.tagName === 'DIALOG') {
          r = p.getBoundingClientRect();
          box = { x1: Math.max(box.x1, r.left), y1: Math.max(box.y1, r.top), x2: Math.min(box.x2, r.right), y2: Math.min(box.y2, r.bottom) };
        }
      }
      box = { x1: Math.max(box.x1, 0), y1: Math.max(box.y1, 0), x2: Math.min(box.x2, innerWidth), y2: Math.min(box.y2, innerHeight) };
      if (box.x2 - box.x1 < 1 || box.y2 - box.y1 < 1) return null;
      return { x: box.x1, y: box.y1, width: box.x2 - box.x1, height: box.y2 - box.y1 };
    };
    const found: { el: Element; label: string; box: Box }[] = [];
    for (const el of Array.from(root.querySelectorAll(selector))) {
      if (el.closest('[hidden], [inert]')) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const box = visible(el);
      if (!box) continue;
      const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50) || el.tagName.toLowerCase();
      found.push({ el, label, box });
    }
    const overlaps: string[] = [];
    for (let i = 0; i < found.length; i++) {
      for (let j = i + 1; j < found.length; j++) {
        const a = found[i]!;
        const b = found[j]!;
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const w = Math.min(a.box.x + a.box.width, b.box.x + b.box.width) - Math.max(a.box.x, b.box.x);
        const h = Math.min(a.box.y + a.box.height, b.box.y + b.box.height) - Math.max(a.box.y, b.box.y);
        if (w > 1 && h > 1) overlaps.push(`"${a.label}" and "${b.label}" overlap ${Math.round(w)}×${Math.round(h)} px`);
      }
    }
    return overlaps;
  }, scope);
}

/** Labels a person must read whose text is wider than their box (cut off or spilling over). */
async function clippedLabels(page: Page, scope = 'body'): Promise<string[]> {
  return page.evaluate((scopeSelector) => {
    const root = document.querySelector(scopeSelector) ?? document.body;
    const selector = [
      'button',
      'label',
      'th',
      'h1',
      'h2',
      'h3',
      '.tab-label',
      '.roadmap-layer-name',
      '.roadmap-layer-ready',
      '.roadmap-quarter-label',
      '.roadmap-quarter-weeks',
      '.roadmap-card-title',
      '.hire-chip-role',
      '.hire-chip-meta',
      '.severity-badge',
      '.scenario-summary',
      '.plan-status',
      '.tl-label',
      '.hiring-table td',
      '.cell-hint',
      '.compare-table td',
      '.pyramid-detail-name',
      '.pyramid-detail-value',
      '.pyramid-band-name',
    ].join(', ');
    const out: string[] = [];
    for (const el of Array.from(root.querySelectorAll<HTMLElement>(selector))) {
      if (el.closest('[hidden], .visually-hidden') || el.offsetParent === null) continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`"${(el.textContent ?? '').trim().slice(0, 60)}" (${el.className || el.tagName}): ${el.scrollWidth} > ${el.clientWidth} px`);
    }
    return out;
  }, scope);
}

async function expectLaidOut(page: Page, where: string, scope = 'body'): Promise<void> {
  expect(await overlappingControls(page, scope), `overlapping controls on ${where}`).toEqual([]);
  expect(await clippedLabels(page, scope), `labels cut off on ${where}`).toEqual([]);
}

/** The whole of `locator`'s box lies in the viewport and in the roadmap's visible area. */
async function fullyInView(page: Page, testId: string): Promise<boolean> {
  return page.evaluate((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    const scroller = document.querySelector('[data-testid="roadmap-scroll"]');
    if (!el || !scroller) return false;
    const r = el.getBoundingClientRect();
    const s = scroller.getBoundingClientRect();
    return r.top >= Math.max(0, s.top) - 0.5 && r.bottom <= Math.min(innerHeight, s.bottom) + 0.5 && r.height > 20;
  }, testId);
}

for (const size of SIZES) {
  for (const theme of ['light', 'dark'] as const) {
    const name = `${size.width}x${size.height}-${theme}`;
    test(`every view at ${size.width}×${size.height}, ${theme}: nothing overlaps or is cut off, the roadmap fits, axe`, async ({ app, page: tab }) => {
      test.setTimeout(180_000);
      await tab.setViewportSize(size);
      const page = await app.open();
      await page.emulateMedia({ colorScheme: theme });
      await openDemo(page);
      for (const screen of SCREENS) {
        await page.getByRole('tab', { name: new RegExp(`^${screen.tab}`) }).click();
        await expect(page.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible();
        if (screen.planning) await planReady(page);
        await page.evaluate(() => window.scrollTo(0, 0));
        await app.screenshot(`${screen.shot}-${name}`, { fullPage: false });
        if (screen.tab === 'Roadmap') {
          // Compact, the default: every layer and the hires row in the window at once.
          await expect(page.getByTestId('roadmap-density')).toHaveValue('compact');
          for (const layer of ['ai', 'learn_optimize', 'aggregate_label', 'explore_transform', 'move_store', 'collect']) {
            expect(await fullyInView(page, `roadmap-layer-${layer}`), `${layer} in view`).toBe(true);
          }
          expect(await fullyInView(page, 'roadmap-layer-hires'), 'hires in view').toBe(true);
        }
        if (screen.tab === 'Pyramid') {
          // The foundation is on screen without scrolling.
          const collect = await page.getByTestId('layer-collect').boundingBox();
          expect(collect && collect.y + collect.height <= size.height).toBe(true);
        }
        await expectLaidOut(page, `${screen.tab} at ${name}`);
        await app.checkA11y();
      }
      // The roadmap's other settings: fit to window, and the steps instead of initiatives.
      await page.getByRole('tab', { name: /^Roadmap/ }).click();
      await planReady(page);
      await page.getByTestId('roadmap-density').selectOption('fit');
      await expect(page.getByTestId('roadmap')).toHaveClass(/is-fit/);
      const scroller = await page.getByTestId('roadmap-scroll').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(scroller.scroll, 'fit to window: no sideways scrolling').toBeLessThanOrEqual(scroller.client + 1);
      await app.screenshot(`roadmap-fit-${name}`, { fullPage: false });
      await expectLaidOut(page, `the roadmap fitted to the window at ${name}`);
      await page.getByTestId('roadmap-density').selectOption('compact');
      await page.getByTestId('roadmap-view').selectOption('steps');
      await expect(page.getByTestId('roadmap-card').first()).toBeVisible();
      await app.screenshot(`roadmap-steps-${name}`, { fullPage: false });
      await expectLaidOut(page, `the roadmap's steps at ${name}`);
      await page.getByTestId('roadmap-view').selectOption('initiatives');

      // Dialogs: the scenario editor and the comparison.
      await page.getByRole('button', { name: 'Edit…' }).click();
      const editor = page.getByRole('dialog', { name: /^Scenario “/ });
      await expect(editor).toBeVisible();
      await app.screenshot(`scenario-editor-${name}`, { fullPage: false });
      await expectLaidOut(page, `the scenario editor at ${name}`, 'dialog[open]');
      await app.checkA11y();
      await editor.getByRole('button', { name: 'Cancel' }).click();
    });
  }
}

test('notifications: one at a time with a count of the earlier ones, and never over the field being edited', async ({ app, page: tab }) => {
  await tab.setViewportSize({ width: 1024, height: 640 });
  const page = await app.open();
  await openDemo(page);
  await page.getByRole('tab', { name: /^Inventory/ }).click();
  // A field in the right-hand column, scrolled to the bottom of the window: where notifications appear.
  const field = page.getByLabel('Tools for Warehouse');
  await field.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await field.click();
  await field.fill('Snowflake, dbt');
  await field.press('Enter');
  await expect(field).toHaveValue('Snowflake, dbt');
  await field.focus();
  // Undo, redo, undo: three messages, one shown, with "+2".
  await page.keyboard.press('Control+z');
  await expect(field).toHaveValue('Snowflake');
  await page.keyboard.press('Control+Shift+z');
  await expect(field).toHaveValue('Snowflake, dbt');
  await page.keyboard.press('Control+z');
  await expect(field).toHaveValue('Snowflake');
  const toasts = page.getByTestId('toast-info');
  await expect(toasts).toHaveCount(1);
  await expect(toasts).toContainText('Undid');
  await expect(toasts.locator('.toast-more')).toHaveText('+2');
  const f = await field.boundingBox();
  const t = await page.getByTestId('toasts').boundingBox();
  if (!f || !t) throw new Error('the field and the notifications are on screen');
  // The field is where the notifications usually are; they went to the top instead.
  expect(f.y + f.height).toBeGreaterThan(640 - 20 - t.height);
  await expect(page.getByTestId('toasts')).toHaveClass(/is-top/);
  const overlap = Math.min(f.x + f.width, t.x + t.width) > Math.max(f.x, t.x) && Math.min(f.y + f.height, t.y + t.height) > Math.max(f.y, t.y);
  expect(overlap, `notifications at ${JSON.stringify(t)} over the field at ${JSON.stringify(f)}`).toBe(false);
  await app.screenshot('notifications-1024x640', { fullPage: false });
  // Dismissing the newest shows the one before it.
  await toasts.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(toasts).toContainText('Redid');
  await expect(toasts.locator('.toast-more')).toHaveText('+1');
});
