// End-to-end tests of Import, in the release build: a file chosen with "Import JSON" or dropped
// onto the widget shows a preview, and nothing changes until the person chooses to open it as a
// new assessment or to replace the current one (which Undo takes back). Every kind of bad file
// (tests/e2e/fixtures/, made by fixtures/make-fixtures.mjs; the two big ones are made here at
// test time) gets a message naming the reason and saying that nothing was changed, and every
// stored key is byte-for-byte as it was. Hostile text in a file stays text.
//
// Run: cd tests/e2e && npm test

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { AxeBuilder } from '@axe-core/playwright';

import { signed } from './fingerprint.mjs';
import {
  assessmentRows,
  backups,
  checkedStatus,
  chooseStatus,
  currentId,
  defaultChecklist,
  dropFile,
  eventually,
  exportJson,
  field,
  fillDetails,
  fileOf,
  formatViolations,
  goToSection,
  importAlert,
  importFile,
  importPreview,
  importProblem,
  importDetail,
  banner,
  item,
  localStorageEntries,
  previewFacts,
  readItem,
  recordDecision,
  recordKey,
  saveArtifacts,
  showView,
  waitForStored,
  waitUntilInteractive,
  useBrowserAndServer,
  titleField,
  saveNow,
} from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name) => path.join(here, 'fixtures', name);

const checklist = defaultChecklist();
const [first, second] = checklist.sections;
const itemCount = checklist.sections.reduce((n, s) => n + s.items.length, 0);
const [itemA, itemB] = first.items.map((i) => i.title);
const [idA, idB] = first.items.map((i) => i.id);
const idOther = second.items[0].id;

const env = useBrowserAndServer();

/** The "Import JSON" file control. */
const importControl = (page) => page.getByLabel('Import JSON', { exact: true });

/** Waits for the focus to be back on `control`, as a closed preview or message leaves it. */
async function focusBackOn(control, after) {
  await eventually(() => control.evaluate((el) => el === document.activeElement), `focus back on ${control} after ${after}`);
}

/**
 * Chooses a file as a keyboard user does: the focus on "Import JSON", then the file (the
 * browser's file chooser leaves the focus on the control).
 */
async function chooseFile(page, file) {
  await importControl(page).focus();
  await importFile(page, file);
}

const { run } = env;

/** Some work of the person's own, saved before any import: the title and the first item. */
async function startWork(page) {
  await titleField(page).fill('Current work');
  await chooseStatus(page, itemA, 'Achieved');
  await field(page, itemA, 'Notes').fill('Written before the import.');
  await waitForStored(page, (r) => r.assessment.title === 'Current work' && r.assessment.answers?.[idA]?.notes === 'Written before the import.');
}

/** The page still shows the work startWork did. */
async function assertWorkShown(page, context) {
  assert.equal(await titleField(page).inputValue(), 'Current work', `${context}: the title`);
  assert.equal(await checkedStatus(page, itemA), 'Achieved', `${context}: the first item's status`);
  assert.equal(await field(page, itemA, 'Notes').inputValue(), 'Written before the import.', `${context}: the first item's notes`);
}

/** Every localStorage key and value is as it was, once anything pending has been saved. */
async function assertStorageUnchanged(page, before, context) {
  await saveNow(page);
  assert.deepEqual(await localStorageEntries(page), before, `${context}: localStorage changed`);
}

/** A file made by exporting from the app, then edited: other answers, title and export date. */
async function editedExport(page) {
  const { doc } = await exportJson(page);
  assert.equal(doc.format, 'risk-checklist/assessment');
  doc.exported = '2026-01-15T10:00:00.000Z';
  doc.assessment.title = 'Imported pilot';
  doc.assessment.answers = {
    [idA]: { status: 'not_achieved', likelihood: 3, impact: 3, notes: 'From the file.' },
    [idB]: { status: 'achieved' },
    [idOther]: { status: 'not_applicable' },
  };
  return fileOf('imported-pilot.json', JSON.stringify(doc, null, 2));
}

const expectedFacts = {
  Assessment: 'Imported pilot',
  Checklist: `${checklist.title} (version ${checklist.version})`,
  Answered: `3 of ${itemCount} items`,
  Exported: '15 January 2026',
};

