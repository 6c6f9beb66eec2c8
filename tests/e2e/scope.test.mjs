// End-to-end tests of the scope questions and what follows from them, in the release build:
// a part set aside by a "No" leaves the checklist, the section list and the totals, its answers
// survive a reload and come back on "Yes"; the Summary lists what blocks go-live, open items not
// rated, what is out of scope and why; the sign-off warns on Proceed with baseline items open and
// lists severe-impact risks; the reports carry scope and baseline; axe-core finds nothing.
//
// Run: cd tests/e2e && npm test

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';

import {
  checkedStatus,
  chooseStatus,
  defaultChecklist,
  downloadFrom,
  field,
  formatViolations,
  goToSection,
  rate,
  saveNow,
  sectionSummaries,
  showView,
  storedAssessment,
  useBrowserAndServer,
  waitForStored,
  waitUntilInteractive,
} from './helpers.mjs';

const checklist = defaultChecklist();
const env = useBrowserAndServer();
const { run } = env;

const question = (id) => checklist.questions.find((q) => q.id === id);
const PUBLIC = question('public-channel');
const publicSection = checklist.sections.find((s) => s.applies_when?.any_yes.includes('public-channel'));
const [publicItem] = publicSection.items;
const [first] = checklist.sections;

/** Whether an item applies with these answers ({ id: true|false }), by the checklist format's rule. */
function applies(condition, answers) {
  return !condition || condition.any_yes.some((q) => answers[q] !== false);
}
function inScope(answers) {
  return checklist.sections.flatMap((s) => (applies(s.applies_when, answers) ? s.items.filter((i) => applies(i.applies_when, answers)) : []));
}
const total = inScope({}).length;
const withoutPublic = inScope({ 'public-channel': false }).length;

/** The Scope region, and the group of one question in it. */
const scopeRegion = (page) => page.getByRole('region', { name: 'Scope', exact: true });
const answerScope = (page, q, answer) =>
  scopeRegion(page).getByRole('group', { name: q.question, exact: true }).getByRole('radio', { name: answer, exact: true }).check();

/** The header's "N of M items assessed". */
const progressText = async (page) => (await page.locator('.rc-progress-text').first().innerText()).trim();

