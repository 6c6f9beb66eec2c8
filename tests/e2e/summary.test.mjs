// End-to-end tests of the Summary view, in the release build: the overall rating, the counts,
// the heat map cell by cell, open risks ranked by score and what is not yet assessed; the
// sign-off form, kept across a reload and marked for review when an answer changes later; the
// CSV and HTML report downloads; printing to PDF; and an axe-core scan of the Summary and
// Assessments views.
//
// Run: cd tests/e2e && npm test

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';

import {
  assessmentRows,
  chooseStatus,
  defaultChecklist,
  downloadFrom,
  eventually,
  fillDetails,
  focusedElement,
  formatViolations,
  goToSection,
  heatMapCount,
  launch,
  rate,
  showView,
  storedAssessment,
  waitForStored,
  waitUntilInteractive,
  useBrowserAndServer,
  titleField,
} from './helpers.mjs';

const checklist = defaultChecklist();
const [first, second] = checklist.sections;
const itemCount = checklist.sections.reduce((n, s) => n + s.items.length, 0);
const [owner, objectives, policy, approval, value] = first.items;
const [support, review] = second.items;

const env = useBrowserAndServer();

const { run } = env;

// What answerSome enters, and what the summary must make of it.
const FORMULA_NOTE = '=HYPERLINK("http://example.invalid","click")';
const open = [
  // [item, status, likelihood, impact, score, band]
  [owner, 'Not achieved', 3, 3, 9, 'High'],
  [policy, 'Not achieved', 3, 2, 6, 'High'],
  [objectives, 'Partially achieved', 2, 2, 4, 'Medium'],
  [value, 'Partially achieved', 1, 1, 1, 'Low'],
];
const assessed = [owner, objectives, policy, approval, value, support];

/** Six items answered: four open rated risks, one achieved (rated, so not open), one not applicable. */
async function answerSome(page) {
  await titleField(page).fill('Team chat pilot');
  for (const [it, status, likelihood, impact] of open) {
    await chooseStatus(page, it.title, status);
    await rate(page, it.title, { likelihood, impact });
  }
  await fillDetails(page, owner.title, { owner: 'Head of Digital', due: '2027-03-31', action: 'Name an owner.' });
  await fillDetails(page, objectives.title, { notes: FORMULA_NOTE });
  await chooseStatus(page, approval.title, 'Achieved');
  await rate(page, approval.title, { likelihood: 3, impact: 3 });
  await goToSection(page, second.title);
  await chooseStatus(page, support.title, 'Not applicable');
  await waitForStored(page, (r) => r.assessment.answers?.[support.id]?.status === 'not_applicable' && r.assessment.answers?.[objectives.id]?.notes === FORMULA_NOTE);
}

/** The summary's figure labelled `label` ("Overall rating", "Open risks", ...), spaces collapsed. */
async function stat(page, label) {
  const box = page.locator('.rc-summary .rc-stat').filter({ has: page.locator('.rc-stat-label', { hasText: label }) });
  const text = (await box.innerText()).replace(/\s+/g, ' ').trim();
  return text.slice(label.length).trim();
}

/** The rows of the table that follows the heading `heading`: arrays of cell texts. */
function tableAfter(page, heading) {
  return page
    .getByRole('region', { name: heading, exact: true })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((tr) => [...tr.cells].map((c) => c.textContent.replace(/\s+/g, ' ').trim())));
}

