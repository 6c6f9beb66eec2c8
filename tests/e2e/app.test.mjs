// End-to-end tests of the release build in dist/ (or $DIST_DIR), in Debian's chromium:
// a person answers items with the mouse and with the keyboard, moves between sections, reloads,
// exports, starts again, works with storage blocked, and the page passes an axe-core scan.
// Every test also fails on a console error, a page error or a request off the test server.
//
// Run: cd tests/e2e && npm ci && npm test

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';

import {
  checkedStatus,
  chooseStatus,
  defaultChecklist,
  exportJson,
  field,
  fillDetails,
  focusedElement,
  formatViolations,
  goToSection,
  assessmentRows,
  item,
  literal,
  localStorageEntries,
  progress,
  rate,
  readItem,
  riskText,
  sectionButton,
  sectionNav,
  sectionSummaries,
  showView,
  statusRadio,
  indexKey,
  storedAssessment,
  tabTo,
  waitForProgress,
  waitForStored,
  waitUntilInteractive,
  useBrowserAndServer,
  saveNow,
  blockStorage,
  titleField,
} from './helpers.mjs';

const checklist = defaultChecklist();
const [first, second] = checklist.sections;
const itemA = first.items[0].title; // "Name a senior risk owner"
const itemB = first.items[1].title;
const itemC = first.items[2].title;
const itemOther = second.items[1].title;

const env = useBrowserAndServer();
const { run } = env;

describe('answering with the mouse', () => {
  it('shows the header, answers items in two sections, and keeps everything after a reload', () =>
    run('mouse', async ({ page }) => {
      // The header: title, the two names, the progress bar and the privacy line.
      await page.getByRole('heading', { name: checklist.title, exact: true }).waitFor();
      await page.getByText('stored only in this browser').first().waitFor({ state: 'visible' });
      assert.equal(await progress(page), 0);
      await titleField(page).fill('Team chat pilot');
      await page.getByLabel('Assessor', { exact: true }).fill('A. Tester');

      // The section navigation: one button per section, the first current, counts in the name.
      const names = await sectionSummaries(page);
      assert.equal(names.length, checklist.sections.length, `section buttons: ${JSON.stringify(names)}`);
      checklist.sections.forEach((s, i) => {
        assert.match(names[i], new RegExp(`^${literal(s.title)}.*\\b0 of ${s.items.length} assessed`), `button ${i}`);
      });
      assert.equal(await sectionButton(page, first.title).getAttribute('aria-current'), 'true');

      // A status, with the mouse.
      assert.equal(await checkedStatus(page, itemA), null);
      await chooseStatus(page, itemA, 'Not achieved');
      assert.equal(await checkedStatus(page, itemA), 'Not achieved');
      const afterOne = await waitForProgress(page, (p) => p > 0);

      // The risk: not rated, then Probable x Severe = 9, High, said in text.
      assert.match(await riskText(page, itemA), /not rated/i);
      await rate(page, itemA, { likelihood: 3, impact: 3 });
      const likelihood = item(page, itemA).getByLabel('Likelihood', { exact: true });
      assert.match(await likelihood.locator('option:checked').innerText(), /^3\s*[–-]\s*Probable$/);
      assert.match(await item(page, itemA).getByLabel('Impact', { exact: true }).locator('option:checked').innerText(), /^3\s*[–-]\s*Severe$/);
      const risk = await riskText(page, itemA);
      assert.match(risk, /High/, `risk text: ${risk}`);
      assert.match(risk, /\b9\b/, `risk text: ${risk}`);
      assert.equal(await likelihood.locator('option').first().innerText(), 'Not rated');
      assert.equal(await likelihood.locator('option').first().getAttribute('value'), '');

      await fillDetails(page, itemA, {
        notes: 'Owner named in the project record.\nSigned off by the SIRO.',
        owner: 'Head of Digital',
        due: '2027-03-31',
        action: 'Record the sign-off date.',
      });
      assert.match((await sectionSummaries(page))[0], new RegExp(`1 of ${first.items.length} assessed`));

      // Another section, through the navigation.
      await goToSection(page, second.title);
      assert.equal(await sectionButton(page, first.title).getAttribute('aria-current') ?? 'false', 'false');
      assert.equal(await item(page, itemA).count(), 0, 'only the current section is rendered');
      await chooseStatus(page, itemOther, 'Not achieved');
      await rate(page, itemOther, { likelihood: 2, impact: 2 });
      const otherRisk = await riskText(page, itemOther);
      assert.match(otherRisk, /Medium/, `risk text: ${otherRisk}`);
      assert.match(otherRisk, /\b4\b/, `risk text: ${otherRisk}`);
      await fillDetails(page, itemOther, { notes: 'No service levels agreed yet.', owner: 'IT service desk' });
      await waitForProgress(page, (p) => p > afterOne);
      assert.match((await sectionSummaries(page))[1], new RegExp(`1 of ${second.items.length} assessed`));

      const expectedA = await goToSectionAndRead(page, first.title, itemA);
      const expectedOther = await goToSectionAndRead(page, second.title, itemOther);
      const summaries = await sectionSummaries(page);
      const overall = await progress(page);

      // Reload straight away: leaving the page saves what is pending.
      await page.reload({ waitUntil: 'load' });
      await waitUntilInteractive(page);
      assert.deepEqual(await sectionSummaries(page), summaries, 'section counts after reload');
      assert.equal(await progress(page), overall, 'overall progress after reload');
      assert.equal(await titleField(page).inputValue(), 'Team chat pilot');
      assert.equal(await page.getByLabel('Assessor', { exact: true }).inputValue(), 'A. Tester');
      assert.deepEqual(await goToSectionAndRead(page, second.title, itemOther), expectedOther);
      assert.deepEqual(await goToSectionAndRead(page, first.title, itemA), expectedA);
      assert.match(expectedA.risk, /High.*\b9\b/, 'likelihood 3 x impact 3 reads as high, score 9');
      assert.deepEqual(expectedA, {
        status: 'Not achieved',
        likelihood: '3',
        impact: '3',
        notes: 'Owner named in the project record.\nSigned off by the SIRO.',
        owner: 'Head of Digital',
        due: '2027-03-31',
        action: 'Record the sign-off date.',
        risk: expectedA.risk,
      });
      // Every other item of the first section is still unanswered.
      for (const it of first.items.slice(1)) assert.equal(await checkedStatus(page, it.title), null, it.title);
    }));
});

