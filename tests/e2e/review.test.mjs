// End-to-end tests of reviews, comparisons and merges, in the release build: a signed-off
// assessment starts a review whose Summary, printout, HTML report and CSV show exactly what
// changed since the decision, after a reload too; Compare on the Assessments list and in the import preview
// shows the items that differ side by side; a colleague's file is merged with a side chosen for
// a whole section, then per item (by mouse and by keyboard), backed up first, and Undo puts the
// assessment back exactly as it was; a file of the previous format version imports; and each
// new view passes an axe-core scan for WCAG 2.2 A/AA.
//
// Run: cd tests/e2e && npm test

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';

import {
  backups,
  chooseStatus,
  currentId,
  defaultChecklist,
  downloadFrom,
  eventually,
  exportJson,
  field,
  fileOf,
  formatViolations,
  importFile,
  importPreview,
  item,
  localStorageEntries,
  previewFacts,
  rate,
  recordDecision,
  recordKey,
  saveNow,
  showView,
  storedAssessment,
  titleField,
  useBrowserAndServer,
  waitForStored,
  waitUntilInteractive,
  assertInViewport,
  banner,
} from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const checklist = defaultChecklist();
const [first] = checklist.sections;
const [itemA, itemB, itemC] = first.items;

const env = useBrowserAndServer();
const { run } = env;

/** Fails with the violations when axe-core finds any in the page (WCAG 2.2 A and AA). */
async function assertAccessible(page, what) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  assert.deepEqual(violations.map((v) => v.id), [], `${what}:\n${formatViolations(violations)}`);
}

/** The rows of the table named `caption`, each an array of its cells' text, spaces collapsed. */
function tableRows(page, caption) {
  return page
    .getByRole('table', { name: caption, exact: true })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((tr) => [...tr.cells].map((c) => c.innerText.replace(/\s+/g, ' ').trim())));
}

/** Records a decision in the Summary: the risk owner, Proceed, and the date of decision. */
async function signOff(page) {
  await recordDecision(page, { decided: '2026-12-01' });
}

