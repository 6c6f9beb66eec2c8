// End-to-end tests of the widget's shell, in the release build: arriving at the work on a return
// visit (the scope folded to one line, the section to resume in view), the notification banner
// with Undo where the person is, a 320 px run where no table scrolls sideways, dark mode with
// dark native controls, and the filter going back to "All items" in another section.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';

import {
  assertInViewport,
  assessmentRows,
  banner,
  chooseStatus,
  defaultChecklist,
  eventually,
  formatViolations,
  goToSection,
  item,
  rate,
  saveNow,
  showView,
  tabTo,
  titleField,
  useBrowserAndServer,
  waitForStored,
  waitUntilInteractive,
} from './helpers.mjs';

const checklist = defaultChecklist();
const [first, second] = checklist.sections;
const env = useBrowserAndServer();
const { run } = env;

const scan = async (page) =>
  (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;

/** The Scope region. */
const scopeRegion = (page) => page.getByRole('region', { name: 'Scope', exact: true });

/** Answers every scope question "Yes". */
async function answerScope(page) {
  for (const q of checklist.questions) {
    await scopeRegion(page).getByRole('group', { name: q.question, exact: true }).getByRole('radio', { name: 'Yes', exact: true }).check();
  }
}

/** A returning person's work: titled, scope answered, the first section done, saved. */
async function returningWork(page) {
  await titleField(page).fill('Teams pilot');
  await answerScope(page);
  for (const it of first.items) await chooseStatus(page, it.title, 'Achieved');
  await saveNow(page);
  await waitForStored(page, (r) => first.items.every((it) => r.assessment.answers?.[it.id]?.status === 'achieved') && Object.keys(r.assessment.scope ?? {}).length === checklist.questions.length);
}

describe('arriving at the work', () => {
  it('a return visit with the scope answered shows Scope as one line with "Change scope", and the first item of the section to resume is on screen without scrolling (1280x900)', () =>
    run('shell-return-visit', async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      // A first visit starts at the top, with the questions open and the introduction in three steps.
      assert.equal(await page.locator('.rc-steps li').count(), 3);
      const words = (await page.locator('.rc-steps').innerText()).split(/\s+/).filter(Boolean).length;
      assert.ok(words <= 45, `the introduction is short: ${words} words`);
      assert.equal(await page.evaluate(() => window.scrollY), 0, 'a first visit starts at the top');
      await returningWork(page);
      // Answering the last question leaves the questions open under the person's hand.
      assert.equal(await page.getByRole('button', { name: 'Change scope', exact: true }).count(), 0);

      await page.reload({ waitUntil: 'load' });
      await waitUntilInteractive(page);
      const change = page.getByRole('button', { name: 'Change scope', exact: true });
      await change.waitFor();
      assert.equal(await scopeRegion(page).getByRole('radio').count(), 0, 'the questions are folded');
      assert.match(await scopeRegion(page).innerText(), /All scope questions are answered/);
      // The section to resume is the second; its first item is in view, with its heading.
      const heading = page.locator('.rc-section-heading');
      assert.equal((await heading.innerText()).trim(), second.title);
      await assertInViewport(page, item(page, second.items[0].title).locator('legend'), 'the first item of the section to resume');
      await assertInViewport(page, heading, 'the heading of the section to resume');
      const found = await scan(page);
      assert.equal(found.length, 0, `scope folded:\n${formatViolations(found)}`);

      // "Change scope" opens the questions again, with the focus on the first.
      await change.click();
      const firstQuestion = scopeRegion(page).getByRole('group', { name: checklist.questions[0].question, exact: true }).getByRole('radio', { name: 'Yes', exact: true });
      await eventually(() => firstQuestion.evaluate((el) => el === document.activeElement), 'the focus on the first scope question');
    }));

  it('"Skip to the items" comes before the scope questions in Tab order', () =>
    run('shell-skip-first', async ({ page }) => {
      const skip = page.getByRole('button', { name: 'Skip to the items', exact: true });
      await page.locator('body').focus();
      const presses = await tabTo(page, skip, 10);
      assert.ok(presses <= 2, `reached in ${presses} presses`);
      const before = await skip.evaluate((el) => {
        const radio = document.querySelector('.rc-scope input[type=radio]');
        return !!(el.compareDocumentPosition(radio) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      assert.ok(before, 'the scope questions come after it');
    }));
});

describe('the notification banner', () => {
  it('Delete: the banner with Undo is at the top of the view, in the viewport, with the focus, said once; Undo lists the row as before', () =>
    run('shell-delete-undo', async ({ page }) => {
      await titleField(page).fill('Old pilot');
      await chooseStatus(page, first.items[0].title, 'Achieved');
      await saveNow(page);
      await waitForStored(page, (r) => r.assessment.title === 'Old pilot');
      await showView(page, 'Assessments');
      await page.getByRole('button', { name: 'New assessment', exact: true }).click();
      await waitUntilInteractive(page);
      await showView(page, 'Assessments');
      const [before] = (await assessmentRows(page)).filter((r) => r.title === 'Old pilot');
      assert.match(before.progress, /^1 of \d+ assessed$/);

      await page.getByRole('button', { name: 'Delete Old pilot', exact: true }).click();
      const region = page.getByRole('region', { name: 'Success', exact: true });
      await region.filter({ hasText: 'Deleted “Old pilot”. Use Undo to bring it back.' }).waitFor();
      await eventually(() => region.evaluate((el) => el === document.activeElement), 'the focus on the banner');
      const undo = region.getByRole('button', { name: 'Undo', exact: true });
      await assertInViewport(page, undo, 'Undo');
      assert.equal(await page.getByText('Deleted “Old pilot”', { exact: false }).count(), 1, 'said once');
      const found = await scan(page);
      assert.equal(found.length, 0, `banner after Delete:\n${formatViolations(found)}`);

      await undo.click();
      await banner(page).filter({ hasText: '“Old pilot” is back.' }).waitFor();
      await eventually(() => banner(page).evaluate((el) => el === document.activeElement), 'the focus on the banner after Undo');
      const [back] = (await assessmentRows(page)).filter((r) => r.title === 'Old pilot');
      assert.deepEqual(back, before, 'the row reads as before: title, checklist and progress');
      assert.equal(back.checklist, checklist.title);
      // Moving on to another view, the banner goes.
      await showView(page, 'Checklist');
      await banner(page).waitFor({ state: 'detached' });
    }));
});

describe('narrow screens and dark mode', () => {
  it('at 320 px no table is wider than its box, the section list is a plain list, and axe finds nothing', () =>
    run('shell-320', async ({ page }) => {
      await chooseStatus(page, first.items[0].title, 'Not achieved');
      await rate(page, first.items[0].title, { likelihood: 3, impact: 3 });
      await saveNow(page);
      await page.setViewportSize({ width: 320, height: 800 });
      const wide = () => page.evaluate(() => [...document.querySelectorAll('.rc .rc-scroll, .rc table, .rc .rc-nav ol')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${el.className || el.tagName}: ${el.scrollWidth} > ${el.clientWidth}`));
      assert.deepEqual(await wide(), [], 'Checklist view');
      const nav = await page.locator('.rc-nav ol').evaluate((ol) => getComputedStyle(ol).overflowX);
      assert.notEqual(nav, 'auto', 'the section list does not scroll sideways');
      let found = await scan(page);
      assert.equal(found.length, 0, `Checklist at 320 px:\n${formatViolations(found)}`);
      for (const view of ['Summary', 'Assessments']) {
        await showView(page, view);
        await page.locator('.rc table').first().waitFor();
        assert.deepEqual(await wide(), [], `${view} view`);
        // Each cell names its column.
        const unlabelled = await page.locator('.rc table tbody td:not([data-label])').count();
        assert.equal(unlabelled, 0, `${view}: every cell is labelled by its column`);
        found = await scan(page);
        assert.equal(found.length, 0, `${view} at 320 px:\n${formatViolations(found)}`);
      }
    }));

  it('in dark mode native controls are dark and axe finds nothing', () =>
    run('shell-dark', async ({ page }) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      const scheme = await page.locator('.rc input[type=radio]').first().evaluate((el) => getComputedStyle(el).colorScheme);
      assert.equal(scheme, 'dark');
      let found = await scan(page);
      assert.equal(found.length, 0, `dark Checklist:\n${formatViolations(found)}`);
      await showView(page, 'Summary');
      found = await scan(page);
      assert.equal(found.length, 0, `dark Summary:\n${formatViolations(found)}`);
      await page.emulateMedia({ colorScheme: 'light' });
      const light = await page.locator('.rc input').first().evaluate((el) => getComputedStyle(el).colorScheme);
      assert.equal(light, 'light');
    }));

  it('a filter goes back to "All items" in another section', () =>
    run('shell-filter-reset', async ({ page }) => {
      await page.getByRole('radio', { name: 'High risk', exact: true }).check();
      await goToSection(page, second.title);
      assert.equal(await page.getByRole('radio', { name: 'All items', exact: true }).isChecked(), true);
      await item(page, second.items[0].title).waitFor();
    }));
});