async function goToSectionAndRead(page, sectionTitle, itemTitle) {
  await goToSection(page, sectionTitle);
  return readItem(page, itemTitle);
}

describe('answering with the keyboard only', () => {
  it('tabs to a status, changes it with the arrow keys and Space, and types notes', () =>
    run('keyboard', async ({ page }) => {
      const title = itemB;
      const achieved = statusRadio(page, title, 'Achieved');
      // From the top of the page, Tab until the item's first status has focus.
      await page.locator('body').evaluate(() => document.activeElement?.blur());
      await tabTo(page, achieved);
      assert.equal(await checkedStatus(page, title), null, 'focus alone chooses nothing');

      await page.keyboard.press('Space');
      assert.equal(await checkedStatus(page, title), 'Achieved');
      await waitForProgress(page, (p) => p > 0);

      await page.keyboard.press('ArrowDown');
      assert.equal(await checkedStatus(page, title), 'Partially achieved', `focus: ${JSON.stringify(await focusedElement(page))}`);
      await page.keyboard.press('ArrowDown');
      assert.equal(await checkedStatus(page, title), 'Not achieved');
      await page.keyboard.press('ArrowUp');
      assert.equal(await checkedStatus(page, title), 'Partially achieved');
      await page.keyboard.press('Space');
      assert.equal(await checkedStatus(page, title), 'Partially achieved');
      const id = first.items[1].id;
      await waitForStored(page, (rec) => rec.assessment?.answers?.[id]?.status === 'partially_achieved');

      // Ratings with the keyboard: arrow keys on a closed select change its value.
      const likelihood = item(page, title).getByLabel('Likelihood', { exact: true });
      await tabTo(page, likelihood, 10);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      assert.equal(await likelihood.inputValue(), '2');

      const notes = field(page, title, 'Notes');
      await tabTo(page, notes, 10);
      await page.keyboard.type('Typed without a mouse.');
      assert.equal(await notes.inputValue(), 'Typed without a mouse.');
      const rec = await waitForStored(page, (r) => r.assessment?.answers?.[id]?.notes === 'Typed without a mouse.');
      assert.equal(rec.assessment.answers[id].status, 'partially_achieved');
      assert.equal(rec.assessment.answers[id].likelihood, 2);
      assert.match((await sectionSummaries(page))[0], new RegExp(`1 of ${first.items.length} assessed`));
    }));
});

