// End-to-end tests of an assessment made with checklist 2.0.1 opened under the current default
// checklist, in the release build: the page says once what changed, links each item new or
// changed since to the item, keeps every answer (a merged item's under the item it merged into),
// saves it in the current version, and the notice passes an axe-core scan.
//
// Run: cd tests/e2e && npm test

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';

import {
  defaultChecklist,
  field,
  eventually,
  formatViolations,
  indexKey,
  item,
  recordKey,
  useBrowserAndServer,
  waitForStored,
  waitUntilInteractive,
} from './helpers.mjs';

const checklist = defaultChecklist();
const stored = JSON.parse(readFileSync(new URL('../fixtures/formats/v2-stored-checklist-2.0.1.json', import.meta.url), 'utf8'));
const latest = checklist.changes[0];
const titleOf = (id) => checklist.sections.flatMap((s) => s.items).find((i) => i.id === id)?.title;
const ID = 'a-old-201';

const env = useBrowserAndServer();
const { run } = env;

/** Stores the 2.0.1 record, with the items merged into left unanswered so that the merged
 * items' answers have a home, as the one to open, and reloads. */
async function openOld(page) {
  const record = structuredClone(stored);
  for (const m of latest.merged) delete record.assessment.answers[m.into];
  await page.evaluate(([rk, r, ik, id]) => {
    window.localStorage.setItem(rk, r);
    window.localStorage.setItem(ik, JSON.stringify({ format: 'risk-checklist/index', format_version: 1, current: id, entries: [] }));
  }, [recordKey(ID), JSON.stringify(record), indexKey(), ID]);
  await page.reload({ waitUntil: 'load' });
  await waitUntilInteractive(page);
  return record;
}

const notice = (page) => page.getByRole('region', { name: 'What changed in the checklist since version 2.0.1', exact: true });

describe('an assessment of checklist 2.0.1', () => {
  it('says once what changed, links each item, and keeps every answer', () =>
    run('changes-since-2.0', async ({ page }) => {
      const record = await openOld(page);
      await notice(page).waitFor({ state: 'visible' });
      const text = (await notice(page).innerText()).replace(/\s+/g, ' ');
      assert.match(text, /answered with version 2\.0\.1 of the checklist; this is version 2\.1\.0/, text);

      // Every item changed or merged into is a link, in checklist order.
      const expected = checklist.sections.flatMap((s) => s.items)
        .filter((i) => latest.changed.includes(i.id) || latest.merged.some((m) => m.into === i.id))
        .map((i) => i.title);
      const links = await notice(page).locator('.rc-todo').getByRole('button').allInnerTexts();
      assert.deepEqual(links, expected);

      // Saved at once in this version, with the merged items' answers under the items they
      // merged into and every other answer where it was.
      const saved = await waitForStored(page, (r) => r.checklist.version === checklist.version);
      const answers = saved.assessment.answers;
      for (const m of latest.merged) {
        assert.deepEqual(answers[m.into], record.assessment.answers[m.item], `${m.item} is under ${m.into}`);
        assert.equal(answers[m.item], undefined);
      }
      assert.equal(Object.keys(answers).length, Object.keys(record.assessment.answers).length, 'no answer lost');

      // A link goes to the item, with the focus on it.
      const target = latest.merged[0].into;
      await notice(page).getByRole('button', { name: titleOf(target), exact: true }).first().click();
      await item(page, titleOf(target)).waitFor({ state: 'visible' });
      const moved = record.assessment.answers[latest.merged[0].item].notes;
      assert.equal(await field(page, titleOf(target), 'Notes').inputValue(), moved);
      await eventually(() => item(page, titleOf(target)).evaluate((el) => el.contains(document.activeElement)), 'the focus is on the item');

      const violations = (await new AxeBuilder({ page }).include('.rc-changes')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;
      assert.equal(violations.length, 0, formatViolations(violations));

      // Hidden on request, and not said again: the assessment is now of this version.
      await notice(page).getByRole('button', { name: 'Hide what changed', exact: true }).click();
      await notice(page).waitFor({ state: 'detached' });
      await page.reload({ waitUntil: 'load' });
      await waitUntilInteractive(page);
      assert.equal(await notice(page).count(), 0);
      const again = await waitForStored(page, (r) => r.checklist.version === checklist.version);
      assert.deepEqual(again.assessment.answers, answers, 'the answers as saved');
    }));
});