describe('Start a review', () => {
  it('a review of a decided assessment shows exactly the two answers changed since, in the Summary, the HTML report and the CSV, and after a reload', () =>
    run('review-changes', async ({ page }) => {
      await titleField(page).fill('Team chat pilot');
      await chooseStatus(page, itemA.title, 'Achieved');
      await chooseStatus(page, itemB.title, 'Not achieved');
      await rate(page, itemB.title, { likelihood: 3, impact: 3 });
      await chooseStatus(page, itemC.title, 'Partially achieved');
      await waitForStored(page, (r) => r.assessment.answers?.[itemC.id]?.status === 'partially_achieved');
      const originalId = await currentId(page);
      const form = page.getByRole('region', { name: 'Decision and sign-off', exact: true });
      await showView(page, 'Summary');
      assert.equal(await form.getByRole('button', { name: 'Start a review', exact: true }).count(), 0, 'no review before a decision');
      await signOff(page);
      const original = await storedAssessment(page);

      // By keyboard: the button goes with the Summary, and the focus goes to the banner saying
      // the review started, at the top of the view it opens, in the viewport.
      await form.getByRole('button', { name: 'Start a review', exact: true }).focus();
      await page.keyboard.press('Enter');
      await banner(page).filter({ hasText: 'Started a review of “Team chat pilot – review ' }).waitFor();
      await page.waitForFunction(() => document.activeElement?.classList.contains('rc-banner'), null, { timeout: 5000 });
      await assertInViewport(page, banner(page), 'the banner after Start a review');
      const started = await waitForStored(page, (r) => r.assessment.review_of !== undefined);
      assert.notEqual(await currentId(page), originalId, 'the review is a new assessment');
      assert.deepEqual(started.assessment.answers, original.assessment.answers, 'the same answers');
      assert.equal(started.assessment.signoff, undefined, 'its sign-off empty');
      assert.deepEqual(
        { id: started.assessment.review_of.id, title: started.assessment.review_of.title, decided: started.assessment.review_of.decided },
        { id: originalId, title: 'Team chat pilot', decided: '2026-12-01' },
      );
      const kept = await page.evaluate((k) => window.localStorage.getItem(k), recordKey(originalId));
      assert.deepEqual(JSON.parse(kept), original, 'the assessment reviewed is kept as it was');

      await showView(page, 'Summary');
      const changes = page.getByRole('region', { name: 'Changes since last review', exact: true });
      await changes.getByText('This assessment reviews Team chat pilot, decided 1 December 2026 by Jane Smith (Proceed).').waitFor();
      await changes.getByText("No item's answer or scope differs.").waitFor();
      await form.getByText('Not signed off yet.').waitFor();

      // Two answers change in the review.
      await showView(page, 'Checklist');
      await chooseStatus(page, itemA.title, 'Not achieved');
      await field(page, itemB.title, 'Owner').fill('Head of Digital');
      await waitForStored(page, (r) => r.assessment.answers?.[itemA.id]?.status === 'not_achieved' && r.assessment.answers?.[itemB.id]?.owner === 'Head of Digital');

      const expected = [
        [itemA.title, first.title, 'Status Achieved', 'Status Not achieved'],
        [itemB.title, first.title, 'Owner Not set', 'Owner Head of Digital'],
      ];
      const caption = 'Items changed since the last review';
      await showView(page, 'Summary');
      assert.deepEqual(await tableRows(page, caption), expected);
      await changes.getByText('Risks: 1 risk opened, 0 closed, 0 raised, 0 lowered.').waitFor();
      await assertAccessible(page, 'the Summary of a review');

      // The HTML report has the same two, read as a browser shows it, with scripts off.
      const { text } = await downloadFrom(page, 'Export HTML report');
      const reader = await env.browser.newPage({ javaScriptEnabled: false });
      try {
        await reader.setContent(text, { waitUntil: 'load' });
        await reader.getByRole('heading', { name: 'Changes since last review', exact: true }).waitFor();
        const items = await reader.locator('table.changes tbody tr').evaluateAll((rows) => rows.map((tr) => tr.cells[0].textContent.trim()));
        assert.deepEqual(items, [itemA.title, itemB.title]);
      } finally {
        await reader.close();
      }

      // The printout has them too.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await changes.isVisible(), true, 'printed');
      assert.deepEqual(await tableRows(page, caption), expected);
      await page.emulateMedia({ media: 'screen' });

      // The CSV says what each item was at the last review.
      const csv = (await downloadFrom(page, 'Export CSV')).text;
      const line = csv.split('\r\n').find((l) => l.includes(itemA.title));
      // Now not achieved and not rated: an open risk, after its previous status and no previous band.
      assert.ok(line.endsWith(',Achieved,,Yes,,,'), `the first item's previous status, no previous band, open, and no response, overdue date or fingerprint: ${line}`);

      // After a reload, the same two.
      await page.reload({ waitUntil: 'load' });
      await waitUntilInteractive(page);
      await showView(page, 'Summary');
      assert.deepEqual(await tableRows(page, caption), expected);
    }));
});