describe('saving', () => {
  it('keeps text typed just before a reload (flushed on pagehide)', () =>
    run('pagehide-flush', async ({ page }) => {
      await chooseStatus(page, itemC, 'Partially achieved');
      await field(page, itemC, 'Notes').fill('Typed, then reloaded at once.');
      await field(page, itemC, 'Owner').fill('Records manager');
      await page.reload({ waitUntil: 'load' });
      await waitUntilInteractive(page);
      assert.equal(await checkedStatus(page, itemC), 'Partially achieved');
      assert.equal(await field(page, itemC, 'Notes').inputValue(), 'Typed, then reloaded at once.');
      assert.equal(await field(page, itemC, 'Owner').inputValue(), 'Records manager');
    }));

  it('the Assessments view, opened straight after an answer, lists the assessment as it is on screen', () =>
    run('list-after-answer', async ({ page }) => {
      const total = checklist.sections.reduce((n, s) => n + s.items.length, 0);
      // Fresh: nothing is saved until the first answer; the view is opened before the
      // save would run on its own.
      await chooseStatus(page, itemA, 'Achieved');
      await showView(page, 'Assessments');
      let rows = await assessmentRows(page);
      assert.equal(rows.length, 1, `rows: ${JSON.stringify(rows)}`);
      assert.match(rows[0].progress, new RegExp(`^1 of ${total}\\b`), rows[0].progress);
      // A second answer, then the view at once: the count is the new one.
      await showView(page, 'Checklist');
      await chooseStatus(page, itemB, 'Not achieved');
      await showView(page, 'Assessments');
      rows = await assessmentRows(page);
      assert.match(rows[0].progress, new RegExp(`^2 of ${total}\\b`), rows[0].progress);
    }));

  it('uses only keys under "risk-checklist/" and leaves the page\'s other keys alone', () =>
    run('storage-keys', async ({ page }) => {
      await page.evaluate(() => window.localStorage.setItem('other-app', 'keep me'));
      await chooseStatus(page, itemA, 'Achieved');
      await field(page, itemA, 'Notes').fill('Saved under the namespace.');
      const rec = await waitForStored(page, (r) => r.assessment?.answers?.[first.items[0].id]?.notes === 'Saved under the namespace.');
      assert.equal(rec.format, 'risk-checklist/stored-assessment');
      assert.equal(rec.format_version, 3);
      assert.equal(rec.checklist?.id, checklist.id);
      const entries = await localStorageEntries(page);
      assert.equal(entries['other-app'], 'keep me');
      assert.ok(indexKey() in entries, `no ${indexKey()} in ${JSON.stringify(Object.keys(entries))}`);
      const current = JSON.parse(entries[indexKey()]).current;
      assert.equal(JSON.parse(entries[`risk-checklist/v1/default/assessment/${current}`]).format, 'risk-checklist/stored-assessment');
      for (const key of Object.keys(entries)) {
        if (key !== 'other-app') assert.ok(key.startsWith('risk-checklist/'), `foreign key ${key}`);
      }
    }));
});

