// End-to-end tests of the risk owner's decision, in the user's words: "Record the decision" with
// fields missing shows an error summary whose links put the focus in each field; a complete one
// is recorded, and from then on no answer can change; "Reopen the assessment" asks first and
// keeps the withdrawn decision on record; with the clock past the review date the header says
// the review is overdue and offers "Start a review", the list shows it, and the calendar file
// is a valid iCalendar event; an impossible due date is refused beside the field.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import {
  assessmentRows,
  banner,
  chooseStatus,
  dateGroup,
  defaultChecklist,
  downloadFrom,
  fillDate,
  formatViolations,
  item,
  recordDecision,
  saveNow,
  showView,
  signOffForm,
  storedAssessment,
  titleField,
  useBrowserAndServer,
  waitForStored,
} from './helpers.mjs';

const checklist = defaultChecklist();
const [first] = checklist.sections;
const [itemA, itemB] = first.items;

const env = useBrowserAndServer();
const { run } = env;

/** Fails with the violations when axe-core finds any in the page (WCAG 2.2 A and AA). */
async function assertAccessible(page, what) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  assert.deepEqual(violations.map((v) => v.id), [], `${what}:\n${formatViolations(violations)}`);
}

/** The id of the element that has the focus. */
const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('Record the decision', () => {
  it('with fields missing shows an error summary whose links move the focus to each field; then records', () =>
    run('decision-errors', async ({ page }) => {
      await titleField(page).fill('Yammer pilot');
      await chooseStatus(page, itemA.title, 'Achieved');
      await showView(page, 'Summary');
      const form = signOffForm(page);
      await form.getByRole('radio', { name: 'Proceed with conditions', exact: true }).check();
      await fillDate(form, 'Review date', { day: '31', month: '2', year: '2027' });
      await waitForStored(page, (r) => r.assessment.signoff?.review_date === '2027-2-31');
      assert.equal((await storedAssessment(page)).assessment.signoff.recorded, undefined, 'choosing records nothing');

      await form.getByRole('button', { name: 'Record the decision', exact: true }).click();
      const summary = form.getByRole('alert').filter({ hasText: 'There is a problem' });
      await summary.waitFor();
      await page.waitForFunction(() => document.activeElement?.classList.contains('rc-error-summary'), null, { timeout: 5000 });
      const links = summary.getByRole('link');
      assert.deepEqual(await links.allInnerTexts(), [
        "Enter the risk owner's name",
        "Enter the risk owner's role",
        'Enter the conditions, or select "Proceed" if there are none',
        'Review date must be a real date',
      ]);
      // Each message is beside its field too, and the field is described by it.
      const owner = form.getByLabel('Risk owner', { exact: true });
      assert.match(await owner.getAttribute('aria-describedby'), /signoff-owner-error/);
      assert.equal(await form.locator('.rc-error-message').count(), 4);
      // A link moves the focus to its field.
      await links.nth(1).click();
      await page.waitForFunction(() => document.activeElement?.id.endsWith('signoff-role'), null, { timeout: 5000 });
      await links.nth(3).click();
      await page.waitForFunction(() => document.activeElement?.id.endsWith('signoff-review'), null, { timeout: 5000 });
      assert.match(await focusedId(page), /signoff-review$/, 'the day of the review date');
      await assertAccessible(page, 'the sign-off with errors');

      // Filled in, it records; the focus goes to the decision on record.
      const record = await recordDecision(page, { decision: 'Proceed with conditions', conditions: 'Moderation rota agreed.', review: '2027-12-01', decided: '2026-12-01' });
      await page.waitForFunction(() => document.activeElement?.classList.contains('rc-decision-line'), null, { timeout: 5000 });
      assert.equal(await summary.count(), 0, 'the error summary has gone');
      const s = record.assessment.signoff;
      assert.deepEqual([s.decision, s.decided, s.review_date], ['proceed_with_conditions', '2026-12-01', '2027-12-01']);
      assert.match(s.recorded, /^\d{4}-\d\d-\d\dT/);
      assert.ok(s.warnings.some((w) => w.kind === 'not_assessed'), 'warned that items are not assessed, and kept');
      await page.locator('.rc-header').getByText('Signed off on 1 December 2026 by Jane Smith (Director of Communications). Answers are read-only.').waitFor();
      await assertAccessible(page, 'a signed assessment');
    }));

  it('signed, no answer, scope answer or title can change; reopened, the withdrawn decision is kept', () =>
    run('decision-lock-reopen', async ({ page }) => {
      await titleField(page).fill('Yammer pilot');
      await chooseStatus(page, itemA.title, 'Achieved');
      await waitForStored(page, (r) => r.assessment.answers?.[itemA.id]?.status === 'achieved');
      const signed = await recordDecision(page, { decided: '2026-12-01' });

      await showView(page, 'Checklist');
      assert.equal(await titleField(page).count(), 0, 'the title is shown as text');
      for (const radio of await page.locator('.rc-scope input[type=radio]').all()) {
        assert.equal(await radio.isDisabled(), true, 'scope answers are read-only');
      }
      // Whatever the item's controls do, the answer does not change.
      await item(page, itemB.title).getByRole('radio', { name: 'Not achieved', exact: true }).dispatchEvent('click');
      await item(page, itemB.title).getByLabel('Notes', { exact: true }).evaluate((el) => {
        el.value = 'Changed after signing';
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await saveNow(page);
      const after = await storedAssessment(page);
      assert.deepEqual(after.assessment.answers, signed.assessment.answers, 'the signed answers stand');

      // Reopen asks first, in the page; Cancel puts the focus back.
      await showView(page, 'Summary');
      const form = signOffForm(page);
      await form.getByRole('button', { name: 'Reopen the assessment', exact: true }).click();
      await page.waitForFunction(() => document.activeElement?.id.endsWith('reopen-cancel'), null, { timeout: 5000 });
      await form.getByRole('button', { name: 'Cancel', exact: true }).click();
      await page.waitForFunction(() => document.activeElement?.id.endsWith('signoff-reopen'), null, { timeout: 5000 });
      assert.ok((await storedAssessment(page)).assessment.signoff.recorded, 'still signed');
      await form.getByRole('button', { name: 'Reopen the assessment', exact: true }).click();
      await form.getByRole('button', { name: 'Withdraw the decision and reopen', exact: true }).click();
      const reopened = await waitForStored(page, (r) => (r.assessment.withdrawn ?? []).length === 1);
      assert.deepEqual(reopened.assessment.withdrawn[0].signoff, signed.assessment.signoff, 'kept as it was recorded');
      assert.equal(reopened.assessment.signoff.recorded, undefined);
      await form.getByText(/^Decision withdrawn on \d+ \w+ \d{4}: Proceed, decided on 1 December 2026 by Jane Smith\.$/).waitFor();
      await form.getByText('Not signed off yet.').waitFor();
      // The answers can change again.
      await showView(page, 'Checklist');
      await chooseStatus(page, itemB.title, 'Not achieved');
      await waitForStored(page, (r) => r.assessment.answers?.[itemB.id]?.status === 'not_achieved');
    }));

  it('past the review date, the header says the review is overdue and offers Start a review; the list shows it; the calendar file parses', () =>
    run('decision-review-due', async ({ page }) => {
      await titleField(page).fill('Yammer pilot');
      await chooseStatus(page, itemA.title, 'Achieved');
      await recordDecision(page, { decided: '2026-12-01', review: '2027-12-01' });
      // Before the notice period nothing is due.
      assert.equal(await page.locator('.rc-header').getByText(/^Review (due on|overdue since)/).count(), 0);

      const ics = await downloadFrom(page, 'Add review date to calendar', signOffForm(page));
      assert.match(ics.name, /\.ics$/);
      const lines = ics.text.split('\r\n');
      assert.equal(lines.at(-1), '', 'every line ends with CRLF');
      for (const want of ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20271201', 'DTEND;VALUE=DATE:20271202', 'END:VEVENT', 'END:VCALENDAR']) {
        assert.ok(lines.includes(want), `the calendar file has ${want}:\n${ics.text}`);
      }
      assert.ok(lines.some((l) => /^UID:a-[a-z0-9-]+-review@risk-checklist$/.test(l)), 'a stable UID');
      assert.ok(lines.some((l) => l === 'SUMMARY:Review: Yammer pilot'));
      assert.ok(lines.every((l) => Buffer.byteLength(l) <= 75), 'folded at 75 octets');
      assert.ok(!/https?:/.test(ics.text), 'no URL');
    }));

  it('with the clock after the review date the header says overdue and offers Start a review', () =>
    run(
      'decision-review-overdue',
      async ({ page }) => {
        // The page's clock is 2028: the decision is recorded with an earlier date and review date.
        await titleField(page).fill('Yammer pilot');
        await chooseStatus(page, itemA.title, 'Achieved');
        await recordDecision(page, { decided: '2027-01-10', review: '2028-01-10' });
        const header = page.locator('.rc-header');
        await header.getByText('Review overdue since 10 January 2028').waitFor();
        await showView(page, 'Assessments');
        const [row] = await assessmentRows(page);
        assert.equal(row.state, 'Proceed on 10 January 2027 Review overdue since 10 January 2028');
        assert.match(row.changed, /^\d+ \w+ 2028, \d\d:\d\d$/, 'the local date and time');
        await assertAccessible(page, 'the list with a review overdue');
        await header.getByRole('button', { name: 'Start a review', exact: true }).click();
        await banner(page).filter({ hasText: 'Started a review of “Yammer pilot – review February 2028”' }).waitFor();
        const review = await waitForStored(page, (r) => r.assessment.review_of !== undefined);
        assert.equal(review.assessment.title, 'Yammer pilot – review February 2028');
        await showView(page, 'Assessments');
        const states = (await assessmentRows(page)).map((r) => [r.title, r.state]);
        assert.deepEqual(states, [
          ['Yammer pilot – review February 2028', 'Draft'],
          ['Yammer pilot', 'Proceed on 10 January 2027 Review overdue since 10 January 2028'],
        ]);
      },
      { before: (context) => context.clock.install({ time: new Date('2028-02-15T10:00:00Z') }) },
    ));
});

describe('Dates typed as day, month and year', () => {
  it('an impossible due date is refused beside the field and never stored; a real one is', () =>
    run('decision-due-date', async ({ page }) => {
      await chooseStatus(page, itemA.title, 'Not achieved');
      const due = dateGroup(item(page, itemA.title), 'Due date');
      await due.getByText('For example, 27 3 2027').waitFor();
      for (const [label, width] of [['Day', '2'], ['Month', '2'], ['Year', '4']]) {
        const input = due.getByLabel(label, { exact: true });
        assert.equal(await input.getAttribute('inputmode'), 'numeric');
        assert.equal(await input.getAttribute('maxlength'), width);
      }
      await fillDate(item(page, itemA.title), 'Due date', { day: '11', month: '03', year: '2202' });
      await waitForStored(page, (r) => r.assessment.answers?.[itemA.id]?.due === '2202-03-11');
      await fillDate(item(page, itemA.title), 'Due date', { day: '31', month: '2', year: '2027' });
      await due.getByText('Due date must be a real date').waitFor();
      assert.equal(await due.getByLabel('Day', { exact: true }).inputValue(), '31', 'what was typed stays');
      await fillDate(item(page, itemA.title), 'Due date', '2027-03-31');
      await waitForStored(page, (r) => r.assessment.answers?.[itemA.id]?.due === '2027-03-31');
      assert.equal(await due.getByText('Due date must be a real date').count(), 0);
      await assertAccessible(page, 'the date input');
    }));
});
