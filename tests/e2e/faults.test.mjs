// End-to-end tests of storage faults, in the release build: localStorage blocked, storage full,
// a stored record that is not readable or was written by a newer version, a damaged index, and
// two tabs working on the same assessment. Faults are made with init scripts that run before
// the page's own scripts, or by writing localStorage and reloading. The rule throughout: the
// person is told, work in the page is never lost, and nothing stored is overwritten unasked.
//
// Run: cd tests/e2e && npm test

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';


import {
  assessmentRows,
  backups,
  checkedStatus,
  chooseStatus,
  currentId,
  defaultChecklist,
  downloadFrom,
  eventually,
  exportJson,
  field,
  indexKey,
  localStorageEntries,
  recordKey,
  saveNow,
  showView,
  storedAssessment,
  storedEntries,
  waitForProgress,
  waitForStored,
  waitUntilInteractive,
  useBrowserAndServer,
  titleField,
  blockStorage,
} from './helpers.mjs';

const checklist = defaultChecklist();
const [first] = checklist.sections;
const [itemA, itemB, itemC] = first.items.map((i) => i.title);
const [idA, idB, idC] = first.items.map((i) => i.id);

const env = useBrowserAndServer();

const { run } = env;

/** The visible alert whose text matches `pattern`; its text, spaces collapsed. */
async function alertText(page, pattern, timeout = 5_000) {
  const alert = page.getByRole('alert').filter({ hasText: pattern }).first();
  await alert.waitFor({ state: 'visible', timeout });
  return (await alert.innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * Closes `page` as a person leaving it does (beforeunload runs) and returns the dialogs it
 * raised, accepting each so that the page does close.
 */
async function leave(page) {
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.type());
    d.accept().catch(() => {});
  });
  const closed = page.waitForEvent('close', { timeout: 10_000 });
  await page.close({ runBeforeUnload: true });
  await closed;
  return dialogs;
}

/** Waits until the widget's status region (read out by screen readers) says `pattern`. */
async function statusSays(page, pattern) {
  const live = page.locator('.rc-live').first();
  await eventually(async () => pattern.test(await live.innerText()), `the status region says ${pattern}`);
}

/** Opens another tab of the app in the same browser context, its errors counted with the first's. */
/** Stops the page's timers: nothing waiting on one (a save after a pause in typing) runs. */
async function stopClock(page) {
  await page.clock.install();
  // The page's time runs on between reading it and pausing; on a busy machine it can pass the
  // moment read, which pauseAt refuses ("Cannot fast-forward to the past"). Read it again then.
  for (let tries = 1; ; tries += 1) {
    try {
      await page.clock.pauseAt(await page.evaluate(() => Date.now() + 10));
      return;
    } catch (e) {
      if (tries >= 20 || !/past/i.test(String(e))) throw e;
    }
  }
}

async function openTab(app) {
  const page = await app.context.newPage();
  page.on('console', (m) => m.type() === 'error' && app.consoleErrors.push(`(tab 2) ${m.text()}`));
  page.on('pageerror', (e) => app.pageErrors.push(`(tab 2) ${e.stack || e}`));
  page.on('request', (r) => app.requests.push(r.url()));
  await page.goto(`${env.server.url}/`, { waitUntil: 'load' });
  await waitUntilInteractive(page);
  return page;
}