describe('Export JSON', () => {
  it('downloads a self-contained assessment file with the answers entered', () =>
    run('export', async ({ page }) => {
      await titleField(page).fill('Team Chat Pilot');
      await page.getByLabel('Assessor', { exact: true }).fill('A. Tester');
      await chooseStatus(page, itemA, 'Not achieved');
      await rate(page, itemA, { likelihood: 3, impact: 2 });
      await fillDetails(page, itemA, { notes: 'No owner yet.', owner: 'Deputy director', due: '2027-01-15', action: 'Name one.' });
      await chooseStatus(page, itemB, 'Achieved');

      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 10_000 }),
        page.getByRole('button', { name: 'Export JSON', exact: true }).click(),
      ]);
      const name = download.suggestedFilename();
      assert.match(name, /^[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.json$/, `file name ${name}`);
      assert.ok(name.startsWith('team-chat-pilot-'), `file name ${name}`);
      const file = await download.path();
      const doc = JSON.parse(readFileSync(file, 'utf8'));

      assert.equal(doc.format, 'risk-checklist/assessment');
      assert.equal(doc.format_version, 3);
      assert.ok(Array.isArray(doc.definition?.sections) && doc.definition.sections.length > 0, 'definition.sections');
      assert.equal(doc.checklist?.id, doc.definition.id);
      assert.equal(name.slice(-15, -5), String(doc.exported).slice(0, 10), 'the file name carries the export date');
      assert.equal(doc.assessment.title, 'Team Chat Pilot');
      assert.equal(doc.assessment.assessor, 'A. Tester');

      const idOf = (title) => {
        for (const s of doc.definition.sections) for (const it of s.items) if (it.title === title) return it.id;
        throw new Error(`no item titled ${title} in the exported definition`);
      };
      const a = doc.assessment.answers[idOf(itemA)];
      assert.ok(a, `no answer for ${idOf(itemA)} in ${JSON.stringify(Object.keys(doc.assessment.answers))}`);
      assert.equal(a.status, 'not_achieved');
      assert.equal(a.likelihood, 3);
      assert.equal(a.impact, 2);
      assert.equal(a.notes, 'No owner yet.');
      assert.equal(a.owner, 'Deputy director');
      assert.equal(a.due, '2027-01-15');
      assert.equal(a.action, 'Name one.');
      assert.equal(doc.assessment.answers[idOf(itemB)]?.status, 'achieved');
      assert.equal(doc.summary?.progress?.assessed, 2);

      // A message in the status region says it happened.
      await page.getByRole('status').filter({ hasText: /\S/ }).first().waitFor({ state: 'attached', timeout: 3_000 });
    }));

  it('exporting twice says so twice: the status region gets a new message node each time', () =>
    run('export-announced-twice', async ({ page }) => {
      const status = page.locator('.rc-live[role="status"]');
      await exportJson(page);
      const first = await status.locator('span').elementHandle();
      assert.match(await first.innerText(), /^Exported .*\.json\./);
      await exportJson(page);
      await page.waitForFunction((el) => !el.isConnected, first);
      assert.equal(await status.innerText(), await first.innerText(), 'the same text, said again');
    }));
});

describe('Start again', () => {
  it('asks first: Cancel keeps the answers, confirming clears them and nothing else', () =>
    run('start-again', async ({ page }) => {
      await page.evaluate(() => window.localStorage.setItem('other-app', 'keep me'));
      await chooseStatus(page, itemA, 'Achieved');
      await field(page, itemA, 'Notes').fill('Will be cleared.');
      await chooseStatus(page, itemB, 'Not applicable');
      const ids = [first.items[0].id, first.items[1].id];
      await waitForStored(page, (r) => ids.every((id) => r.assessment?.answers?.[id]) && r.assessment.answers[ids[0]].notes === 'Will be cleared.');
      const before = await progress(page);
      assert.ok(before > 0);

      const startAgain = page.getByRole('button', { name: 'Start again', exact: true });
      const yes = page.getByRole('button', { name: 'Yes, clear all answers', exact: true });
      const cancel = page.getByRole('button', { name: 'Cancel', exact: true });

      await startAgain.click();
      await yes.waitFor({ state: 'visible' });
      await cancel.waitFor({ state: 'visible' });
      assert.equal(await progress(page), before, 'asking clears nothing');
      await cancel.click();
      await yes.waitFor({ state: 'hidden' });
      assert.equal(await progress(page), before);
      assert.equal(await checkedStatus(page, itemA), 'Achieved');
      assert.equal(await field(page, itemA, 'Notes').inputValue(), 'Will be cleared.');

      await startAgain.click();
      await yes.click();
      await waitForProgress(page, (p) => p === 0);
      assert.equal(await checkedStatus(page, itemA), null);
      assert.equal(await checkedStatus(page, itemB), null);
      assert.equal(await field(page, itemA, 'Notes').inputValue(), '');
      assert.match((await sectionSummaries(page))[0], new RegExp(`\\b0 of ${first.items.length} assessed`));

      await saveNow(page);
      const stored = await storedAssessment(page);
      assert.ok(stored === null || Object.keys(stored.assessment?.answers ?? {}).length === 0, `stored after clearing: ${JSON.stringify(stored)}`);
      const entries = await localStorageEntries(page);
      assert.equal(entries['other-app'], 'keep me', 'the other app\'s key survives');
      for (const key of Object.keys(entries)) {
        if (key !== 'other-app') assert.ok(key.startsWith('risk-checklist/'), `foreign key ${key}`);
      }

      await page.reload({ waitUntil: 'load' });
      await waitUntilInteractive(page);
      assert.equal(await progress(page), 0, 'still cleared after a reload');
      assert.equal(await checkedStatus(page, itemA), null);
      assert.equal(await page.evaluate(() => window.localStorage.getItem('other-app')), 'keep me');
    }));
});

