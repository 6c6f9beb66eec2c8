// End-to-end tests of the printout, in the release build, read from the PDF itself (Chromium's
// print to PDF, read back by pdftotext): only the record prints, whatever the view it is
// printed from (the Summary, every answer, the sign-off last with its Signature line); fields
// print as text in full; no instruction or hint, no button; headings and captions on the same
// page as their tables.
//
// Run: cd tests/e2e && npm test

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  chooseStatus,
  defaultChecklist,
  eventually,
  field,
  rate,
  showView,
  titleField,
  useBrowserAndServer,
  waitForStored,
} from './helpers.mjs';
import { repoRoot } from './server.mjs';

const checklist = defaultChecklist();
const [first] = checklist.sections;
const [owner, objectives] = first.items;
const ROLE = 'Director of Communications';
const NOTE = 'Checked with the records manager.';

const env = useBrowserAndServer();
const { run } = env;

/** The version the widget prints at its foot, from Cargo.toml. */
const version = readFileSync(path.join(repoRoot, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];

/** The page printed to an A4 PDF, read back by pdftotext: its pages, each with spaces folded. */
async function printedPages(page) {
  const pdf = await page.pdf({ format: 'A4' });
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rc-print-'));
  try {
    writeFileSync(path.join(dir, 'record.pdf'), pdf);
    // poppler-utils (cargo xtask setup installs it): the PDF itself is read, not the page.
    // -layout: read line by line down the page, as a person reads it, fields side by side.
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'record.pdf'), '-'], { encoding: 'utf8' });
    // pdftotext ends each page with a form feed.
    return text.split('\f').map((p) => p.replace(/\s+/g, ' ').trim()).filter((p, i, all) => p || i < all.length - 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Where `needle` is in `text`, failing when it is not there. */
function at(text, needle, from = 0) {
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, `the printout has "${needle}" (after position ${from}): ${text.slice(from, from + 400)}…`);
  return i;
}

/** A title, an assessor, one item not achieved with a note, and the sign-off's owner and role. */
async function fillIn(page) {
  await titleField(page).fill('Team chat pilot');
  await page.getByLabel('Assessor', { exact: true }).fill('Sam Jones');
  await chooseStatus(page, owner.title, 'Not achieved');
  await rate(page, owner.title, { likelihood: 3, impact: 3 });
  await field(page, owner.title, 'Notes').fill(NOTE);
  await chooseStatus(page, objectives.title, 'Achieved');
  await showView(page, 'Summary');
  const form = page.getByRole('region', { name: 'Decision and sign-off', exact: true });
  await form.getByLabel('Risk owner', { exact: true }).fill('Alex Smith');
  await form.getByLabel('Role', { exact: true }).fill(ROLE);
  await waitForStored(page, (r) => r.assessment.signoff?.role === ROLE && r.assessment.answers?.[owner.id]?.notes === NOTE);
}

/**
 * Sentences a person reads on screen to fill the checklist in: the introduction, hints and
 * help. None of them is part of the record.
 */
async function instructions(page) {
  const texts = await page.locator('.rc-root').evaluate((root) =>
    [...root.querySelectorAll('.rc-description, .rc-intro, .rc-hint, .rc-scope p, .rc-review-start')]
      .filter((el) => !el.closest('.rc-summary'))
      .map((el) => el.textContent),
  );
  // Each one's first sentence, long enough to be instruction rather than a word of data.
  const sentences = texts.map((t) => t.replace(/\s+/g, ' ').trim().split(/(?<=[.:])\s/)[0]).filter((t) => t.length >= 25);
  assert.ok(sentences.length >= 2, `instructions found on screen: ${JSON.stringify(sentences)}`);
  return [...new Set(sentences)];
}