describe('Compare', () => {
  it('"Compare" on the Assessments list shows the items that differ from the open assessment, side by side', () =>
    run('compare-list', async ({ page }) => {
      await titleField(page).fill('Pilot');
      await chooseStatus(page, itemA.title, 'Achieved');
      await waitForStored(page, (r) => r.assessment.title === 'Pilot' && r.assessment.answers?.[itemA.id]);
      await showView(page, 'Assessments');
      await page.getByRole('button', { name: 'New assessment', exact: true }).click();
      await waitUntilInteractive(page);
      await titleField(page).fill('Pilot two');
      await chooseStatus(page, itemA.title, 'Not achieved');
      await chooseStatus(page, itemB.title, 'Achieved');
      await waitForStored(page, (r) => r.assessment.title === 'Pilot two' && r.assessment.answers?.[itemB.id]);

      await showView(page, 'Assessments');
      await page.getByRole('button', { name: 'Compare Pilot with the open assessment', exact: true }).click();
      const view = page.getByRole('region', { name: 'Compare assessments', exact: true });
      await view.waitFor();
      const heading = view.getByRole('heading', { name: 'Compare assessments', exact: true });
      assert.equal(await heading.evaluate((h) => h === document.activeElement), true, 'focus moves to the heading');
      const facts = (await view.locator('dl.rc-facts').innerText()).replace(/\s+/g, ' ');
      assert.match(facts, /^Before “Pilot” \(last changed \d{4}-\d{2}-\d{2}\) After “Pilot two”, open now \(last changed \d{4}-\d{2}-\d{2}\)$/);
      assert.deepEqual(await tableRows(page, 'Items that differ'), [
        [itemA.title, first.title, 'Status Achieved', 'Status Not achieved'],
        [itemB.title, first.title, 'Status Not assessed', 'Status Achieved'],
      ]);
      await view.getByText('Risks: 1 risk opened, 0 closed, 0 raised, 0 lowered.').waitFor();
      await assertAccessible(page, 'the comparison');

      await view.getByRole('button', { name: 'Close the comparison', exact: true }).click();
      await page.getByRole('table', { name: 'Assessments saved in this browser', exact: true }).waitFor();
      const compareButton = page.getByRole('button', { name: 'Compare Pilot with the open assessment', exact: true });
      await eventually(() => compareButton.evaluate((b) => b === document.activeElement), 'focus goes back to the Compare button that opened the comparison');
    }));
});

/** Mine: the first item achieved with notes, the second not achieved; saved. */
async function myWork(page) {
  await titleField(page).fill('Current work');
  await chooseStatus(page, itemA.title, 'Achieved');
  await field(page, itemA.title, 'Notes').fill('Mine.');
  await chooseStatus(page, itemB.title, 'Not achieved');
  await waitForStored(page, (r) => r.assessment.answers?.[itemA.id]?.notes === 'Mine.' && r.assessment.answers?.[itemB.id]);
}

/** A colleague's file: my export with the first two items answered otherwise and a third added. */
async function colleaguesFile(page) {
  const { doc } = await exportJson(page);
  doc.assessment.assessor = 'Sam Jones';
  doc.assessment.answers[itemA.id] = { status: 'not_achieved', notes: 'Theirs.', changed: '2026-11-30T09:00:00Z' };
  doc.assessment.answers[itemB.id] = { status: 'achieved', changed: '2026-11-30T09:05:00Z' };
  doc.assessment.answers[itemC.id] = { status: 'partially_achieved', changed: '2026-11-30T09:10:00Z' };
  return fileOf('colleague.json', JSON.stringify(doc, null, 2));
}