describe('the Show filter', () => {
  it('shows all items, the ones not yet assessed, or the high risks', () =>
    run('filter', async ({ page }) => {
      const show = page.getByRole('radiogroup', { name: 'Show', exact: true }).or(page.getByRole('group', { name: 'Show', exact: true }));
      await show.first().waitFor();
      await chooseStatus(page, itemA, 'Not achieved');
      await rate(page, itemA, { likelihood: 3, impact: 3 });
      await chooseStatus(page, itemB, 'Achieved');
      const visible = async () => {
        const out = [];
        for (const it of first.items) if (await item(page, it.title).count()) out.push(it.title);
        return out;
      };
      await page.getByRole('radio', { name: 'High risk', exact: true }).click();
      assert.deepEqual(await visible(), [itemA]);
      await page.getByRole('radio', { name: 'Not yet assessed', exact: true }).click();
      assert.deepEqual(await visible(), first.items.slice(2).map((i) => i.title));
      await page.getByRole('radio', { name: 'All items', exact: true }).click();
      assert.deepEqual(await visible(), first.items.map((i) => i.title));

      // An item answered under a filter stays where it is, with the focus, until the filter
      // changes: arrow keys move through the statuses, each one choosing as it goes.
      await page.getByRole('radio', { name: 'Not yet assessed', exact: true }).click();
      const itemD = first.items[3].title;
      await statusRadio(page, itemC, 'Achieved').focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowRight');
      // The item's badge shows the new status once the page has rendered the change.
      await item(page, itemC).getByText('Partially achieved', { exact: true }).and(item(page, itemC).locator('.rc-badge')).waitFor();
      assert.equal(await checkedStatus(page, itemC), 'Partially achieved');
      assert.equal(await statusRadio(page, itemC, 'Partially achieved').evaluate((el) => el === document.activeElement), true,
        `the focus stays on the status chosen (on ${await focusedElement(page)})`);
      assert.deepEqual(await visible(), first.items.slice(2).map((i) => i.title), 'the answered item is still shown');
      await page.keyboard.press('Tab');
      assert.ok(await item(page, itemC).evaluate((el) => el.contains(document.activeElement)), 'Tab goes on within the item');
      // Under the filter afresh, the rule applies again.
      await page.getByRole('radio', { name: 'All items', exact: true }).click();
      await page.getByRole('radio', { name: 'Not yet assessed', exact: true }).click();
      assert.deepEqual(await visible(), first.items.slice(3).map((i) => i.title));
      assert.ok(await item(page, itemD).count(), itemD);
    }));
});

describe('with storage blocked', () => {
  it('still renders and answers, and warns that answers are not being saved', () =>
    run(
      'storage-blocked',
      async ({ page }) => {
        assert.equal(await progress(page), 0);
        await chooseStatus(page, itemA, 'Achieved');
        assert.equal(await checkedStatus(page, itemA), 'Achieved');
        await waitForProgress(page, (p) => p > 0);
        await field(page, itemA, 'Notes').fill('Kept in memory only.');
        await rate(page, itemA, { likelihood: 1, impact: 1 });
        assert.match(await riskText(page, itemA), /Low/);
        const alert = page.getByRole('alert').filter({ hasText: /saved/i }).first();
        await alert.waitFor({ state: 'visible', timeout: 3_000 });
        const text = (await alert.innerText()).replace(/\s+/g, ' ');
        assert.match(text, /\b(not|cannot|can't|won't)\b[^.]*\bsaved\b/i, `alert text: ${text}`);
      },
      { initScript: blockStorage },
    ));
});

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  const scan = async (page) => {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    return result.violations;
  };

  it('has no violations on the fresh page, nor after answering an item with its guidance open', () =>
    run('axe', async ({ page }) => {
      const fresh = await scan(page);
      assert.equal(fresh.length, 0, `fresh page:\n${formatViolations(fresh)}`);

      const guidance = item(page, itemA).locator('details');
      await item(page, itemA).locator('summary').filter({ hasText: 'Guidance' }).click();
      assert.equal(await guidance.evaluate((d) => d.open), true, 'guidance opens');
      await chooseStatus(page, itemA, 'Not achieved');
      await rate(page, itemA, { likelihood: 3, impact: 3 });
      await fillDetails(page, itemA, { notes: 'Nobody owns it.', owner: 'Director', due: '2027-02-01', action: 'Appoint an owner.' });
      await page.getByRole('radio', { name: 'High risk', exact: true }).click();
      const answered = await scan(page);
      assert.equal(answered.length, 0, `after answering:\n${formatViolations(answered)}`);
      await page.getByRole('button', { name: 'Start again', exact: true }).click();
      const confirming = await scan(page);
      assert.equal(confirming.length, 0, `while confirming Start again:\n${formatViolations(confirming)}`);
    }));

  it('in forced colours (a Windows contrast theme) the current view and section are marked by the borders drawn, not by colour', () =>
    run('forced-colours', async ({ page }) => {
      await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
      // Every border takes the same system colour here, so the style of the marking border
      // must differ between the current control and the others.
      const marks = (selector, side) =>
        page.locator(selector).evaluateAll((els, side) => els.map((el) => [el.classList.contains('rc-current'), getComputedStyle(el)[`border${side}Style`], getComputedStyle(el)[`border${side}Width`]]), side);
      for (const [selector, side] of [['.rc-tab', 'Bottom'], ['.rc-nav-button', 'Left']]) {
        const all = await marks(selector, side);
        assert.ok(all.length > 1 && all.filter(([current]) => current).length === 1, `${selector}: ${JSON.stringify(all)}`);
        for (const [current, style, width] of all) {
          assert.deepEqual([style, width], current ? ['solid', '4px'] : ['hidden', '0px'], `${selector}: ${JSON.stringify(all)}`);
        }
      }
      await page.emulateMedia({ forcedColors: 'none' });
    }));
});