/** RFC 4180 CSV to rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('the Summary view', () => {
  it('shows the overall rating, counts by band, the heat map cell by cell, open risks by score and what is not yet assessed', () =>
    run('summary-figures', async ({ page }) => {
      await answerSome(page);
      await showView(page, 'Summary');
      await page.getByRole('region', { name: 'Summary', exact: true }).waitFor();

      assert.equal(await stat(page, 'Overall rating'), 'High');
      assert.equal(await stat(page, 'Open risks'), '2 high, 1 medium, 1 low, 0 not rated');
      assert.equal(await stat(page, 'Progress'), `6 of ${itemCount} items assessed (${Math.floor((6 * 100) / itemCount)}%)`);
      assert.equal(await stat(page, 'Status'), `${itemCount - 6} not assessed, 1 achieved, 2 partially achieved, 2 not achieved, 1 not applicable`);

      // Every cell of the heat map, found by its row and column headers. The achieved item rated
      // 3 x 3 is not an open risk, so the top right cell holds the owner item only.
      const expected = { '3,3': 1, '3,2': 1, '2,2': 1, '1,1': 1 };
      const lik = checklist.scale.likelihood;
      const imp = checklist.scale.impact;
      for (let l = 1; l <= lik.length; l++) {
        for (let i = 1; i <= imp.length; i++) {
          const { count } = await heatMapCount(page, `Likelihood ${l} – ${lik[l - 1]}`, `Impact ${i} – ${imp[i - 1]}`);
          assert.equal(count, String(expected[`${l},${i}`] ?? 0), `heat map cell likelihood ${l} x impact ${i}`);
        }
      }
      const top = await heatMapCount(page, 'Likelihood 3 – Probable', 'Impact 3 – Severe');
      assert.equal(top.text, '1 High', 'the cell says its band in words too');
      assert.equal(top.bandShown, true, 'the band\'s name is shown, not only given to screen readers');

      // Open risks, highest score first.
      const risks = await tableAfter(page, 'Open risks, highest first');
      assert.deepEqual(
        risks.map((r) => [r[0], r[1], r[2]]),
        open.map(([it, status, , , score, band]) => [it.title, `${band} (${score})`, status]),
      );
      assert.deepEqual(risks[0].slice(3), ['Head of Digital', '2027-03-31', 'Name an owner.']);

      // Not yet assessed: every other item, in checklist order, each with its section.
      const todo = (await page.locator('.rc-summary h2', { hasText: 'Not yet assessed' }).locator('xpath=following-sibling::ul[1]/li').allInnerTexts()).map((t) =>
        t.replace(/\s+/g, ' ').trim(),
      );
      const ids = new Set(assessed.map((i) => i.id));
      const want = checklist.sections.flatMap((s) => s.items.filter((i) => !ids.has(i.id)).map((i) => `${i.title} – ${s.title}`));
      assert.deepEqual(todo, want);
      assert.equal(todo[0], `${review.title} – ${second.title}`);

      // A not-yet-assessed item's link, used from the keyboard, goes to the item: it has the
      // focus and is on screen, even far down its section.
      // Its link in the "Not yet assessed" list: a baseline item is also linked from "Before go-live".
      const far = second.items.at(-1);
      const notYet = page.locator('.rc-summary h2', { hasText: 'Not yet assessed' }).locator('xpath=following-sibling::ul[1]');
      await notYet.getByRole('button', { name: far.title, exact: true }).press('Enter');
      const target = page.getByRole('group', { name: far.title, exact: true });
      await eventually(() => target.evaluate((el) => el === document.activeElement), `focus on the item "${far.title}"`);
      const box = await target.evaluate((el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.top + 10, height: innerHeight }; });
      assert.ok(box.top >= 0 && box.bottom <= box.height, `the item is on screen: ${JSON.stringify(box)}`);
      // Tab goes on inside the item.
      await page.keyboard.press('Tab');
      assert.ok(await target.evaluate((el) => el.contains(document.activeElement)), `Tab stays in the item (on ${await focusedElement(page)})`);

      // The sections table.
      await showView(page, 'Summary');
      // A section's link puts the focus on the section's heading.
      await page.locator('.rc-summary').getByRole('button', { name: second.title, exact: true }).press('Enter');
      const sectionHeading = page.getByRole('heading', { name: second.title, exact: true });
      await eventually(() => sectionHeading.evaluate((el) => el === document.activeElement), 'focus on the section heading');
      await showView(page, 'Summary');
      const sections = await tableAfter(page, 'Sections');
      assert.deepEqual(sections[0], [first.title, `5 of ${first.items.length}`, 'High']);
      assert.deepEqual(sections[1], [second.title, `1 of ${second.items.length}`, 'None'], 'nothing open: its one answer is not applicable');
    }));

  it('the sign-off is back after a reload; a later change to an answer shows "Needs review", and confirming clears it', () =>
    run('summary-signoff', async ({ page }) => {
      await answerSome(page);
      await showView(page, 'Summary');
      const form = page.getByRole('region', { name: 'Decision and sign-off', exact: true });
      await form.getByText('Not signed off yet.').waitFor();
      await form.getByLabel('Risk owner', { exact: true }).fill('Jane Smith');
      await form.getByLabel('Risk owner', { exact: true }).press('Tab');
      await form.getByLabel('Role', { exact: true }).fill('Deputy Director, Digital');
      await form.getByLabel('Role', { exact: true }).press('Tab');
      const decision = form.getByRole('group', { name: 'Decision', exact: true });
      for (const name of ['Proceed', 'Proceed with conditions', 'Do not proceed']) {
        assert.equal(await decision.getByRole('radio', { name, exact: true }).count(), 1, `a "${name}" choice`);
      }
      await decision.getByRole('radio', { name: 'Proceed with conditions', exact: true }).check();
      await form.getByLabel('Conditions', { exact: true }).fill('Name an owner before launch.\nReview the retention policy.');
      await form.getByLabel('Conditions', { exact: true }).press('Tab');
      await form.getByLabel('Review date', { exact: true }).fill('2027-06-30');
      await form.getByLabel('Date of decision', { exact: true }).fill('2026-12-01');
      await form.getByText('Decision: Proceed with conditions on 2026-12-01 by Jane Smith').waitFor();
      const saved = await waitForStored(page, (r) => r.assessment.signoff?.decided === '2026-12-01');
      assert.deepEqual(saved.assessment.signoff, {
        owner: 'Jane Smith',
        role: 'Deputy Director, Digital',
        decision: 'proceed_with_conditions',
        conditions: 'Name an owner before launch.\nReview the retention policy.',
        review_date: '2027-06-30',
        decided: '2026-12-01',
      });

      await page.reload({ waitUntil: 'load' });
      await waitUntilInteractive(page);
      await showView(page, 'Summary');
      assert.equal(await form.getByLabel('Risk owner', { exact: true }).inputValue(), 'Jane Smith');
      assert.equal(await form.getByLabel('Role', { exact: true }).inputValue(), 'Deputy Director, Digital');
      assert.equal(await decision.getByRole('radio', { name: 'Proceed with conditions', exact: true }).isChecked(), true);
      assert.equal(await decision.getByRole('radio', { name: 'Proceed', exact: true }).isChecked(), false);
      assert.equal(await form.getByLabel('Conditions', { exact: true }).inputValue(), 'Name an owner before launch.\nReview the retention policy.');
      assert.equal(await form.getByLabel('Review date', { exact: true }).inputValue(), '2027-06-30');
      assert.equal(await form.getByLabel('Date of decision', { exact: true }).inputValue(), '2026-12-01');
      const needsReview = form.getByRole('alert').filter({ hasText: 'Needs review' });
      assert.equal(await needsReview.count(), 0, 'no review needed yet');

      // An answer changes after the decision.
      await showView(page, 'Checklist');
      await goToSection(page, first.title);
      await chooseStatus(page, value.title, 'Achieved');
      await showView(page, 'Summary');
      await needsReview.waitFor({ state: 'visible' });
      assert.match((await needsReview.innerText()).replace(/\s+/g, ' '), /Needs review: the answers, or the checklist itself, changed after the decision was recorded/);
      await waitForStored(page, (r) => r.assessment.signoff?.needs_review === true);

      // A typo fixed in the role is not the decision confirmed: the mark stays, saved.
      await form.getByLabel('Role', { exact: true }).fill('Deputy Director, Digital Services');
      await waitForStored(page, (r) => r.assessment.signoff?.role === 'Deputy Director, Digital Services');
      assert.equal(await needsReview.count(), 1, 'still needs review after editing the role');
      assert.equal((await waitForStored(page, (r) => r.assessment.signoff?.role === 'Deputy Director, Digital Services')).assessment.signoff.needs_review, true);

      // By keyboard: the button goes once pressed, and the focus goes to the decision it confirmed.
      await needsReview.getByRole('button', { name: 'Confirm the decision again', exact: true }).focus();
      await page.keyboard.press('Enter');
      await needsReview.waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.activeElement?.classList.contains('rc-decision-line'), null, { timeout: 5000 });
      assert.match(await form.locator('.rc-decision-line').innerText(), /^Decision: Proceed with conditions/);
      const confirmed = await waitForStored(page, (r) => !r.assessment.signoff?.needs_review);
      assert.equal(confirmed.assessment.signoff.decision, 'proceed_with_conditions', 'the decision itself is kept');
      await page.reload({ waitUntil: 'load' });
      await waitUntilInteractive(page);
      await showView(page, 'Summary');
      assert.equal(await needsReview.count(), 0, 'still confirmed after a reload');
    }));
});

describe('report downloads and printing', () => {
  it('Export CSV: a BOM, the header row, one row per item, and a notes cell starting with "=" defused with an apostrophe', () =>
    run('summary-csv', async ({ page }) => {
      await answerSome(page);
      const { name, bytes, text } = await downloadFrom(page, 'Export CSV');
      assert.match(name, /^team-chat-pilot-\d{4}-\d{2}-\d{2}\.csv$/);
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with a UTF-8 byte order mark');
      assert.ok(text.includes('\r\n'), 'lines end in CRLF');
      const rows = parseCsv(text.slice(1));
      assert.deepEqual(rows[0], ['Section', 'Item', 'Baseline', 'In scope', 'Out of scope because', 'Status', 'Likelihood', 'Impact', 'Score', 'Band', 'Before go-live', "Owner's acceptance", 'Owner', 'Due date', 'Action', 'Notes', 'Previous status', 'Previous band', 'Open risk']);
      const body = rows.slice(1);
      assert.equal(body.length, itemCount, 'one row per item');
      assert.deepEqual(
        body.map((r) => r[1]),
        checklist.sections.flatMap((s) => s.items.map((i) => i.title)),
        'in checklist order',
      );
      assert.ok(body.every((r) => r.length === 19), 'every row has 19 fields');
      const row = (it) => body.find((r) => r[1] === it.title);
      // Cells 2 and 10 (baseline, before go-live) depend on whether the checklist marks the item baseline.
      const fields = row(owner);
      assert.deepEqual([...fields.slice(0, 2), ...fields.slice(3, 10), ...fields.slice(11)], [first.title, owner.title, 'Yes', '', 'Not achieved', '3 – Probable', '3 – Severe', '9', 'High', 'Needed', 'Head of Digital', '2027-03-31', 'Name an owner.', '', '', '', 'Yes']);
      assert.deepEqual([fields[2], fields[10]], owner.baseline ? ['Yes', 'Outstanding'] : ['', '']);
      assert.equal(row(objectives)[15], `'${FORMULA_NOTE}`, 'the formula-like note is prefixed with an apostrophe');
      assert.equal(row(support)[5], 'Not applicable');
      assert.equal(row(review)[5], 'Not assessed');
      // Filtering on Open risk gives the Summary's four open risks; the achieved item keeps its
      // High band in the Band column but is not one of them.
      assert.deepEqual(body.filter((r) => r[18] === 'Yes').map((r) => r[1]).sort(), open.map(([it]) => it.title).sort());
      assert.deepEqual([row(approval)[9], row(approval)[18]], ['High', '']);
    }));

  it('Export HTML report: no script, and it holds the assessment title and the summary', () =>
    run('summary-html', async ({ page }) => {
      await answerSome(page);
      const { name, text } = await downloadFrom(page, 'Export HTML report');
      assert.match(name, /^team-chat-pilot-\d{4}-\d{2}-\d{2}\.html$/);
      assert.doesNotMatch(text, /<script/i, 'no script element');
      assert.doesNotMatch(text, /\son[a-z]+\s*=/i, 'no inline event handler');
      assert.doesNotMatch(text, /\b(src|href)\s*=\s*["']?(https?:|\/\/)/i, 'nothing loaded from elsewhere');
      assert.ok(text.includes('Team chat pilot'), 'the assessment title');
      assert.ok(text.includes(checklist.title), 'the checklist title');

      // Read it as a browser shows it, with scripts off.
      const reader = await env.browser.newPage({ javaScriptEnabled: false });
      try {
        await reader.setContent(text, { waitUntil: 'load' });
        const shown = (await reader.locator('body').innerText()).replace(/\s+/g, ' ');
        assert.match(shown, /Overall rating \(worst open risk\): High/);
        assert.match(shown, new RegExp(`Progress: 6 of ${itemCount} items assessed`));
        assert.equal((await reader.locator('td[data-likelihood="3"][data-impact="3"] .count').innerText()).trim(), '1');
        assert.equal((await reader.locator('td[data-likelihood="3"][data-impact="2"] .count').innerText()).trim(), '1');
        const ranked = await reader.locator('table.open-risks tbody tr th, table.open-risks tbody tr td:first-child').allInnerTexts();
        assert.deepEqual(ranked.map((t) => t.trim()), open.map(([it]) => it.title), 'open risks ranked by score');
        assert.ok(shown.includes(FORMULA_NOTE), 'notes are in the report as text');
      } finally {
        await reader.close();
      }
    }));


  it('Export HTML report: at 320 CSS px wide it reflows, with no page scrolling sideways, and each table scrolls in its own named region', () =>
    run('summary-html-reflow', async ({ page }) => {
      await answerSome(page);
      const { text } = await downloadFrom(page, 'Export HTML report');

      // Read it as a browser shows it, with scripts off, at the narrowest width WCAG 1.4.10 asks for.
      const reader = await env.browser.newPage({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
      try {
        await reader.setContent(text, { waitUntil: 'load' });
        const width = await reader.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 320, `the page scrolls sideways: scrollWidth ${width}`);
        // Each table sits directly in a region that scrolls on its own, can take the focus, and
        // is named after the table's caption.
        const tables = await reader.locator('table').evaluateAll((ts) =>
          ts.map((t) => {
            const region = t.parentElement;
            return {
              caption: t.caption?.textContent.trim(),
              label: region.getAttribute('aria-label'),
              role: region.getAttribute('role'),
              tabindex: region.getAttribute('tabindex'),
              overflowX: getComputedStyle(region).overflowX,
            };
          }),
        );
        assert.ok(tables.length > 0);
        for (const t of tables) {
          assert.ok(t.caption, `a table without a caption: ${JSON.stringify(t)}`);
          assert.deepEqual(t, { caption: t.caption, label: t.caption, role: 'region', tabindex: '0', overflowX: 'auto' });
        }
      } finally {
        await reader.close();
      }
    }));
  it('print to PDF (A4) from the Summary view: the summary, every answer, and a sign-off to complete on paper or as recorded', () =>
    run('summary-pdf', async ({ page }) => {
      await answerSome(page);
      await showView(page, 'Summary');
      await page.emulateMedia({ media: 'print' });
      // Under print media the printout is the whole record: the print-only answers show, the buttons do not.
      await page.getByRole('heading', { name: 'All answers', exact: true }).waitFor({ state: 'visible' });
      assert.equal(await page.getByRole('button', { name: 'Export JSON', exact: true }).isVisible(), false, 'buttons are not printed');
      const unsigned = await printed(page);
      for (const want of ['Team chat pilot', 'Overall rating', 'Open risks by likelihood (rows) and impact (columns)', 'Open risks, highest first', owner.title, 'All answers', 'Name an owner.']) {
        assert.ok(unsigned.includes(want), `the printout has "${want}"`);
      }
      assert.ok(!unsigned.includes('Export JSON'), 'no buttons in the printout');
      // Not signed off: every decision to tick, lines to write on, and no empty date mask.
      assert.match(unsigned, /Not signed off yet\..*Risk owner.*Role.*Decision.*Proceed.*Proceed with conditions.*Do not proceed.*Conditions.*Review date.*Date of decision.*Signature/);
      assert.doesNotMatch(unsigned, /yyyy/i, 'no empty date mask');

      await page.emulateMedia({ media: 'screen' });
      const form = page.getByRole('region', { name: 'Decision and sign-off', exact: true });
      await form.getByRole('radio', { name: 'Proceed with conditions', exact: true }).check();
      await form.getByLabel('Date of decision', { exact: true }).fill('2026-12-01');
      await waitForStored(page, (r) => r.assessment.signoff?.decided === '2026-12-01');
      await page.emulateMedia({ media: 'print' });
      const signed = await printed(page);
      await page.emulateMedia({ media: 'screen' });
      // Signed off: the decision taken alone, and its date as text.
      assert.match(signed, /Decision: Proceed with conditions on 2026-12-01.*Decision Proceed with conditions Conditions.*Date of decision.*Signature/);
      // The sign-off is printed last.
      const fields = signed.slice(signed.indexOf('Risk owner Role Decision'));
      assert.ok(fields.includes('Signature') && fields.includes('2026-12-01'), `the date printed among the fields: ${fields}`);
      assert.doesNotMatch(signed, /Do not proceed|yyyy/i);
    }));
});

/** The page printed to an A4 PDF, read back as text by pdftotext, with whitespace folded. */
async function printed(page) {
  const pdf = await page.pdf({ format: 'A4' });
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  let pdftotext = null;
  try {
    pdftotext = execFileSync('sh', ['-c', 'command -v pdftotext'], { encoding: 'utf8' }).trim() || null;
  } catch {
    pdftotext = null;
  }
  // poppler-utils is installed by cargo xtask setup: the PDF itself is read, not the page.
  assert.ok(pdftotext, 'pdftotext (poppler-utils) is installed to read the printed PDF');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rc-pdf-'));
  try {
    writeFileSync(path.join(dir, 'summary.pdf'), pdf);
    return execFileSync(pdftotext, [path.join(dir, 'summary.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('accessibility of the Summary and Assessments views (axe-core, WCAG 2.2 AA)', () => {
  const scan = async (page) =>
    (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;

  it('has no violations in the Summary view (with a decision needing review) nor in the Assessments view (two assessments)', () =>
    run('summary-axe', async ({ page }) => {
      await answerSome(page);
      await showView(page, 'Summary');
      const form = page.getByRole('region', { name: 'Decision and sign-off', exact: true });
      await form.getByRole('radio', { name: 'Proceed', exact: true }).check();
      await form.getByLabel('Date of decision', { exact: true }).fill('2026-12-01');
      await waitForStored(page, (r) => r.assessment.signoff?.decided === '2026-12-01');
      const summary = await scan(page);
      assert.equal(summary.length, 0, `Summary view:\n${formatViolations(summary)}`);

      await showView(page, 'Checklist');
      await goToSection(page, second.title);
      await chooseStatus(page, review.title, 'Achieved');
      await showView(page, 'Summary');
      await form.getByRole('alert').filter({ hasText: 'Needs review' }).waitFor();
      const stale = await scan(page);
      assert.equal(stale.length, 0, `Summary view, needing review:\n${formatViolations(stale)}`);

      await showView(page, 'Assessments');
      await page.getByRole('button', { name: 'New assessment', exact: true }).click();
      await titleField(page).fill('Second pilot');
      await waitForStored(page, (r) => r.assessment.title === 'Second pilot');
      await showView(page, 'Assessments');
      assert.equal((await assessmentRows(page)).length, 2);
      const list = await scan(page);
      assert.equal(list.length, 0, `Assessments view:\n${formatViolations(list)}`);
      assert.ok(await storedAssessment(page));
    }));
});