describe('localStorage blocked (SecurityError on access)', () => {
  it('the widget works, the alert says answers are not being saved, Export JSON holds them, and leaving asks first', () =>
    run(
      'blocked-beforeunload',
      async ({ page, context }) => {
        const text = await alertText(page, /saved/i);
        assert.match(text, /Your answers are not being saved/, `alert: ${text}`);
        assert.match(text, /Export JSON/, `the alert says how to keep the work: ${text}`);

        await chooseStatus(page, itemA, 'Not achieved');
        await field(page, itemA, 'Notes').fill('Only in this page.');
        await waitForProgress(page, (p) => p > 0);
        const { doc } = await exportJson(page);
        assert.equal(doc.assessment.answers[idA]?.status, 'not_achieved');
        assert.equal(doc.assessment.answers[idA]?.notes, 'Only in this page.');

        // A change after the export exists only in the page: leaving asks first.
        await field(page, itemA, 'Notes').fill('Changed after the export.');
        assert.deepEqual(await leave(page), ['beforeunload'], 'a beforeunload dialog when leaving unsaved work');

        // Everything exported: leaving asks nothing.
        const exported = await context.newPage();
        await exported.goto(page.url(), { waitUntil: 'load' });
        await waitUntilInteractive(exported);
        await chooseStatus(exported, itemA, 'Achieved');
        await exportJson(exported);
        assert.deepEqual(await leave(exported), [], 'no dialog once the changes are exported');

        // A page with no change of its own leaves without a question (clicks only change the view).
        const fresh = await context.newPage();
        await fresh.goto(page.url(), { waitUntil: 'load' });
        await waitUntilInteractive(fresh);
        await showView(fresh, 'Summary');
        await showView(fresh, 'Checklist');
        assert.deepEqual(await leave(fresh), [], 'no dialog when there is nothing to lose');
      },
      { initScript: blockStorage },
    ));

  it('with storage working, leaving right after a change asks nothing: it is saved', () =>
    run('saved-no-beforeunload', async ({ page }) => {
      await chooseStatus(page, itemA, 'Achieved');
      await field(page, itemA, 'Notes').fill('Saved on the way out.');
      assert.deepEqual(await leave(page), [], 'no dialog: the change is flushed when the page is left');
    }));
});