/** The list items under the Summary heading `heading`, spaces collapsed. */
async function listAfter(page, heading) {
  const items = page.locator('.rc-summary h2', { hasText: heading }).locator('xpath=following-sibling::ul[1]/li');
  return (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

const scan = async (page) =>
  (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;

describe('scope questions', () => {
  it('"No" sets a part aside from the items, the section list and the totals; its answers survive a reload and come back on "Yes"', () =>
    run('scope-no-then-yes', async ({ page }) => {
      assert.ok(withoutPublic < total && withoutPublic >= 30, `the fixture of the test: ${withoutPublic} of ${total}`);
      for (const q of checklist.questions) {
        const group = scopeRegion(page).getByRole('group', { name: q.question, exact: true });
        assert.deepEqual(await group.getByRole('radio').evaluateAll((rs) => rs.map((r) => r.labels[0].textContent)), ['Yes', 'No'], q.id);
      }
      assert.equal(await progressText(page), `0 of ${total} items assessed (0%)`, 'unanswered questions set nothing aside');

      await goToSection(page, publicSection.title);
      await chooseStatus(page, publicItem.title, 'Not achieved');
      await field(page, publicItem.title, 'Notes').fill('No moderation rota yet.');
      await waitForStored(page, (r) => r.assessment.answers?.[publicItem.id]?.notes === 'No moderation rota yet.');
      assert.match(await progressText(page), new RegExp(`^1 of ${total} items assessed`));

      await answerScope(page, PUBLIC, 'No');
      await page.getByRole('group', { name: publicItem.title, exact: true }).waitFor({ state: 'detached' });
      assert.equal(await progressText(page), `0 of ${withoutPublic} items assessed (0%)`);
      const names = await sectionSummaries(page);
      assert.ok(!names.some((n) => n.startsWith(publicSection.title)), `section list: ${JSON.stringify(names)}`);
      assert.equal(names.length, checklist.sections.length - 1);
      const header = await page.locator('.rc-scope-line summary').innerText();
      assert.match(header, new RegExp(`^Scope: ${withoutPublic} of ${total} items apply`));

      await showView(page, 'Summary');
      const out = await listAfter(page, 'Out of scope');
      assert.equal(out.length, total - withoutPublic);
      assert.equal(out[0], `${publicItem.title} – ${PUBLIC.question} No`);
      // Printed, its answer is kept under "Items out of scope", not among the answers that count.
      await page.emulateMedia({ media: 'print' });
      const printed = (await page.locator('.rc-print-only', { has: page.getByRole('heading', { name: 'All answers', exact: true }) }).innerText()).replace(/\s+/g, ' ');
      await page.emulateMedia({ media: 'screen' });
      const kept = printed.indexOf('Items out of scope Answers to items out of scope');
      assert.ok(kept > 0, printed);
      assert.ok(!printed.slice(0, kept).includes(publicItem.title) && !printed.includes(publicSection.title), printed);
      assert.match(printed.slice(kept), new RegExp(`${publicItem.title} Status: Not achieved · Risk: Not rated Notes: No moderation rota yet\\.`));

      // Saved, with the answer to the item set aside; the same after a reload.
      await saveNow(page);
      const stored = await storedAssessment(page);
      assert.equal(stored.assessment.scope['public-channel'], false);
      assert.equal(stored.assessment.answers[publicItem.id].notes, 'No moderation rota yet.');
      await page.reload({ waitUntil: 'load' });
      await waitUntilInteractive(page);
      assert.equal(await scopeRegion(page).getByRole('group', { name: PUBLIC.question, exact: true }).getByRole('radio', { name: 'No', exact: true }).isChecked(), true);
      assert.equal(await progressText(page), `0 of ${withoutPublic} items assessed (0%)`);

      await answerScope(page, PUBLIC, 'Yes');
      await goToSection(page, publicSection.title);
      assert.equal(await checkedStatus(page, publicItem.title), 'Not achieved');
      assert.equal(await field(page, publicItem.title, 'Notes').inputValue(), 'No moderation rota yet.');
      assert.match(await progressText(page), new RegExp(`^1 of ${total} items assessed`));
    }));

  it('each rating level says what it means beside the rating, and the whole scale is one disclosure away', () =>
    run('scope-scale', async ({ page }) => {
      const item = first.items[0].title;
      await rate(page, item, { likelihood: 2, impact: 3 });
      const likelihood = field(page, item, 'Likelihood');
      const described = await likelihood.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby'))?.textContent);
      assert.equal(described, checklist.scale.likelihood_descriptions[1]);
      await page.getByText('How to rate likelihood and impact', { exact: true }).click();
      for (const text of [...checklist.scale.likelihood_descriptions, ...checklist.scale.impact_descriptions]) {
        await page.locator('.rc-scale').getByText(text, { exact: true }).waitFor();
      }
      const found = await scan(page);
      assert.equal(found.length, 0, `Checklist view with the scope and the scale open:\n${formatViolations(found)}`);
    }));
});

describe('what blocks go-live and every open item', () => {
  const baseline = checklist.sections.flatMap((s) => s.items.filter((i) => i.baseline).map((i) => ({ ...i, section: s.title })));
  const [rated, unrated, severe] = first.items;

  it('Before go-live lists the baseline items not achieved; Proceed with them open warns but is allowed', () =>
    run('scope-go-live', async ({ page }) => {
      assert.ok(baseline.length >= 6);
      await showView(page, 'Summary');
      assert.deepEqual(await listAfter(page, 'Before go-live'), baseline.map((b) => `${b.title} – Not assessed`));

      await showView(page, 'Checklist');
      await goToSection(page, baseline[0].section);
      await chooseStatus(page, baseline[0].title, 'Achieved');
      await showView(page, 'Summary');
      assert.deepEqual(await listAfter(page, 'Before go-live'), baseline.slice(1).map((b) => `${b.title} – Not assessed`));

      // Every decision but "Do not proceed" is warned of the baseline items still open.
      const form = page.getByRole('region', { name: 'Decision and sign-off', exact: true });
      await form.getByRole('radio', { name: 'Proceed', exact: true }).check();
      const warning = form.locator('.rc-warning').filter({ hasText: 'baseline' });
      await warning.waitFor();
      assert.match((await warning.innerText()).replace(/\s+/g, ' '), new RegExp(`${baseline.length - 1} baseline items are still open`));
      await waitForStored(page, (r) => r.assessment.signoff?.decision === 'proceed');
      await form.getByRole('radio', { name: 'Proceed with conditions', exact: true }).check();
      await waitForStored(page, (r) => r.assessment.signoff?.decision === 'proceed_with_conditions');
      assert.equal(await warning.count(), 1, 'proceeding with conditions is warned too');
      await form.getByRole('radio', { name: 'Do not proceed', exact: true }).check();
      await warning.waitFor({ state: 'detached' });
    }));

  it('an open item not rated is listed after the rated ones, marked and counted; severe impact is put to the owner', () =>
    run('scope-unrated', async ({ page }) => {
      await chooseStatus(page, unrated.title, 'Partially achieved');
      await showView(page, 'Summary');
      const stat = async (label) =>
        (await page.locator('.rc-summary .rc-stat').filter({ has: page.locator('.rc-stat-label', { hasText: label }) }).innerText()).replace(/\s+/g, ' ').slice(label.length).trim();
      assert.equal(await stat('Overall rating'), '1 open item not rated', 'not "None rated"');
      assert.equal(await stat('Open risks'), '0 high, 0 medium, 0 low, 1 not rated');
      // Its section says so too, where it said "None rated" before.
      const sectionRow = async () =>
        (await page
          .getByRole('region', { name: 'Sections', exact: true })
          .locator('tbody tr')
          .evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.replace(/\s+/g, ' ').trim())))).find((r) => r[0] === first.title);
      assert.deepEqual(await sectionRow(), [first.title, `1 of ${first.items.length}`, '1 open item not rated']);
      await showView(page, 'Checklist');
      assert.match((await sectionSummaries(page))[0], /\b1 not rated$/, 'and the section list');
      await showView(page, 'Summary');

      await showView(page, 'Checklist');
      await chooseStatus(page, rated.title, 'Not achieved');
      await rate(page, rated.title, { likelihood: 3, impact: 3 });
      await chooseStatus(page, severe.title, 'Not achieved');
      await rate(page, severe.title, { likelihood: 1, impact: 3 });
      await showView(page, 'Summary');
      assert.equal(await stat('Overall rating'), 'High and 1 open item not rated');
      assert.equal(await stat('Open risks'), '1 high, 1 medium, 0 low, 1 not rated');
      assert.deepEqual(await sectionRow(), [first.title, `3 of ${first.items.length}`, 'High and 1 open item not rated']);
      await showView(page, 'Checklist');
      assert.match((await sectionSummaries(page))[0], /\bHigh risk 1 not rated$/);
      await showView(page, 'Summary');
      const rows = await page
        .getByRole('region', { name: 'Open risks, highest first', exact: true })
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.cells].slice(0, 2).map((c) => c.textContent.replace(/\s+/g, ' ').trim())));
      assert.deepEqual(rows, [[rated.title, 'High (9)'], [severe.title, 'Medium (3)'], [unrated.title, 'Not rated']]);

      const acceptance = page.locator('.rc-acceptance');
      assert.match(await acceptance.innerText(), /explicit acceptance/);
      // Each a link to its item, with why it is listed and its response.
      assert.deepEqual((await acceptance.locator('li .rc-link').allInnerTexts()).map((t) => t.trim()), [rated.title, severe.title]);
      assert.deepEqual(
        (await acceptance.locator('li').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()),
        [rated, severe].map((it) => `${it.title} – Highest impact – No response chosen`),
      );
      const found = await scan(page);
      assert.equal(found.length, 0, `Summary view:\n${formatViolations(found)}`);
    }));

  it('the CSV and HTML reports carry the scope answers, what is out of scope, and the baseline items', () =>
    run('scope-reports', async ({ page }) => {
      await answerScope(page, PUBLIC, 'No');
      await waitForStored(page, (r) => r.assessment.scope?.['public-channel'] === false);
      const csv = (await downloadFrom(page, 'Export CSV')).text;
      const lines = csv.slice(1).split('\r\n');
      const header = lines[0].split(',');
      assert.deepEqual(header.slice(0, 5), ['Section', 'Item', 'Baseline', 'In scope', 'Out of scope because']);
      const row = lines.find((l) => l.includes(publicItem.title));
      assert.match(row, new RegExp(`,No,"?${PUBLIC.question.replace(/[?]/g, '\\?')} No"?,`), row);
      const base = lines.find((l) => l.includes(baseline[0].title));
      assert.match(base, /^[^,]+,[^,]+,Yes,Yes,/, base);

      // A decision to proceed with baseline items open: the report's sign-off warns, as the
      // widget's does.
      await showView(page, 'Summary');
      await page.getByRole('region', { name: 'Decision and sign-off', exact: true }).getByRole('radio', { name: 'Proceed', exact: true }).check();
      await waitForStored(page, (r) => r.assessment.signoff?.decision === 'proceed');
      const open = inScope({ 'public-channel': false }).filter((i) => i.baseline).length;
      assert.ok(open > 0);

      const html = (await downloadFrom(page, 'Export HTML report')).text;
      // Text in the report is escaped as HTML: the five markup characters become references.
      const escaped = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
      for (const text of ['Scope', 'Before go-live', 'Out of scope', PUBLIC.question, ...checklist.scale.impact_descriptions]) {
        assert.ok(html.includes(escaped(text)), `the HTML report holds ${JSON.stringify(text)}`);
      }
      const signoff = html.slice(html.indexOf('<h2 id="signoff">'), html.indexOf('<h2 id="scope">'));
      assert.match(signoff, new RegExp(`<strong>Warning:</strong> ${open} baseline items are still to do`), signoff);
    }));
});