describe('Merge', () => {
  it("a colleague's file is compared, then merged with a side chosen for the section and per item; the backup holds mine and Undo puts it back exactly", () =>
    run('merge-undo', async ({ page }) => {
      await myWork(page);
      const id = await currentId(page);
      const file = await colleaguesFile(page);
      await saveNow(page);
      const before = (await localStorageEntries(page))[recordKey(id)];

      // Compare from the preview first: the preview stays for the choice.
      await importFile(page, file);
      const preview = importPreview(page);
      await preview.getByRole('button', { name: 'Compare with this assessment', exact: true }).click();
      const compared = page.getByRole('region', { name: 'Compare assessments', exact: true });
      const rows = await tableRows(page, 'Items that differ');
      assert.deepEqual(rows.map((r) => r[0]), [itemA.title, itemB.title, itemC.title]);
      await compared.getByRole('button', { name: 'Close the comparison', exact: true }).click();
      await compared.waitFor({ state: 'detached' });
      const compareFromPreview = preview.getByRole('button', { name: 'Compare with this assessment', exact: true });
      await eventually(() => compareFromPreview.evaluate((b) => b === document.activeElement), 'focus goes back to the preview\'s Compare button');

      await preview.getByRole('button', { name: 'Merge into this assessment', exact: true }).click();
      const merge = page.getByRole('region', { name: 'Merge colleague.json into this assessment?', exact: true });
      await merge.waitFor();
      assert.equal(await merge.getByRole('heading', { level: 2 }).evaluate((h) => h === document.activeElement), true, 'focus moves to the heading');
      const section = merge.getByRole('region', { name: first.title, exact: true });
      await section.getByRole('heading', { name: 'Only in the file, added (1)', exact: true }).waitFor();
      // What the file adds comes with its status (and its risk, when rated).
      assert.equal((await section.locator('ul').first().innerText()).trim(), `${itemC.title} – Partially achieved`);
      await section.getByRole('heading', { name: 'Answered differently (2)', exact: true }).waitFor();
      const groupA = section.getByRole('group', { name: itemA.title, exact: true });
      const groupB = section.getByRole('group', { name: itemB.title, exact: true });
      const checked = async (group) => {
        for (const name of ['Keep mine', 'Take theirs', 'Keep both notes']) {
          const radio = group.getByRole('radio', { name, exact: true });
          if ((await radio.count()) && (await radio.isChecked())) return name;
        }
        return null;
      };
      assert.deepEqual([await checked(groupA), await checked(groupB)], ['Keep mine', 'Keep mine'], 'mine is kept by default');
      assert.equal(await groupB.getByRole('radio', { name: 'Keep both notes', exact: true }).count(), 0, 'both notes only where the notes differ');
      const sideBySide = await groupA.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText.trim())));
      assert.deepEqual(sideBySide[0], ['Status', 'Achieved', 'Not achieved']);
      // Their side is named after the file, and its assessor, who is not the person merging.
      assert.deepEqual(await groupA.locator('thead th').allInnerTexts(), ['Yours', 'colleague.json (Sam Jones)']);
      const [term, mine, theirs] = sideBySide.at(-1);
      assert.deepEqual([term, theirs], ['Last changed', '2026-11-30 09:00 UTC']);
      assert.match(mine, /^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
      await assertAccessible(page, 'the merge preview');
      // WCAG 1.4.10: at 320 CSS px the preview wraps; only its tables scroll, in their regions.
      const size = page.viewportSize();
      await page.setViewportSize({ width: 320, height: 800 });
      await eventually(() => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'the merge preview fits 320 px without sideways scrolling');
      await page.setViewportSize(size);

      // The whole section, then one item by mouse and one by keyboard.
      await section.getByRole('button', { name: 'Take theirs for the whole section', exact: true }).click();
      await eventually(async () => (await checked(groupA)) === 'Take theirs' && (await checked(groupB)) === 'Take theirs', 'theirs chosen for the whole section');
      await groupA.getByRole('radio', { name: 'Keep both notes', exact: true }).check();
      await groupB.getByRole('radio', { name: 'Take theirs', exact: true }).focus();
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction(() => document.activeElement?.labels?.[0]?.textContent === 'Keep mine');
      assert.deepEqual([await checked(groupA), await checked(groupB)], ['Keep both notes', 'Keep mine']);
      await merge.getByText('Applying the merge adds 1 answer, takes 0 from the file and keeps both notes for 1.').waitFor();

      await merge.getByRole('button', { name: 'Apply the merge', exact: true }).click();
      await merge.waitFor({ state: 'detached' });
      // The merge is gone with its button: the banner saying what it did, with Undo, takes the
      // focus at the top of the view, in the viewport; nothing else says it again.
      await banner(page).filter({ hasText: 'Merged colleague.json into this assessment: 1 answer added, 0 taken from the file, 1 with both notes. Your assessment as it was is also kept as a backup in this browser' }).waitFor();
      await eventually(() => banner(page).evaluate((el) => el === document.activeElement), 'focus on the banner after the merge');
      await assertInViewport(page, banner(page).getByRole('button', { name: 'Undo', exact: true }), 'Undo after the merge');
      assert.equal(await page.locator('.rc-live span').count(), 0, 'the status region does not say it again');
      const merged = await waitForStored(page, (r) => r.assessment.answers?.[itemC.id]?.status === 'partially_achieved');
      assert.equal(merged.assessment.answers[itemA.id].status, 'achieved', 'my status, with both notes');
      assert.equal(merged.assessment.answers[itemA.id].notes, 'Mine.\n--- Notes from colleague.json (Sam Jones) ---\nTheirs.');
      assert.equal(merged.assessment.answers[itemB.id].status, 'not_achieved', 'mine kept, as chosen by keyboard');
      assert.equal(await currentId(page), id, 'merged in place');
      assert.ok(Object.values(await backups(page)).includes(before), 'a backup holds the assessment as it was, byte for byte');
      await item(page, itemA.title).waitFor();
      assert.equal(await field(page, itemA.title, 'Notes').inputValue(), 'Mine.\n--- Notes from colleague.json (Sam Jones) ---\nTheirs.');

      await banner(page).getByRole('button', { name: 'Undo', exact: true }).click();
      await banner(page).filter({ hasText: 'The merge was undone: the previous answers are back. The merged answers were kept as a backup in this browser.' }).waitFor();
      // Undo went with its banner: the focus is on the banner saying it was undone, never
      // dropped to the page.
      await page.waitForFunction(() => document.activeElement?.classList.contains('rc-banner'), null, { timeout: 5000 });
      await saveNow(page);
      await waitForStored(page, (r) => r.assessment.answers?.[itemC.id] === undefined);
      assert.equal((await localStorageEntries(page))[recordKey(id)], before, 'the assessment is back exactly as it was');
      assert.equal(await field(page, itemA.title, 'Notes').inputValue(), 'Mine.');
      assert.ok(Object.values(await backups(page)).some((b) => JSON.parse(b).assessment.answers[itemC.id]), 'the merged answers were kept as a backup');
    }));

  it("the preview tells all: what the file adds with its status and risk, whose file it is, a side without notes, and a note of mine that taking theirs removes", () =>
    run('merge-tells-all', async ({ page }) => {
      await page.getByLabel('Assessor', { exact: true }).fill('Ana Jones');
      await chooseStatus(page, itemA.title, 'Achieved');
      await field(page, itemA.title, 'Notes').fill('Checked with the records manager.');
      await chooseStatus(page, itemB.title, 'Not achieved');
      await field(page, itemB.title, 'Notes').fill('Mine B.');
      await waitForStored(page, (r) => r.assessment.assessor === 'Ana Jones' && r.assessment.answers?.[itemB.id]?.notes === 'Mine B.');
      // A copy of my own work from another computer: the same assessor.
      const { doc } = await exportJson(page);
      doc.assessment.answers[itemA.id] = { status: 'not_achieved', changed: '2026-11-30T09:00:00Z' };
      doc.assessment.answers[itemB.id] = { status: 'achieved', notes: 'Theirs B.', changed: '2026-11-30T09:05:00Z' };
      doc.assessment.answers[itemC.id] = { status: 'not_achieved', likelihood: 3, impact: 3, changed: '2026-11-30T09:10:00Z' };
      await importFile(page, fileOf('laptop.json', JSON.stringify(doc, null, 2)));
      await importPreview(page).getByRole('button', { name: 'Merge into this assessment', exact: true }).click();
      const merge = page.getByRole('region', { name: 'Merge laptop.json into this assessment?', exact: true });
      const section = merge.getByRole('region', { name: first.title, exact: true });
      await section.getByRole('heading', { name: 'Only in the file, added (1)', exact: true }).waitFor();
      assert.equal((await section.locator('ul').first().innerText()).trim(), `${itemC.title} – Not achieved, High (9)`);

      const groupA = section.getByRole('group', { name: itemA.title, exact: true });
      const groupB = section.getByRole('group', { name: itemB.title, exact: true });
      const rows = (group) => group.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText.trim())));
      assert.deepEqual(await groupA.locator('thead th').allInnerTexts(), ['Yours', 'laptop.json'], 'named after the file alone: its assessor is me');
      assert.deepEqual((await rows(groupA)).find((r) => r[0] === 'Notes'), ['Notes', 'Checked with the records manager.', '(no notes)']);
      assert.deepEqual((await rows(groupB)).find((r) => r[0] === 'Notes'), ['Notes', 'Mine B.', 'Theirs B.']);
      // Taking theirs would remove my note: said beside the choice, and tied to "Take theirs".
      const warning = groupA.locator('p', { hasText: 'Taking theirs removes your note' });
      await warning.waitFor();
      assert.equal(await groupB.getByText('Taking theirs removes your note', { exact: false }).count(), 0);
      const takeA = groupA.getByRole('radio', { name: 'Take theirs', exact: true });
      assert.equal(await takeA.getAttribute('aria-describedby'), await warning.getAttribute('id'));
      await assertAccessible(page, 'the merge preview with a warning');

      await takeA.check();
      await groupB.getByRole('radio', { name: 'Keep both notes', exact: true }).check();
      await merge.getByText('Applying the merge adds 1 answer, takes 1 from the file and keeps both notes for 1. It removes your note on 1 item, as the file has none there.').waitFor();
      await merge.getByRole('button', { name: 'Apply the merge', exact: true }).click();
      await merge.waitFor({ state: 'detached' });
      const merged = await waitForStored(page, (r) => r.assessment.answers?.[itemC.id]?.status === 'not_achieved');
      assert.equal(merged.assessment.answers[itemA.id].notes ?? '', '', 'theirs taken, as warned');
      // Their notes are credited to the file, not to the person merging.
      assert.equal(merged.assessment.answers[itemB.id].notes, 'Mine B.\n--- Notes from laptop.json ---\nTheirs B.');
    }));

  it('Cancel leaves everything as it was', () =>
    run('merge-cancel', async ({ page }) => {
      await myWork(page);
      const file = await colleaguesFile(page);
      await saveNow(page);
      const before = await localStorageEntries(page);
      await importFile(page, file);
      await importPreview(page).getByRole('button', { name: 'Merge into this assessment', exact: true }).click();
      const merge = page.getByRole('region', { name: 'Merge colleague.json into this assessment?', exact: true });
      await merge.getByRole('button', { name: 'Take theirs for the whole section', exact: true }).click();
      await merge.getByRole('button', { name: 'Cancel', exact: true }).click();
      await merge.waitFor({ state: 'detached' });
      // The preview closed with it: focus goes to the tab of the view shown.
      await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('aria-current') === 'page' && document.activeElement.textContent === 'Checklist'), 'focus on the Checklist tab after Cancel');
      await saveNow(page);
      assert.deepEqual(await localStorageEntries(page), before);
    }));
});

describe('Import of an older file', () => {
  it('a file of the previous format version (1) imports, and is saved in the current one', () =>
    run('import-previous-version', async ({ page }) => {
      await importFile(page, path.join(here, 'fixtures', 'previous-format-version.json'));
      const facts = await previewFacts(page);
      assert.equal(facts.Assessment, 'Written by the previous version');
      await importPreview(page).getByRole('button', { name: 'Open as a new assessment', exact: true }).click();
      const stored = await waitForStored(page, (r) => r.assessment.title === 'Written by the previous version');
      assert.equal(stored.format_version, 3);
      assert.equal(stored.assessment.answers[itemA.id].notes, 'From the fixture.');
      assert.equal(stored.assessment.answers[itemB.id].status, 'achieved');
    }));
});