describe('storage full (QuotaExceededError)', () => {
  // After the first complete save (record, then index), every write under "risk-checklist/"
  // throws, until the test sets window.__storageWorks.
  const quotaAfterFirstSave = () => {
    window.__refused = 0;
    let full = false;
    let recordWritten = false;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      const k = String(key);
      if (k.startsWith('risk-checklist/') && full && !window.__storageWorks) {
        window.__refused++;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      const result = setItem.call(this, key, value);
      if (k.includes('/assessment/')) recordWritten = true;
      if (k.endsWith('/index') && recordWritten) full = true;
      return result;
    };
  };

  it('says storage is full, keeps the last good copy exactly, exports the newest answers, and saves again once it can', () =>
    run(
      'quota',
      async ({ page }) => {
        await chooseStatus(page, itemA, 'Achieved');
        await waitForStored(page, (r) => r.assessment.answers?.[idA]?.status === 'achieved');
        const good = await storedEntries(page);
        assert.ok(Object.keys(good).length >= 2, `a record and an index were saved: ${Object.keys(good)}`);

        await chooseStatus(page, itemB, 'Not achieved');
        await field(page, itemB, 'Notes').fill('Typed while storage is full.');
        const text = await alertText(page, /could not be saved/i);
        assert.match(text, /Your latest changes could not be saved: this browser's storage is full/, `alert: ${text}`);
        assert.match(text, /The last saved copy is still in this browser/, `alert: ${text}`);
        assert.ok((await page.evaluate(() => window.__refused)) > 0, 'a save was tried and refused');
        await saveNow(page);
        assert.deepEqual(await storedEntries(page), good, 'the last good stored copy is exactly as it was');
        assert.equal(await checkedStatus(page, itemB), 'Not achieved', 'the page keeps the newest answers');

        const { doc } = await exportJson(page);
        assert.equal(doc.assessment.answers[idA]?.status, 'achieved');
        assert.equal(doc.assessment.answers[idB]?.status, 'not_achieved', 'Export JSON holds the newest answers');
        assert.equal(doc.assessment.answers[idB]?.notes, 'Typed while storage is full.');

        // Space again: the next change saves everything, and the warning goes.
        await page.evaluate(() => (window.__storageWorks = true));
        await chooseStatus(page, itemC, 'Not applicable');
        const saved = await waitForStored(page, (r) => r.assessment.answers?.[idC]?.status === 'not_applicable');
        assert.equal(saved.assessment.answers[idB]?.notes, 'Typed while storage is full.', 'the changes made while full are saved too');
        await page.getByRole('alert').filter({ hasText: /could not be saved/i }).waitFor({ state: 'detached', timeout: 3_000 });
        // ...and the status region says so, for those who cannot see the warning go.
        await page.getByRole('status').filter({ hasText: 'Saving works again: your answers are saved in this browser.' }).waitFor({ state: 'attached' });
      },
      { initScript: quotaAfterFirstSave },
    ));
});

describe('stored records that cannot be opened', () => {
  it('a record that is not readable JSON: "could not be opened", left untouched, backed up byte for byte, downloadable as stored', () =>
    run('unreadable-record', async ({ page }) => {
      await chooseStatus(page, itemA, 'Achieved');
      await waitForStored(page, (r) => r.assessment.answers?.[idA]);
      const id = await currentId(page);
      const damaged = '{"format":"risk-checklist/stored-assessment","format_version":1,"checklist":{"id":"social-media-collaboration-risk","version":"1.0.0"},"assessment":{"title":"Café ✓ – half-writ';
      await page.evaluate(([k, v]) => window.localStorage.setItem(k, v), [recordKey(id), damaged]);
      await page.reload({ waitUntil: 'load' });
      await waitUntilInteractive(page);

      const text = await alertText(page, /could not be opened/);
      // The record is cut short mid-string: said so, in plain words.
      assert.match(text, /The assessment last open in this browser could not be opened: The text ends too soon \(at line 1, column \d+\): it was cut short/, `alert: ${text}`);
      assert.match(text, /It is left exactly as it is, and nothing will be saved over it\./, `alert: ${text}`);
      assert.match(text, /A new assessment was started\./, `alert: ${text}`);
      assert.equal(await checkedStatus(page, itemA), null, 'a new, empty assessment is open');

      const entries = await localStorageEntries(page);
      assert.equal(entries[recordKey(id)], damaged, 'the record is untouched');
      const copies = Object.entries(await backups(page)).filter(([k]) => k.includes(`/backup/${id}/`));
      assert.equal(copies.length, 1, `one backup of ${id}: ${JSON.stringify(copies.map(([k]) => k))}`);
      assert.equal(copies[0][1], damaged, 'the backup holds the same bytes');
      assert.ok(text.includes(copies[0][0]), `the alert names the backup key ${copies[0][0]}`);

      const download = await downloadFrom(page, 'Download it as stored', page.getByRole('alert').filter({ hasText: /could not be opened/ }));
      assert.equal(download.name, `stored-${id}.json`);
      assert.ok(download.bytes.equals(Buffer.from(damaged, 'utf8')), `the download is the stored text byte for byte: ${download.text}`);

      // New work goes to a new assessment; the damaged record stays as it is.
      await chooseStatus(page, itemB, 'Achieved');
      await eventually(async () => (await currentId(page)) !== id, 'the index names the new assessment as open');
      const saved = await waitForStored(page, (r) => r.assessment.answers?.[idB]?.status === 'achieved');
      assert.equal(saved.assessment.answers[idA], undefined);
      assert.equal(await page.evaluate((k) => window.localStorage.getItem(k), recordKey(id)), damaged, 'still untouched');
    }));

  it('reloading while that record is still unreadable does not add another copy of the same bytes', () =>
    run('unreadable-record-reloads', async ({ page }) => {
      await chooseStatus(page, itemA, 'Achieved');
      await waitForStored(page, (r) => r.assessment.answers?.[idA]);
      const id = await currentId(page);
      await page.evaluate((k) => window.localStorage.setItem(k, '{"format":"risk-checklist/stored-assessment",'), recordKey(id));
      for (let i = 0; i < 3; i++) {
        await page.reload({ waitUntil: 'load' });
        await waitUntilInteractive(page);
        await alertText(page, /could not be opened/);
      }
      const copies = Object.keys(await backups(page)).filter((k) => k.includes(`/backup/${id}/`));
      assert.equal(copies.length, 1, `backups of the same bytes: ${JSON.stringify(copies)}`);
    }));

  it('a record with format_version 99 is left untouched and new work goes to a new assessment', () =>
    run('newer-record', async ({ page }) => {
      await titleField(page).fill('Written by version 99');
      await chooseStatus(page, itemA, 'Achieved');
      await waitForStored(page, (r) => r.assessment.answers?.[idA] && r.assessment.title === 'Written by version 99');
      const id = await currentId(page);
      const record = JSON.parse(await page.evaluate((k) => window.localStorage.getItem(k), recordKey(id)));
      record.format_version = 99;
      record.assessment.evidence = [{ kind: 'link', note: 'a field version 1 does not know' }];
      const newer = JSON.stringify(record);
      await page.evaluate(([k, v]) => window.localStorage.setItem(k, v), [recordKey(id), newer]);
      await page.reload({ waitUntil: 'load' });
      await waitUntilInteractive(page);

      const text = await alertText(page, /could not be opened/);
      assert.match(text, /newer version of this app \(format version 99/, `alert: ${text}`);
      assert.match(text, /It is left exactly as it is, so the newer version can still open it\./, `alert: ${text}`);
      assert.equal(await titleField(page).inputValue(), '', 'a new assessment is open');
      const copies = Object.entries(await backups(page)).filter(([k]) => k.includes(`/backup/${id}/`));
      assert.deepEqual(copies.map(([, v]) => v), [newer], 'a backup holds the same bytes');

      await chooseStatus(page, itemB, 'Partially achieved');
      await field(page, itemB, 'Notes').fill('New work.');
      const saved = await waitForStored(page, (r) => r.assessment.answers?.[idB]?.notes === 'New work.');
      assert.equal(saved.format_version, 3);
      const newId = await currentId(page);
      assert.notEqual(newId, id, 'new work is stored under a new id');
      assert.equal(await page.evaluate((k) => window.localStorage.getItem(k), recordKey(id)), newer, 'the version-99 record is untouched');

      // After a reload the new work is what opens, and the newer record is still as it was.
      await page.reload({ waitUntil: 'load' });
      await waitUntilInteractive(page);
      assert.equal(await field(page, itemB, 'Notes').inputValue(), 'New work.');
      assert.equal(await page.evaluate((k) => window.localStorage.getItem(k), recordKey(id)), newer);
    }));

  it('a damaged index (garbage text) is rebuilt from the stored records: the Assessments view lists them', () =>
    run('damaged-index', async ({ page }) => {
      await titleField(page).fill('First assessment');
      await chooseStatus(page, itemA, 'Achieved');
      await waitForStored(page, (r) => r.assessment.title === 'First assessment' && r.assessment.answers?.[idA]);
      await showView(page, 'Assessments');
      await page.getByRole('button', { name: 'New assessment', exact: true }).click();
      await titleField(page).fill('Second assessment');
      await chooseStatus(page, itemB, 'Not achieved');
      await waitForStored(page, (r) => r.assessment.title === 'Second assessment' && r.assessment.answers?.[idB]);
      const records = Object.keys(await storedEntries(page)).filter((k) => k.includes('/assessment/'));
      assert.equal(records.length, 2, `two records: ${records}`);

      await page.evaluate((k) => window.localStorage.setItem(k, '{"format":"risk-checklist/index","format_version":1,"entries":[{]} garbage \u0000'), indexKey());
      await page.reload({ waitUntil: 'load' });
      await waitUntilInteractive(page);
      assert.equal(await titleField(page).inputValue(), 'Second assessment', 'the most recently changed assessment opens');
      await showView(page, 'Assessments');
      const rows = await assessmentRows(page);
      assert.deepEqual(rows.map((r) => r.title).sort(), ['First assessment', 'Second assessment'], `rows: ${JSON.stringify(rows)}`);
      const index = JSON.parse(await page.evaluate((k) => window.localStorage.getItem(k), indexKey()));
      assert.equal(index.format, 'risk-checklist/index');
      assert.equal(index.entries.length, 2, 'the rebuilt index is written back');

      // Both can still be opened from the list.
      await page.getByRole('button', { name: 'Open First assessment', exact: true }).click();
      assert.equal(await titleField(page).inputValue(), 'First assessment');
      // The list and its button are gone: the focus is on the heading of the section it opens at.
      await page.waitForFunction(() => document.activeElement?.classList.contains('rc-section-heading'), null, { timeout: 5000 });
      assert.equal(await checkedStatus(page, itemA), 'Achieved');
    }));

  it('an index written by a newer version is listed as far as it can be read and nothing in storage changes', () =>
    run('newer-index', async ({ page }) => {
      await titleField(page).fill('Saved before the upgrade');
      await chooseStatus(page, itemA, 'Achieved');
      await waitForStored(page, (r) => r.assessment.title === 'Saved before the upgrade' && r.assessment.answers?.[idA]);
      // A newer version, since rolled back, rewrote the index with fields this one does not know.
      const index = JSON.parse(await page.evaluate((k) => window.localStorage.getItem(k), indexKey()));
      index.format_version = 2;
      index.pinned = [];
      for (const e of index.entries) e.reviewed_by = 'A later version';
      await page.evaluate(([k, v]) => window.localStorage.setItem(k, v), [indexKey(), JSON.stringify(index)]);
      await page.reload({ waitUntil: 'load' });
      await waitUntilInteractive(page);

      const text = await alertText(page, /newer version/);
      assert.match(text, /A newer version of this checklist saved the assessments in this browser \(index format 2\)/, `alert: ${text}`);
      assert.match(text, /changes nothing here/, `alert: ${text}`);
      assert.match(text, /Use Export JSON to keep new work/, `alert: ${text}`);
      assert.equal(await titleField(page).inputValue(), 'Saved before the upgrade', 'what it can read opens');
      const before = await localStorageEntries(page);

      await chooseStatus(page, itemB, 'Not achieved');
      await field(page, itemB, 'Notes').fill('Typed after the roll-back.');
      await saveNow(page);
      assert.deepEqual(await localStorageEntries(page), before, 'nothing in storage changed');
      await showView(page, 'Assessments');
      const rows = await assessmentRows(page);
      assert.deepEqual(rows.map((r) => r.title), ['Saved before the upgrade'], `rows: ${JSON.stringify(rows)}`);
      assert.deepEqual(await localStorageEntries(page), before, 'listing changed nothing either');

      const { doc } = await exportJson(page);
      assert.equal(doc.assessment.answers[idB]?.notes, 'Typed after the roll-back.', 'new work can be exported');
      assert.deepEqual(await localStorageEntries(page), before);
    }));
});

describe('two tabs on the same assessment', () => {
  it('without unsaved changes, each tab shows what the other saved', () =>
    run('two-tabs', async (app) => {
      const a = app.page;
      await chooseStatus(a, itemA, 'Achieved');
      await waitForStored(a, (r) => r.assessment.answers?.[idA]);
      const b = await openTab(app);
      assert.equal(await checkedStatus(b, itemA), 'Achieved', 'tab B opens what A saved');

      await chooseStatus(a, itemB, 'Not achieved');
      await field(a, itemB, 'Notes').fill('Typed in tab A.');
      await eventually(async () => (await field(b, itemB, 'Notes').inputValue()) === 'Typed in tab A.', 'tab B shows A\'s notes');
      assert.equal(await checkedStatus(b, itemB), 'Not achieved');

      await chooseStatus(b, itemC, 'Achieved');
      await eventually(async () => (await checkedStatus(a, itemC)) === 'Achieved', 'tab A shows B\'s answer');
      assert.equal(await field(a, itemB, 'Notes').inputValue(), 'Typed in tab A.');
      for (const [tab, page] of [['A', a], ['B', b]]) {
        assert.equal(await page.getByRole('alert').filter({ hasText: /another tab/ }).count(), 0, `no conflict in tab ${tab}`);
      }
      const stored = await waitForStored(a, (r) => r.assessment.answers?.[idC]?.status === 'achieved');
      assert.equal(stored.assessment.answers[idB]?.notes, 'Typed in tab A.');
    }));

  it('two fresh tabs end with one assessment holding the answers given in both', () =>
    run('fresh-tabs', async (app) => {
      const a = app.page;
      const b = await openTab(app);
      await chooseStatus(a, itemA, 'Achieved');
      await eventually(async () => (await checkedStatus(b, itemA)) === 'Achieved', 'tab B takes up the assessment tab A started');
      await statusSays(b, /Continuing the assessment started in another tab or window\./);
      await chooseStatus(b, itemB, 'Not achieved');
      await eventually(async () => (await checkedStatus(a, itemB)) === 'Not achieved', "tab A shows B's answer");
      const stored = await waitForStored(a, (r) => r.assessment.answers?.[idA] && r.assessment.answers?.[idB]);
      assert.equal(stored.assessment.answers[idA].status, 'achieved');
      assert.equal(stored.assessment.answers[idB].status, 'not_achieved');
      const index = JSON.parse(await a.evaluate((k) => window.localStorage.getItem(k), indexKey()));
      assert.equal(index.entries.length, 1, `one assessment in the list: ${JSON.stringify(index.entries.map((e) => e.id))}`);
    }));

  it('a tab that already has answers keeps its own assessment when another tab starts one', () =>
    run('fresh-tab-with-answers', async (app) => {
      const a = app.page;
      const b = await openTab(app);
      // Each tab saves after a pause in typing; on a slow machine B's save could land before A
      // has answered, and a tab without answers rightly takes up the other's assessment. With
      // time stopped in both, neither saves until both have answers and each is told to.
      await stopClock(a);
      await stopClock(b);
      await chooseStatus(b, itemB, 'Partially achieved');
      await chooseStatus(a, itemA, 'Achieved');
      const listed = JSON.parse((await a.evaluate((k) => window.localStorage.getItem(k), indexKey())) ?? '{"entries":[]}');
      assert.deepEqual(listed.entries, [], 'nothing saved before both have answers');
      await saveNow(a);
      await saveNow(b);
      const ids = await eventually(async () => {
        const index = JSON.parse((await a.evaluate((k) => window.localStorage.getItem(k), indexKey())) ?? '{"entries":[]}');
        return index.entries.length === 2 && index.entries.map((e) => e.id);
      }, 'both assessments are listed');
      assert.equal(await checkedStatus(b, itemB), 'Partially achieved', "B's answer is still on screen");
      assert.equal(await checkedStatus(b, itemA), null, "B did not take up A's assessment");
      for (const id of ids) assert.ok(await a.evaluate((k) => window.localStorage.getItem(k), recordKey(id)), `record ${id} is stored`);
    }));

  /**
   * Tabs A and B on one assessment; B types a note (not saved: B's timers are stopped),
   * and A at once answers item C and saves (as when A's page is hidden). Returns the tabs.
   */
  async function conflict(app) {
    const a = app.page;
    await chooseStatus(a, itemA, 'Achieved');
    await waitForStored(a, (r) => r.assessment.answers?.[idA]);
    const b = await openTab(app);
    // B's note must still be waiting when A saves: with B's timers stopped, a slow machine
    // cannot let B's save after a pause in typing land first.
    await stopClock(b);
    await field(b, itemC, 'Notes').fill("B's note");
    await chooseStatus(a, itemC, 'Not achieved');
    await a.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    const text = await alertText(b, /another tab/);
    return { a, b, text };
  }

  const isA = (answers) => answers?.[idC]?.status === 'not_achieved' && !answers?.[idC]?.notes;
  const isB = (answers) => answers?.[idC]?.notes === "B's note" && answers?.[idC]?.status !== 'not_achieved';
  async function versionsKept(page) {
    const entries = await storedEntries(page);
    const parsed = Object.entries(entries)
      .filter(([k]) => k.includes('/assessment/') || k.includes('/backup/'))
      .map(([k, v]) => [k, JSON.parse(v).assessment?.answers]);
    return { a: parsed.filter(([, ans]) => isA(ans)).map(([k]) => k), b: parsed.filter(([, ans]) => isB(ans)).map(([k]) => k) };
  }

  it('with an unsaved change in tab B, A\'s save makes B say "changed in another tab" and offer both versions', () =>
    run('conflict-shown', async (app) => {
      const { b, text } = await conflict(app);
      assert.match(text, /This assessment was changed in another tab or window\./);
      assert.match(text, /Both versions are kept/);
      for (const name of ["Use the other tab's version", "Keep this tab's version"]) {
        assert.equal(await b.getByRole('button', { name, exact: true }).count(), 1, `a "${name}" button`);
      }
      assert.equal(await field(b, itemC, 'Notes').inputValue(), "B's note", 'B still shows its own change');
    }));

  it('while B has not chosen yet, B\'s version is already kept as a backup', () =>
    run('conflict-backup-at-once', async (app) => {
      const { b } = await conflict(app);
      await eventually(async () => (await versionsKept(b)).b.some((k) => k.includes('/backup/')), "a backup key holds B's version before any choice");
    }));

  it('"Use the other tab\'s version": B shows A\'s version, A\'s is stored, B\'s is kept as a backup', () =>
    run('conflict-theirs', async (app) => {
      const { a, b } = await conflict(app);
      // Whatever either tab has pending is saved (or held back) now, while B has not chosen.
      await saveNow(a);
      await saveNow(b);
      assert.equal(await checkedStatus(a, itemC), 'Not achieved', 'tab A still shows its own answer while B decides');
      await b.getByRole('button', { name: "Use the other tab's version", exact: true }).click();
      await b.getByRole('alert').filter({ hasText: /another tab/ }).waitFor({ state: 'detached' });
      assert.equal(await checkedStatus(b, itemC), 'Not achieved', 'B shows A\'s answer');
      assert.equal(await field(b, itemC, 'Notes').inputValue(), '', 'B no longer shows its own note');
      await saveNow(b);
      const stored = await storedAssessment(b);
      assert.ok(isA(stored.assessment.answers), `the stored record is A's version: ${JSON.stringify(stored.assessment.answers)}`);
      const kept = await versionsKept(b);
      assert.ok(kept.b.some((k) => k.includes('/backup/')), `a backup key holds B's version: ${JSON.stringify(kept)}`);
    }));

  it('"Keep this tab\'s version": B\'s version is stored, A\'s is kept as a backup', () =>
    run('conflict-mine', async (app) => {
      const { a, b } = await conflict(app);
      await saveNow(b);
      await b.getByRole('button', { name: "Keep this tab's version", exact: true }).click();
      await b.getByRole('alert').filter({ hasText: /another tab/ }).waitFor({ state: 'detached' });
      assert.equal(await field(b, itemC, 'Notes').inputValue(), "B's note");
      const stored = await waitForStored(b, (r) => isB(r.assessment.answers));
      assert.equal(stored.assessment.answers[idA]?.status, 'achieved');
      const kept = await versionsKept(b);
      assert.ok(kept.a.some((k) => k.includes('/backup/')), `a backup key holds A's version: ${JSON.stringify(kept)}`);
      await eventually(async () => (await field(a, itemC, 'Notes').inputValue()) === "B's note", 'tab A follows the version kept');
    }));
});