describe('Printing', () => {
  it('prints the record alone, fit to sign: fields as text in full, no instruction or button, tables with their headings, and the sign-off last', () =>
    run('print-record', async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      const hints = await instructions(page);
      await fillIn(page);
      // On screen too the role is read in full, not cut by its box.
      const role = page.getByRole('region', { name: 'Decision and sign-off', exact: true }).getByLabel('Role', { exact: true });
      assert.ok(await role.evaluate((el) => el.scrollWidth <= el.clientWidth), 'the role fits its field on screen');

      const pages = await printedPages(page);
      const text = pages.join(' ');
      for (const want of ['Team chat pilot', 'Sam Jones', 'Alex Smith', ROLE, NOTE, 'Status: Not achieved · Risk: High (9)']) at(text, want);
      for (const sentence of hints) assert.ok(!text.includes(sentence), `instruction printed: "${sentence}"`);
      for (const button of ['Export JSON', 'Print summary', 'Start again', 'Skip to the items']) {
        assert.ok(!text.includes(button), `"${button}" printed`);
      }
      // The order: the Summary, then every answer, then the sign-off, ending with the line to
      // sign on; only the version line after it.
      const answers = at(text, 'All answers', at(text, 'Overall rating'));
      const signoff = at(text, 'Decision and sign-off', at(text, NOTE, answers));
      const signature = at(text, 'Signature', at(text, ROLE, signoff));
      assert.equal(text.slice(signature + 'Signature'.length).trim(), `risk-checklist ${version}`, 'the sign-off is last');
      assert.ok(!text.slice(0, signoff).includes(ROLE), 'the sign-off is printed once, last');
      // No blank page; the heat map's heading, caption and column headings on one page.
      assert.ok(pages.every((p) => p.length > 0), `a blank page among ${pages.length}`);
      const heat = pages.find((p) => p.includes('Risk heat map'));
      assert.ok(heat?.includes('Open risks by likelihood (rows) and impact (columns)') && heat.includes('Impact 1'), `the heat map split from its heading: ${heat}`);
      assert.ok(pages.at(-1).includes('Signature'), `the last page: ${pages.at(-1)}\n\nthe page before: ${pages.at(-2)}`);

      // As laid out for paper: no field is an input box, each is text not cut off, and no
      // table is cut at the right by a scrolling box.
      await page.emulateMedia({ media: 'print' });
      const laidOut = await page.locator('.rc-root').evaluate((root) => ({
        boxes: [...root.querySelectorAll('input:not([type="radio"]), textarea, select')]
          .filter((el) => el.getClientRects().length > 0)
          .map((el) => el.id),
        cut: [...root.querySelectorAll('.rc-print-value')]
          .filter((el) => el.getClientRects().length > 0 && el.scrollWidth > el.clientWidth)
          .map((el) => el.textContent),
        clipping: [...root.querySelectorAll('.rc-scroll')].filter((el) => getComputedStyle(el).overflowX !== 'visible').length,
      }));
      await page.emulateMedia({ media: null });
      assert.deepEqual(laidOut, { boxes: [], cut: [], clipping: 0 });
    }));

  it('a print started from the Checklist tab (Ctrl+P) prints the Summary and every answer, not the section on screen, and leaves the Checklist as it was', () =>
    run('print-from-checklist', async ({ page }) => {
      await fillIn(page);
      await showView(page, 'Checklist');
      const heading = page.locator('.rc-section-heading');
      await heading.waitFor();
      const pages = await printedPages(page);
      const text = pages.join(' ');
      const answers = at(text, 'All answers', at(text, 'Overall rating'));
      at(text, 'Signature', at(text, 'Decision and sign-off', at(text, NOTE, answers)));
      at(text, ROLE);
      assert.ok(!text.includes('Skip to the items') && !text.includes('Next:'), 'the section on screen is not printed');
      assert.ok(pages.length < 10, `${pages.length} pages`);
      // Printing over, the record is taken away and the Checklist is as it was.
      await eventually(async () => (await page.locator('.rc-print-record').count()) === 0, 'the record taken away after printing');
      assert.equal((await heading.innerText()).trim(), first.title);
      assert.equal(await page.getByRole('region', { name: 'Decision and sign-off', exact: true }).count(), 0);
    }));

  it('Print summary from the Checklist opens the print dialog once the record is rendered, and the page stays where it was, the focus on the button', () =>
    run('print-summary-button', async ({ page }) => {
      await fillIn(page);
      await showView(page, 'Checklist');
      // The dialog itself cannot be driven here: what the page holds when it opens is noted.
      await page.evaluate(() => {
        window.__printed = [];
        window.print = () => window.__printed.push(document.querySelector('.rc-print-record .rc-summary')?.textContent ?? '');
      });
      const button = page.getByRole('button', { name: 'Print summary', exact: true });
      await button.focus();
      await button.press('Enter');
      const [printed] = await eventually(() => page.evaluate(() => (window.__printed.length ? window.__printed : null)), 'the print dialog opened');
      for (const want of ['Overall rating', 'All answers', NOTE, 'Decision and sign-off']) assert.ok(printed.includes(want), `the record holds "${want}"`);
      await eventually(async () => (await page.locator('.rc-print-record').count()) === 0, 'the record taken away once the dialog closed');
      assert.equal(await page.evaluate(() => window.__printed.length), 1, 'printed once');
      assert.equal((await page.locator('.rc-section-heading').innerText()).trim(), first.title, 'still on the Checklist');
      assert.ok(await button.evaluate((b) => b === document.activeElement), 'the focus stays on Print summary');
    }));
});