describe('the page', () => {
  it('loads only from its own origin and serves the wasm as application/wasm', () =>
    run('origin', async ({ page, requests, origin }) => {
      const wasm = [...new Set(requests.filter((u) => new URL(u, origin).pathname.endsWith('.wasm')))];
      assert.equal(wasm.length, 1, `wasm files requested: ${wasm.join(', ')}`);
      const res = await page.request.get(wasm[0]);
      assert.equal(res.headers()['content-type'], 'application/wasm');
      assert.ok(requests.every((u) => u.startsWith(origin) || u.startsWith('data:')));
      assert.ok(await sectionNav(page).count(), 'a section navigation');
    }));
});

describe('small screens', () => {
  it('every view fits 320 CSS pixels without sideways scrolling (WCAG 1.4.10 reflow)', () =>
    run('reflow', async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 800 });
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      for (const view of ['Checklist', 'Summary', 'Assessments']) {
        await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view, exact: true }).click();
        assert.equal(await overflow(), 0, `the ${view} view scrolls sideways at 320 px`);
      }
    }));
});

describe('keyboard shortcuts through the page', () => {
  it('"Skip to the items" appears on Tab and moves focus past the section list to the section heading', () =>
    run('skip-link', async ({ page }) => {
      const skip = page.getByRole('button', { name: 'Skip to the items', exact: true });
      await tabTo(page, skip);
      assert.ok((await skip.boundingBox()).width > 20, 'the skip button is visible once focused');
      await page.keyboard.press('Enter');
      const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
      assert.equal(focused, first.title, 'focus is on the section heading');
      await page.keyboard.press('Tab');
      const next = await page.evaluate(() => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent ?? document.activeElement?.getAttribute('name') ?? '');
      assert.ok(!(await page.evaluate(() => !!document.activeElement?.closest('nav'))), `the next Tab stays out of the section list (${next})`);
    }));

  it('the last section leads on to the Summary, which takes the focus', () =>
    run('next-summary', async ({ page }) => {
      const sections = defaultChecklist().sections;
      await goToSection(page, sections[sections.length - 1].title);
      assert.equal(await page.getByRole('button', { name: /^Next: /, exact: false }).innerText(), 'Next: Summary');
      await page.getByRole('button', { name: 'Next: Summary', exact: true }).focus();
      await page.keyboard.press('Enter');
      const summary = page.getByRole('region', { name: 'Summary', exact: true });
      await summary.waitFor();
      await page.waitForFunction(() => document.activeElement?.classList.contains('rc-summary'), null, { timeout: 5000 });
      // From the Summary tab itself the focus stays on the tab.
      await showView(page, 'Checklist');
      await page.getByRole('button', { name: 'Summary', exact: true }).focus();
      await page.keyboard.press('Enter');
      await summary.waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Summary', `focus on ${await focusedElement(page)}`);
    }));
});
