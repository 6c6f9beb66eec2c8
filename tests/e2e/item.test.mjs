// End-to-end tests of one checklist item, as GOV.UK's conditional reveal asks: likelihood,
// impact, response, owner, due date and action only for an item partially or not achieved,
// reached and answered with the keyboard alone; what was typed kept when the status changes;
// the risk line a polite live region; radios about 40 px to tap; a due date already past marked
// "Overdue" in words; an item not applicable asks why; and axe-core finds nothing in the
// revealed item.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';

import {
  checkedStatus,
  chooseStatus,
  defaultChecklist,
  field,
  fillDetails,
  focusedElement,
  formatViolations,
  item,
  riskText,
  statusRadio,
  tabTo,
  useBrowserAndServer,
  waitForStored,
} from './helpers.mjs';

const checklist = defaultChecklist();
const [first] = checklist.sections;
const target = first.items[1];

const { run } = useBrowserAndServer();

/** The fields only an item found wanting asks for, by their accessible names. */
const REVEALED = ['Likelihood', 'Impact', 'Owner', 'Action'];

/** How many of the revealed fields the item shows. */
async function revealedCount(page, title) {
  let n = 0;
  for (const label of REVEALED) n += await item(page, title).getByLabel(label, { exact: true }).count();
  for (const name of ['Due date', 'Response']) n += await item(page, title).getByRole('group', { name, exact: true }).count();
  return n;
}

describe('one item, with the keyboard only', () => {
  it('tabs to the status, reveals the risk with the arrow keys, rates it, chooses a response and types an owner', () =>
    run('item-keyboard', async ({ page }) => {
      const title = target.title;
      assert.equal(await revealedCount(page, title), 0, 'not assessed: nothing to rate');
      await page.locator('body').evaluate(() => document.activeElement?.blur());
      await tabTo(page, statusRadio(page, title, 'Achieved'));
      await page.keyboard.press('Space');
      assert.equal(await checkedStatus(page, title), 'Achieved');
      assert.equal(await revealedCount(page, title), 0, 'achieved: nothing to rate');

      // Down to "Not achieved": the risk's fields appear under the status.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      assert.equal(await checkedStatus(page, title), 'Not achieved', JSON.stringify(await focusedElement(page)));
      await item(page, title).getByLabel('Likelihood', { exact: true }).waitFor();
      assert.equal(await revealedCount(page, title), REVEALED.length + 2);
      const controls = await statusRadio(page, title, 'Not achieved').getAttribute('aria-controls');
      assert.ok(controls, 'the status names what it reveals');
      assert.equal(await page.locator(`[id="${controls}"]`).getByLabel('Likelihood', { exact: true }).count(), 1);

      // Every radio of the item, status and response, is a tap target of about 40 px: the
      // label's box, which a tap on also chooses.
      const targets = await item(page, title).locator('input[type="radio"]').evaluateAll((radios) =>
        radios.map((r) => [r.value, Math.round(r.labels[0].getBoundingClientRect().height), Math.round(r.getBoundingClientRect().width)]));
      assert.equal(targets.length, 8);
      for (const [value, height, width] of targets) assert.ok(height >= 40 && width >= 20, `${value}: ${height} px high, radio ${width} px`);

      // The risk line is a polite live region already there before the rating changes it.
      const line = item(page, title).locator('[aria-live="polite"]');
      assert.match(await line.innerText(), /Risk: not rated/);

      // Likelihood and impact, each the third level, from the keyboard.
      const likelihood = item(page, title).getByLabel('Likelihood', { exact: true });
      await tabTo(page, likelihood, 5);
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
      assert.equal(await likelihood.inputValue(), '3');
      const impact = item(page, title).getByLabel('Impact', { exact: true });
      await tabTo(page, impact, 3);
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
      assert.equal(await impact.inputValue(), '3');
      assert.match(await line.innerText(), /High \(score 9\)/);

      // The response: Tab into the group, then the arrow keys choose.
      const treat = item(page, title).getByRole('radio', { name: 'Treat', exact: true });
      await tabTo(page, treat, 3);
      await page.keyboard.press('ArrowDown');
      const tolerate = item(page, title).getByRole('radio', { name: 'Tolerate', exact: true });
      assert.equal(await tolerate.isChecked(), true);
      const hint = await tolerate.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby'))?.textContent);
      assert.match(hint, /^Accept the risk/);

      const owner = field(page, title, 'Owner');
      await tabTo(page, owner, 5);
      await page.keyboard.type('Sam Jones');
      const rec = await waitForStored(page, (r) => r.assessment?.answers?.[target.id]?.owner === 'Sam Jones');
      const answer = rec.assessment.answers[target.id];
      assert.deepEqual(
        [answer.status, answer.likelihood, answer.impact, answer.response],
        ['not_achieved', 3, 3, 'tolerate'],
      );

      // axe-core finds nothing in the revealed item.
      const found = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      assert.equal(found.violations.length, 0, formatViolations(found.violations));

      // Achieved: the fields go, but what was typed stays, and comes back with the status.
      await chooseStatus(page, title, 'Achieved');
      assert.equal(await revealedCount(page, title), 0);
      const kept = (await waitForStored(page, (r) => r.assessment?.answers?.[target.id]?.status === 'achieved')).assessment.answers[target.id];
      assert.deepEqual([kept.likelihood, kept.owner, kept.response], [3, 'Sam Jones', 'tolerate']);
      await chooseStatus(page, title, 'Partially achieved');
      assert.equal(await likelihood.inputValue(), '3');
      assert.equal(await field(page, title, 'Owner').inputValue(), 'Sam Jones');
      assert.equal(await tolerate.isChecked(), true);
      assert.match(await riskText(page, title), /High \(score 9\)/);
    }));
});

describe('due dates and reasons', () => {
  it('marks a due date already past "Overdue" beside it, in words, only while the item is open', () =>
    run('item-overdue', async ({ page }) => {
      const title = target.title;
      await fillDetails(page, title, { due: '2099-12-31' });
      const overdue = item(page, title).getByText('Overdue', { exact: true });
      assert.equal(await overdue.count(), 0, 'a date to come is not overdue');
      await fillDetails(page, title, { due: '2020-01-31' });
      await overdue.waitFor({ state: 'visible' });
      await chooseStatus(page, title, 'Achieved');
      assert.equal(await overdue.count(), 0, 'an achieved item is never overdue');
    }));

  it('asks why an item is not applicable, in the notes field', () =>
    run('item-not-applicable', async ({ page }) => {
      const title = target.title;
      assert.equal(await item(page, title).getByLabel('Notes', { exact: true }).count(), 1);
      await chooseStatus(page, title, 'Not applicable');
      const why = item(page, title).getByLabel('Why is this not applicable?', { exact: true });
      await why.fill('Nothing is published under this project.');
      await waitForStored(page, (r) => r.assessment?.answers?.[target.id]?.notes === 'Nothing is published under this project.');
      assert.equal(await revealedCount(page, title), 0);
    }));
});