/** The page shows what editedExport put in the file. */
async function assertImportedShown(page) {
  assert.equal(await titleField(page).inputValue(), 'Imported pilot');
  await goToSection(page, first.title);
  const a = await readItem(page, itemA);
  assert.equal(a.status, 'Not achieved');
  assert.equal(a.notes, 'From the file.');
  assert.match(a.risk, /High.*\b9\b/);
  assert.equal(await checkedStatus(page, itemB), 'Achieved');
}

describe('Import: a good exported file', () => {
  it('"Import JSON" shows a preview (title, checklist, answered, export date); nothing changes until a choice; Cancel changes nothing', () =>
    run('import-preview-cancel', async ({ page }) => {
      await startWork(page);
      const file = await editedExport(page);
      const before = await localStorageEntries(page);

      await chooseFile(page, file);
      const preview = importPreview(page);
      await preview.waitFor({ state: 'visible' });
      assert.deepEqual(await previewFacts(page), expectedFacts);
      assert.equal((await preview.getByRole('heading').innerText()).trim(), 'Import imported-pilot.json?');
      await preview.getByText('Nothing changes until you choose.').waitFor();
      for (const name of ['Open as a new assessment', 'Replace the current assessment', 'Cancel']) {
        assert.equal(await preview.getByRole('button', { name, exact: true }).count(), 1, `a "${name}" button`);
      }
      assert.equal(await importAlert(page).count(), 0, 'no problem is shown for a good file');

      // Nothing changed while the preview waits.
      await assertWorkShown(page, 'while the preview is open');
      await assertStorageUnchanged(page, before, 'while the preview is open');

      await preview.getByRole('button', { name: 'Cancel', exact: true }).click();
      await preview.waitFor({ state: 'detached' });
      await focusBackOn(importControl(page), 'Cancel');
      await assertWorkShown(page, 'after Cancel');
      await assertStorageUnchanged(page, before, 'after Cancel');
    }));

  it('"Open as a new assessment" opens it beside the current one: the Assessments view lists 2', () =>
    run('import-as-new', async ({ page }) => {
      await startWork(page);
      const oldId = await currentId(page);
      const file = await editedExport(page);
      const before = await localStorageEntries(page);

      await chooseFile(page, file);
      await importPreview(page).getByRole('button', { name: 'Open as a new assessment', exact: true }).click();
      await importPreview(page).waitFor({ state: 'detached' });
      // The preview went with its button: the banner saying what was done has the focus.
      await focusBackOn(banner(page), '"Open as a new assessment"');
      await assertImportedShown(page);

      const stored = await waitForStored(page, (r) => r.assessment.title === 'Imported pilot');
      assert.equal(stored.assessment.answers[idA].notes, 'From the file.');
      assert.equal(stored.assessment.answers[idOther].status, 'not_applicable');
      const newId = await currentId(page);
      assert.notEqual(newId, oldId, 'the import is stored under a new id');
      assert.equal(
        await page.evaluate((k) => window.localStorage.getItem(k), recordKey(oldId)),
        before[recordKey(oldId)],
        'the assessment that was open is stored exactly as it was',
      );
      await banner(page).filter({ hasText: 'as a new assessment' }).waitFor();

      await showView(page, 'Assessments');
      const rows = await assessmentRows(page);
      assert.equal(rows.length, 2, `rows: ${JSON.stringify(rows)}`);
      assert.deepEqual(rows.map((r) => r.title).sort(), ['Current work', 'Imported pilot']);
      assert.deepEqual(rows.filter((r) => r.open).map((r) => r.title), ['Imported pilot']);

      // Both survive a reload, and the import is the one open.
      await page.reload({ waitUntil: 'load' });
      await waitUntilInteractive(page);
      await assertImportedShown(page);
      await showView(page, 'Assessments');
      assert.equal((await assessmentRows(page)).length, 2);
    }));

  it('"Replace the current assessment" replaces the answers, keeps a backup, and Undo brings the previous answers back', () =>
    run('import-replace-undo', async ({ page }) => {
      await startWork(page);
      const id = await currentId(page);
      const file = await editedExport(page);
      const before = await localStorageEntries(page);
      const previous = JSON.parse(before[recordKey(id)]);

      await importFile(page, file);
      await importPreview(page).getByRole('button', { name: 'Replace the current assessment', exact: true }).click();
      await importPreview(page).waitFor({ state: 'detached' });
      // The banner at the top of the view says what was done, with Undo inside it and the focus.
      await banner(page).getByText('Replaced the current answers with').waitFor();
      await eventually(() => banner(page).evaluate((el) => el === document.activeElement), 'the focus on the banner after Replace');
      await assertImportedShown(page);
      const replaced = await waitForStored(page, (r) => r.assessment.title === 'Imported pilot');
      assert.equal(replaced.assessment.answers[idA].status, 'not_achieved');
      assert.equal(await currentId(page), id, 'replaced in place, under the same id');
      const kept = Object.values(await backups(page));
      assert.ok(kept.includes(before[recordKey(id)]), `a backup key holds the replaced record byte for byte; backups: ${kept.length}`);

      const undo = banner(page).getByRole('button', { name: 'Undo', exact: true });
      await undo.click();
      await undo.waitFor({ state: 'detached' });
      await banner(page).filter({ hasText: 'previous answers are back' }).waitFor();
      await eventually(() => banner(page).evaluate((el) => el === document.activeElement), 'the focus on the banner after Undo, not the page');
      await assertWorkShown(page, 'after Undo');
      assert.equal(await checkedStatus(page, itemB), null, 'the imported answer to the second item is gone');
      const restored = await waitForStored(page, (r) => r.assessment.title === 'Current work');
      assert.deepEqual(restored.assessment, previous.assessment, 'the stored record holds the previous answers again');

      await showView(page, 'Assessments');
      assert.deepEqual((await assessmentRows(page)).map((r) => r.title), ['Current work']);
    }));

  it('Undo after Replace keeps the imported answers, with edits made since, as a backup', () =>
    run('import-replace-edit-undo', async ({ page }) => {
      await startWork(page);
      const file = await editedExport(page);
      await importFile(page, file);
      await importPreview(page).getByRole('button', { name: 'Replace the current assessment', exact: true }).click();
      await importPreview(page).waitFor({ state: 'detached' });
      await assertImportedShown(page);
      await fillDetails(page, itemA, { notes: 'Edited after the import.' });
      await waitForStored(page, (r) => r.assessment.answers[idA]?.notes === 'Edited after the import.');

      const undo = banner(page).getByRole('button', { name: 'Undo', exact: true });
      await undo.click();
      await undo.waitFor({ state: 'detached' });
      await assertWorkShown(page, 'after Undo');
      const kept = Object.values(await backups(page)).map((text) => JSON.parse(text));
      assert.ok(
        kept.some((r) => r.assessment.answers[idA]?.notes === 'Edited after the import.'),
        `a backup holds the answers Undo took away; backups: ${kept.length}`,
      );
    }));

  it('a file dropped onto the widget shows the same preview and opens as a new assessment', () =>
    run('import-drop', async ({ page }) => {
      await startWork(page);
      const file = await editedExport(page);
      const before = await localStorageEntries(page);

      const drop = await dropFile(page, file);
      assert.equal(drop.dragoverTaken, true, 'the widget accepts the drag (dragover default prevented)');
      assert.equal(drop.highlighted, true, 'the widget shows it is a drop target (.rc-dragging) during the drag');
      assert.equal(drop.dropTaken, true, 'the widget takes the drop (so the browser does not open the file)');
      assert.deepEqual(await previewFacts(page), expectedFacts);
      assert.equal(await page.locator('.rc-root.rc-dragging').count(), 0, 'the drop-target look ends with the drop');
      await assertWorkShown(page, 'while the preview is open');
      await assertStorageUnchanged(page, before, 'while the preview is open');

      await importPreview(page).getByRole('button', { name: 'Open as a new assessment', exact: true }).click();
      await assertImportedShown(page);
      await waitForStored(page, (r) => r.assessment.title === 'Imported pilot');
      await showView(page, 'Assessments');
      assert.equal((await assessmentRows(page)).length, 2);
    }));

  it('a bad file dropped onto the widget gets the same message, and nothing changes', () =>
    run('import-drop-bad', async ({ page }) => {
      await startWork(page);
      const before = await localStorageEntries(page);
      // The drop comes while the focus is in a field: Dismiss sends it back there.
      const notes = field(page, itemA, 'Notes');
      await notes.focus();
      const drop = await dropFile(page, fileOf('notes.json', readFileSync(fixture('not-json.json'))));
      assert.equal(drop.dropTaken, true);
      const text = await importProblem(page);
      assert.match(text, /^notes\.json was not imported\. /);
      assert.match(text, NOT_EXPORT);
      assert.match((await importDetail(page)).text, /^This is not a readable assessment file/);
      await importAlert(page).getByRole('button', { name: 'Dismiss', exact: true }).click();
      await focusBackOn(notes, 'Dismiss');
      await assertWorkShown(page, 'after the bad drop');
      await assertStorageUnchanged(page, before, 'after the bad drop');
    }));

  it('a decision recorded against another version of the checklist opens as needing review', () =>
    run('import-older-version-decision', async ({ page }) => {
      const { doc } = await exportJson(page);
      const older = '1.9.0';
      assert.notEqual(doc.checklist.version, older);
      doc.checklist.version = older;
      doc.definition.version = older;
      doc.assessment.title = 'Decided on the older checklist';
      doc.assessment.answers = { [idA]: { status: 'achieved' } };
      doc.assessment.signoff = { owner: 'Jo Bloggs', decision: 'proceed', decided: '2026-01-10', recorded: '2026-01-10T09:00:00Z' };
      await chooseFile(page, fileOf('older-decision.json', JSON.stringify(doc)));
      const preview = importPreview(page);
      await preview.getByRole('button', { name: 'Open as a new assessment', exact: true }).click();
      await preview.waitFor({ state: 'detached' });
      // The header and the stored record say so: the decision weighed another version's items.
      await page.locator('.rc-header').getByText('Needs review: answers or checklist changed since.').waitFor();
      const stored = await waitForStored(page, (r) => r.assessment.title === 'Decided on the older checklist');
      assert.equal(stored.assessment.signoff.needs_review, true);
      assert.equal(stored.checklist.version, checklist.version, 'stored against the version on the page');
    }));

  it('a file with a UTF-8 byte order mark is accepted, and Replace opens its answers', () =>
    run('import-bom', async ({ page }) => {
      assert.deepEqual([...readFileSync(fixture('bom.json')).subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the fixture starts with a BOM');
      await importFile(page, fixture('bom.json'));
      assert.deepEqual(await previewFacts(page), {
        Assessment: 'Fixture assessment',
        Checklist: `${checklist.title} (version ${checklist.version})`,
        Answered: '2 of 3 items',
        Exported: '15 January 2026',
      });
      await importPreview(page).getByRole('button', { name: 'Replace the current assessment', exact: true }).click();
      assert.equal(await titleField(page).inputValue(), 'Fixture assessment');
      const a = await readItem(page, itemA);
      assert.equal(a.status, 'Not achieved');
      assert.equal(a.notes, 'From the fixture.');
      await waitForStored(page, (r) => r.assessment.title === 'Fixture assessment' && r.assessment.answers[idB]?.status === 'achieved');
    }));

  it('answers to items this checklist does not have are accepted, kept and shown as retired', () =>
    run('import-retired', async ({ page }) => {
      await importFile(page, fixture('retired-answers.json'));
      const preview = importPreview(page);
      await preview.waitFor();
      const text = (await preview.innerText()).replace(/\s+/g, ' ');
      assert.match(text, /2 answers belong to items this checklist does not have\. They are kept in the assessment and its exports, shown as retired\./);
      await preview.getByRole('button', { name: 'Open as a new assessment', exact: true }).click();

      const retired = page.getByRole('region', { name: 'Retired items', exact: true });
      await retired.waitFor();
      const lines = (await retired.getByRole('listitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      assert.deepEqual(lines.sort(), ['governance-retired-item: Partially achieved – Answered under an older version.', 'legacy-item-2: Achieved']);
      const stored = await waitForStored(page, (r) => r.assessment.title === 'Fixture assessment');
      assert.equal(stored.assessment.answers['governance-retired-item']?.notes, 'Answered under an older version.');
      const { doc } = await exportJson(page);
      assert.equal(doc.assessment.answers['legacy-item-2']?.status, 'achieved', 'kept in the export');
      assert.equal(doc.assessment.answers['governance-retired-item']?.status, 'partially_achieved');

      // The risk owner's page says they are there, and that they count in no figure.
      await showView(page, 'Summary');
      const heading = page.getByRole('heading', { name: 'Kept from an earlier version', exact: true });
      await heading.waitFor();
      const kept = await heading.locator('xpath=following-sibling::ul[1]/li').allInnerTexts();
      assert.deepEqual(kept.map((t) => t.replace(/\s+/g, ' ').trim()).sort(), ['governance-retired-item – Partially achieved', 'legacy-item-2 – Achieved']);
    }));

  it('the preview counts only answers to this checklist\'s items ("2 of 3 items"), not retired ones', () =>
    run('import-retired-count', async ({ page }) => {
      await importFile(page, fixture('retired-answers.json'));
      const facts = await previewFacts(page);
      assert.equal(facts.Answered, '2 of 3 items', `the preview had "${facts.Answered}"`);
    }));

  it('nesting 20,000 lists deep in "summary", which readers skip, is read past: the file is accepted', () =>
    run('import-deep-summary', async ({ page }) => {
      await importFile(page, fixture('deep-nesting-in-summary.json'));
      assert.equal((await previewFacts(page)).Assessment, 'Fixture assessment');
    }));
});

// What a refused file is and what to do, in plain words; the reader's own words are the
// technical detail, folded away.
const NOT_EXPORT = /This file is not a risk checklist export\. Choose a file saved with Export JSON\.$/;
const DAMAGED = /This file is a risk checklist export, but part of it is damaged or was changed by hand\. Export it again, or ask for a new copy\.$/;

// Each bad file: what the message says it is, and the detail the reader gives. The file name
// starts the message.
const refusals = [
  ['not JSON', 'not-json.json', NOT_EXPORT, /This is not a readable assessment file \(line 1, column 1\)/],
  ['empty', 'empty.json', /This file is empty\. Choose a file saved with Export JSON\.$/, /The file is empty\./],
  ['not UTF-8 (Latin-1)', 'not-utf8.json', NOT_EXPORT, /It is not UTF-8 text/],
  ['truncated', 'truncated.json', /This file is incomplete: it was cut short/, /The text ends too soon \(at line \d+, column \d+\): it was cut short/],
  ['wrong format discriminator', 'wrong-format.json', NOT_EXPORT, /This is not a risk checklist assessment file \(its format is "risk-checklist\/stored-assessment"\)/],
  ['missing format_version', 'missing-format-version.json', NOT_EXPORT, /The file has no "format_version"/],
  ['newer format_version', 'newer-format-version.json', /This file was saved by a newer version of this checklist\./, /written by a newer version of this app \(format version 4; this app reads up to 3\)/],
  ['unknown field', 'unknown-field.json', DAMAGED, /unknown field `colour`/],
  ['duplicate answer key', 'duplicate-answer.json', DAMAGED, /the answer to "governance-senior-owner" is given twice/],
  ['wrong type (a rating as text)', 'wrong-types.json', DAMAGED, /invalid type: string "3"/],
  ['null where text is required', 'null-text.json', DAMAGED, /invalid type: null, expected a string/],
  ['rating off the scale', 'rating-out-of-range.json', DAMAGED, /The answer to "governance-senior-owner" is not valid: likelihood 7 is not on the scale 1 to 3/],
  ['absurd nesting (20,000 lists deep in a note)', 'deep-nesting.json', /(not a risk checklist export|part of it is damaged)/, /This is not a readable assessment file \(line \d+, column \d+\): invalid type: sequence, expected a string/],
];

describe('Import: the fingerprint of a signed file', () => {
  it('a signed file "matches the signed version"; with an answer edited after signing it "has changed since it was signed"; a reopened one says when its decision was withdrawn', () =>
    run('import-fingerprint', async ({ page }) => {
      const { doc } = await exportJson(page);
      doc.assessment.title = 'Signed pilot';
      doc.assessment.answers = {
        [idA]: { status: 'not_achieved', likelihood: 3, impact: 2, response: 'treat', notes: 'Line one\nline\ttwo \\ done' },
        [idOther]: { status: 'achieved' },
      };
      const file = signed(doc, { owner: 'Jo Bloggs', role: 'SIRO', decision: 'proceed', decided: '2026-11-20', review_date: '2027-11-20' });
      const preview = importPreview(page);
      const cancel = async () => {
        await preview.getByRole('button', { name: 'Cancel', exact: true }).click();
        await preview.waitFor({ state: 'detached' });
      };

      await chooseFile(page, fileOf('signed.json', JSON.stringify(file)));
      await preview.getByText('This file matches the signed version.', { exact: true }).waitFor();
      assert.equal(await preview.getByText('has changed since it was signed').count(), 0);
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      assert.equal(violations.length, 0, formatViolations(violations));
      await cancel();

      // The file's answers edited by hand after it was signed.
      const edited = structuredClone(file);
      edited.assessment.answers[idA].likelihood = 1;
      await chooseFile(page, fileOf('edited.json', JSON.stringify(edited)));
      await preview.getByText('This file has changed since it was signed.', { exact: true }).waitFor();
      assert.equal(await preview.getByText('matches the signed version').count(), 0);
      await cancel();

      // Reopened: the decision withdrawn, kept on record with its date.
      const reopened = structuredClone(file);
      reopened.assessment.withdrawn = [{ withdrawn: '2026-12-01T09:30:00Z', signoff: reopened.assessment.signoff }];
      delete reopened.assessment.signoff;
      await chooseFile(page, fileOf('reopened.json', JSON.stringify(reopened)));
      await preview.getByText('Its decision was withdrawn on 1 December 2026.', { exact: true }).waitFor();
      assert.equal(await preview.getByText('the signed version').count(), 0, 'no decision on record to match');
      await cancel();
    }));

  it('into a signed assessment a file can only open as a new one or be compared: no Replace, no Merge, and the preview says why', () =>
    run('import-into-signed', async ({ page }) => {
      const { text } = await exportJson(page);
      await recordDecision(page);
      await importFile(page, fileOf('draft.json', text));
      const preview = importPreview(page);
      await preview.getByText('This assessment is signed off, so the file cannot replace it or be merged into it.', { exact: false }).waitFor();
      for (const name of ['Replace the current assessment', 'Merge into this assessment']) {
        assert.equal(await preview.getByRole('button', { name, exact: true }).count(), 0, `no "${name}"`);
      }
      for (const name of ['Open as a new assessment', 'Compare with this assessment', 'Cancel']) {
        assert.equal(await preview.getByRole('button', { name, exact: true }).count(), 1, `"${name}" offered`);
      }
      assert.match(await preview.innerText(), /Exported\s+\d{1,2} [A-Z][a-z]+ \d{4}/, 'the export date in words');
      await preview.getByRole('button', { name: 'Open as a new assessment', exact: true }).click();
      await banner(page).waitFor();
      const stored = await waitForStored(page, (r) => r.assessment.signoff === undefined);
      assert.equal(stored.assessment.signoff, undefined, 'the file opened as a new, unsigned assessment');
      await showView(page, 'Assessments');
      assert.equal((await assessmentRows(page)).length, 2, 'the signed assessment is still there');
    }));
});

describe('Import: bad files are refused with the reason, and nothing changes', () => {
  it('the unbroken fixture (valid.json) is accepted, so each file below fails for its one flaw', () =>
    run('import-valid-control', async ({ page }) => {
      await importFile(page, fixture('valid.json'));
      assert.deepEqual(await previewFacts(page), {
        Assessment: 'Fixture assessment',
        Checklist: `${checklist.title} (version ${checklist.version})`,
        Answered: '2 of 3 items',
        Exported: '15 January 2026',
      });
    }));

  // One page for all of them (a fresh page each would triple the time): each file is a subtest,
  // and every key is compared after each one and again once the save's debounce has passed.
  it('each bad file, one after another on the same page', (t) =>
    run('import-refused', async ({ page }) => {
      await startWork(page);
      const before = await localStorageEntries(page);
      for (const [label, file, plain, reason] of refusals) {
        await t.test(`${label} (${file})`, async () => {
          try {
            await chooseFile(page, fixture(file));
            const text = await importProblem(page);
            assert.ok(text.startsWith(`${file} was not imported.`), `the message names the file: ${text}`);
            assert.match(text, plain);
            const detail = await importDetail(page);
            assert.equal(detail.summary, 'Technical detail');
            assert.equal(detail.open, false, 'the technical detail is folded away');
            assert.match(detail.text, reason);
            assert.equal(await importPreview(page).count(), 0, 'no preview for a bad file');
            await assertWorkShown(page, 'after the refusal');
            assert.deepEqual(await localStorageEntries(page), before, 'localStorage changed');
          } catch (err) {
            await saveArtifacts(page, `import-refused-${file}`, err);
            throw err;
          } finally {
            // Dismiss clears the message, so the next file's message is its own.
            const dismiss = importAlert(page).getByRole('button', { name: 'Dismiss', exact: true });
            if (await dismiss.count()) await dismiss.click();
            await importAlert(page).waitFor({ state: 'detached' });
            await focusBackOn(importControl(page), 'Dismiss');
          }
        });
      }
      await assertStorageUnchanged(page, before, 'after all the refusals');
    }));

  it('a file over 4 MB (made at test time) is refused before it is read', () =>
    run('import-too-big', async ({ page }) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'rc-import-'));
      try {
        const big = path.join(dir, 'huge.json');
        const doc = JSON.parse(readFileSync(fixture('valid.json'), 'utf8'));
        const text = JSON.stringify(doc, null, 2);
        // Valid JSON, padded with spaces to just over 4 MiB.
        writeFileSync(big, text.replace(/\n}$/, `${' '.repeat(4 * 1024 * 1024 - text.length + 1024)}\n}`));
        await startWork(page);
        const before = await localStorageEntries(page);
        await importFile(page, big);
        const message = await importProblem(page);
        assert.equal(message, 'huge.json was not imported. This file is too large to be a risk checklist export. Choose a file saved with Export JSON.');
        assert.match((await importDetail(page)).text, /^The file is over 4 MB; an export is at most 4 MB\.$/);
        await assertWorkShown(page, 'after the refusal');
        await assertStorageUnchanged(page, before, 'after the refusal');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }));

  it('a note of a million characters with markup in it imports as inert text; one character more is refused', () =>
    run('import-huge-note', async ({ page }) => {
      const doc = JSON.parse(readFileSync(fixture('valid.json'), 'utf8'));
      const markup = '<img src=x onerror=alert(1)>';
      const note = `${markup}${'x'.repeat(1_000_000 - markup.length)}`;
      await startWork(page);

      const before = await localStorageEntries(page);
      doc.assessment.answers[idA].notes = `${note}y`;
      await importFile(page, fileOf('too-long-note.json', JSON.stringify(doc)));
      const message = await importProblem(page);
      assert.match(message, /^too-long-note\.json was not imported\. /);
      assert.match(message, DAMAGED);
      assert.match((await importDetail(page)).text, /^The answer to "governance-senior-owner" is not valid: the notes are longer than 1000000 characters$/);
      await assertStorageUnchanged(page, before, 'after the refusal');

      doc.assessment.answers[idA].notes = note;
      await importFile(page, fileOf('megabyte-note.json', JSON.stringify(doc)));
      await importPreview(page).getByRole('button', { name: 'Open as a new assessment', exact: true }).click();
      await goToSection(page, first.title);
      const shown = await field(page, itemA, 'Notes').inputValue();
      assert.equal(shown.length, 1_000_000, 'the whole note is kept');
      assert.ok(shown.startsWith(markup), 'the markup is shown as text');
      assert.equal(await page.locator('.rc img').count(), 0, 'no image element was made from it');
    }));

  it('a file for a different checklist is previewed but cannot be opened: "different checklist", nothing changed', () =>
    run('import-other-checklist', async ({ page }) => {
      await startWork(page);
      const before = await localStorageEntries(page);
      await importFile(page, fixture('different-checklist.json'));
      const preview = importPreview(page);
      await preview.waitFor();
      const other = JSON.parse(readFileSync(fixture('different-checklist.json'), 'utf8')).definition;
      assert.equal((await previewFacts(page)).Checklist, `Cloud hosting risk checklist (version ${other.version})`);
      const text = await importProblem(page);
      assert.match(text, /This file cannot be opened here\. It answers a different checklist \(“Cloud hosting risk checklist”\)/);
      assert.match(text, /Nothing was changed\.$/);
      assert.equal(await preview.getByRole('button', { name: 'Open as a new assessment', exact: true }).count(), 0);
      assert.equal(await preview.getByRole('button', { name: 'Replace the current assessment', exact: true }).count(), 0);
      await assertWorkShown(page, 'with the preview open');
      await assertStorageUnchanged(page, before, 'with the preview open');
      await preview.getByRole('button', { name: 'Close', exact: true }).click();
      await preview.waitFor({ state: 'detached' });
      await assertStorageUnchanged(page, before, 'after Close');
    }));

  it('every refusal is a banner titled "Important" that says in whole sentences what the file is and what to do, with the focus on it', () =>
    run('import-sentences', async ({ page }) => {
      const bad = [];
      for (const [, file] of refusals) {
        await importFile(page, fixture(file));
        const text = await importProblem(page);
        // Past the file's name, no word of the file format or the reader ("format", "expected ident").
        const said = text.slice(file.length);
        if (!/^ was not imported\. This file [^]*\.$/.test(said) || /format|ident|serde|line \d/i.test(said)) bad.push(text);
        const alert = page.getByRole('alert', { name: 'Important', exact: true });
        await alert.waitFor();
        assert.equal(await alert.evaluate((el) => el === document.activeElement), true, `the banner has the focus after ${file}`);
        await importAlert(page).getByRole('button', { name: 'Dismiss', exact: true }).click();
        await importAlert(page).waitFor({ state: 'detached' });
      }
      assert.deepEqual(bad, [], `messages that are not plain sentences:\n${bad.join('\n')}`);
    }));
});

describe('Import: hostile text stays text', () => {
  it('markup, javascript: URLs and a bidi override import as inert text: no dialog, no img, shown literally', () =>
    run('import-hostile', async ({ page }) => {
      const dialogs = [];
      page.on('dialog', (d) => {
        dialogs.push(`${d.type()}: ${d.message()}`);
        d.dismiss().catch(() => {});
      });
      // Count every img or script element added anywhere, from now on.
      await page.evaluate(() => {
        window.__added = [];
        new MutationObserver((records) => {
          for (const r of records) {
            for (const n of r.addedNodes) {
              if (n.nodeType !== 1) continue;
              for (const el of [n, ...n.querySelectorAll('img, script, iframe, object, embed')]) {
                if (/^(IMG|SCRIPT|IFRAME|OBJECT|EMBED)$/.test(el.tagName)) window.__added.push(el.outerHTML.slice(0, 120));
              }
            }
          }
        }).observe(document, { childList: true, subtree: true });
      });

      const doc = JSON.parse(readFileSync(fixture('hostile-text.json'), 'utf8'));
      const longNote = `${'A long note. '.repeat(1538)}<b>end</b>\u202E`.slice(0, 20_000);
      doc.assessment.answers[idB] = { status: 'partially_achieved', notes: longNote };
      const hostile = doc.assessment.answers[idA];
      const fileName = '<img src=x onerror=alert(5)>.json';
      await importFile(page, fileOf(fileName, JSON.stringify(doc, null, 2)));

      const preview = importPreview(page);
      assert.equal((await previewFacts(page)).Assessment, '<img src=x onerror=alert(1)>', 'the title is shown literally');
      assert.equal((await preview.getByRole('heading').innerText()).trim(), `Import ${fileName}?`, 'the file name is shown literally');
      assert.equal(await preview.locator('dd bdi').first().textContent(), '<img src=x onerror=alert(1)>', 'the title is isolated in <bdi>');
      await preview.getByRole('button', { name: 'Open as a new assessment', exact: true }).click();

      assert.equal(await titleField(page).inputValue(), '<img src=x onerror=alert(1)>');
      assert.equal(await page.getByLabel('Assessor', { exact: true }).inputValue(), 'javascript:alert(1)');
      await goToSection(page, first.title);
      assert.equal(await field(page, itemA, 'Notes').inputValue(), hostile.notes, 'the notes, with U+202E and </textarea>, literally');
      assert.equal(await field(page, itemA, 'Owner').inputValue(), 'javascript:alert(1)');
      assert.equal(await field(page, itemA, 'Action').inputValue(), hostile.action);
      assert.equal((await field(page, itemB, 'Notes').inputValue()).length, 20_000, 'a 20,000-character note is kept whole');
      const stored = await waitForStored(page, (r) => r.assessment.title === '<img src=x onerror=alert(1)>');
      assert.equal(stored.assessment.answers[idA].notes, hostile.notes);

      // The same text in the other views.
      await showView(page, 'Summary');
      const risk = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: itemA, exact: true }) });
      const cells = (await risk.getByRole('cell').allTextContents()).map((t) => t.trim());
      assert.ok(cells.includes('javascript:alert(1)'), `the owner cell, literally: ${JSON.stringify(cells)}`);
      assert.ok(cells.includes(hostile.action), `the action cell, literally: ${JSON.stringify(cells)}`);
      await showView(page, 'Assessments');
      assert.ok((await assessmentRows(page)).some((r) => r.title === '<img src=x onerror=alert(1)>'), 'the title in the list, literally');

      // Markup that ran would have added an element, which the page's observer records at once.
      const widget = page.locator('[data-risk-checklist]').first();
      assert.equal(await widget.locator('img, script, iframe, object, embed').count(), 0, 'no img, script, iframe, object or embed inside the widget');
      assert.equal(await widget.locator('a[href^="javascript:" i], [onerror], [onclick]').count(), 0, 'no javascript: link or inline handler inside the widget');
      assert.deepEqual(await page.evaluate(() => window.__added), [], 'no img or script element was ever added to the page');
      assert.deepEqual(dialogs, [], 'no dialog opened');
      await showView(page, 'Checklist');
      assert.ok(await item(page, itemA).count());
    }));
});
