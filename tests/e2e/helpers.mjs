// Helpers for the end-to-end tests and the benchmark, named in the user's words: open the app,
// find an item by its title, choose a status, rate a risk, read the progress.
//
// The browser is Debian's chromium driven by playwright-core (`npx playwright install` cannot
// download a browser on these machines).

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { after, before } from 'node:test';
import { distDir, repoRoot, startServer } from './server.mjs';

/** The statuses offered for every item, in order. */
export const STATUSES = ['Achieved', 'Partially achieved', 'Not achieved', 'Not applicable'];

/** The index of a namespace's assessments: it names the one open now. */
export const indexKey = (namespace = 'default') => `risk-checklist/v1/${namespace}/index`;
/** The key of one stored assessment. */
export const recordKey = (id, namespace = 'default') => `risk-checklist/v1/${namespace}/assessment/${id}`;

/** Where Debian's chromium is: `command -v chromium`, else /usr/bin/chromium. */
export function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  try {
    const found = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
    if (found) return found;
  } catch {
    // Not on PATH: fall through to the usual place.
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new Error('No chromium found: install it with `apt-get install -y chromium chromium-driver`.');
}

/** Starts headless chromium with the flags that work on these machines. */
export function launch() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** The default checklist definition, read from the source the app embeds. */
export function defaultChecklist() {
  return JSON.parse(readFileSync(path.join(repoRoot, 'src', 'core', 'default_checklist.json'), 'utf8'));
}

/** True for a URL on `origin` (blob: URLs made by the page count as on it; data: URLs never leave it). */
export function isOnOrigin(url, origin) {
  if (url.startsWith('data:')) return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/**
 * Opens the app at `url` in a fresh browser context (its own storage) and waits until the
 * checklist is interactive. Collects console errors, page errors and every request.
 *
 * options.initScript: a function or source run in the page before any of its scripts.
 * options.before(context): called before the page is opened (for routes, storage set-up).
 */
export async function openApp(browser, url, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...(options.contextOptions ?? {}) });
  if (options.initScript) await context.addInitScript(options.initScript);
  if (options.before) await options.before(context);
  const page = await context.newPage();
  const app = {
    context,
    page,
    origin: new URL(url).origin,
    consoleErrors: [],
    pageErrors: [],
    requests: [],
    close: () => context.close(),
  };
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      app.consoleErrors.push(`${msg.text()}${loc?.url ? ` (at ${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => app.pageErrors.push(err.stack || String(err)));
  page.on('request', (req) => app.requests.push(req.url()));
  await page.goto(url, { waitUntil: 'load' });
  await waitUntilInteractive(page);
  return app;
}

/** Waits until the first "Achieved" radio is visible: the checklist can be answered. */
export async function waitUntilInteractive(page, timeout = 15_000) {
  await page.getByRole('radio', { name: 'Achieved', exact: true }).first().waitFor({ state: 'visible', timeout });
}

/** Requests that left the test server's origin. */
export function foreignRequests(app) {
  return app.requests.filter((u) => !isOnOrigin(u, app.origin));
}

/** What went wrong in the page: console errors, thrown errors, requests off its origin. */
function pageProblems(app) {
  const foreign = foreignRequests(app);
  return [
    app.pageErrors.length ? `page errors:\n${app.pageErrors.join('\n')}` : '',
    app.consoleErrors.length ? `console errors:\n${app.consoleErrors.join('\n')}` : '',
    foreign.length ? `requests off the test server's origin (${app.origin}):\n${foreign.join('\n')}` : '',
  ].filter(Boolean);
}

/** Fails if the page logged a console error, threw, or requested anything off its origin. */
export function assertClean(app, assert) {
  const found = pageProblems(app);
  assert.deepEqual(found, [], found.join('\n\n'));
}

/** Regular expression matching `text` literally. */
export const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The "Project or tool assessed" field in the header. */
export const titleField = (page) => page.getByLabel('Project or tool assessed', { exact: true });

/**
 * An init script that makes localStorage throw a SecurityError on access, as with cookies
 * blocked, a sandboxed iframe or some embeds. Pass it as `initScript`.
 */
export function blockStorage() {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  });
}

/** The item with this title: its fieldset (role group, named by its legend). */
export const item = (page, title) => page.getByRole('group', { name: title, exact: true });

/** The status radio `status` ("Achieved", ...) of the item `title`. */
export const statusRadio = (page, title, status) => item(page, title).getByRole('radio', { name: status, exact: true });

/** Clicks the status `status` of the item `title`, as a person with a mouse does. */
export async function chooseStatus(page, title, status) {
  await statusRadio(page, title, status).click();
}

/** The status checked in the item, or null when none is. */
export async function checkedStatus(page, title) {
  for (const status of STATUSES) {
    if (await statusRadio(page, title, status).isChecked()) return status;
  }
  return null;
}

/** The statuses that ask for a rating, a response, an owner, a due date and an action. */
export const OPEN_STATUSES = ['Partially achieved', 'Not achieved'];

/**
 * Shows the fields an item found wanting asks for (likelihood, impact, response, owner, due
 * date, action): chooses "Not achieved" unless the item is already partially or not achieved.
 */
export async function reveal(page, title) {
  if (!OPEN_STATUSES.includes(await checkedStatus(page, title))) await chooseStatus(page, title, 'Not achieved');
  await item(page, title).getByLabel('Likelihood', { exact: true }).waitFor();
}

/**
 * Chooses likelihood and impact levels (numbers, or '' for not rated) from the selects, choosing
 * "Not achieved" first when the item is not yet found wanting (only such an item is rated).
 */
export async function rate(page, title, { likelihood, impact }) {
  await reveal(page, title);
  const it = item(page, title);
  if (likelihood !== undefined) await it.getByLabel('Likelihood', { exact: true }).selectOption(String(likelihood));
  if (impact !== undefined) await it.getByLabel('Impact', { exact: true }).selectOption(String(impact));
}

/** The risk line of the item, for example "Risk: High (score 9)". */
export async function riskText(page, title) {
  const text = await item(page, title).getByText(/^\s*Risk:/).first().innerText();
  return text.replace(/\s+/g, ' ').trim();
}

/** The label of an item's notes: they ask why when the item is not applicable. */
const NOTES = /^(Notes|Why is this not applicable\?)$/;

/** The item's text fields, by their labels ('Notes' finds the notes whatever they ask). */
export const field = (page, title, label) => item(page, title).getByLabel(label === 'Notes' ? NOTES : label, { exact: true });

/**
 * Fills the item's free-text fields that are given: notes, owner, due (YYYY-MM-DD), action. An
 * owner, due date or action is asked only of an item found wanting: "Not achieved" is chosen
 * first when the item is not yet partially or not achieved.
 */
export async function fillDetails(page, title, { notes, owner, due, action }) {
  if (owner !== undefined || due !== undefined || action !== undefined) await reveal(page, title);
  if (notes !== undefined) await field(page, title, 'Notes').fill(notes);
  if (owner !== undefined) await field(page, title, 'Owner').fill(owner);
  if (due !== undefined) await fillDate(item(page, title), 'Due date', due);
  if (action !== undefined) await field(page, title, 'Action').fill(action);
}

/** A GOV.UK date input in `scope`: the group of Day, Month and Year named `label`. */
export const dateGroup = (scope, label) => scope.getByRole('group', { name: label, exact: true });

/**
 * Types a date into the date input `label` in `scope`, as a person would: day, month, year.
 * `date` is 'YYYY-MM-DD' (written into the three fields without leading zeros), or
 * { day, month, year } typed as given, or '' to clear it.
 */
export async function fillDate(scope, label, date) {
  const group = dateGroup(scope, label);
  let parts = date;
  if (typeof date === 'string') {
    const [year = '', month = '', day = ''] = date ? date.split('-') : [];
    const unpad = (p) => p.replace(/^0+(?=\d)/, '');
    parts = { day: unpad(day), month: unpad(month), year };
  }
  await group.getByLabel('Day', { exact: true }).fill(parts.day ?? '');
  await group.getByLabel('Month', { exact: true }).fill(parts.month ?? '');
  await group.getByLabel('Year', { exact: true }).fill(parts.year ?? '');
}

/** The date in the date input `label` in `scope`, as 'YYYY-MM-DD' when complete, else ''. */
export async function readDate(scope, label) {
  const group = dateGroup(scope, label);
  const [day, month, year] = await Promise.all(
    ['Day', 'Month', 'Year'].map((l) => group.getByLabel(l, { exact: true }).inputValue()),
  );
  if (!day || !month || !year) return '';
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The sign-off at the foot of the Summary. */
export const signOffForm = (page) => page.getByRole('region', { name: 'Decision and sign-off', exact: true });

/**
 * Records a decision in the Summary as a risk owner would: fills the sign-off (a name, a role,
 * the decision, conditions when given, the review date and date of decision when given), presses
 * "Record the decision", and waits until the decision is stored as recorded. Returns the stored
 * record. A field given as undefined is left as it is.
 */
export async function recordDecision(page, given = {}) {
  const { owner, role, decision, conditions, review, decided } = {
    owner: 'Jane Smith',
    role: 'Director of Communications',
    decision: 'Proceed',
    ...given,
  };
  await showView(page, 'Summary');
  const form = signOffForm(page);
  if (owner !== undefined) await form.getByLabel('Risk owner', { exact: true }).fill(owner);
  if (role !== undefined) await form.getByLabel('Role', { exact: true }).fill(role);
  if (decision !== undefined) await form.getByRole('radio', { name: decision, exact: true }).check();
  if (conditions !== undefined) await form.getByLabel('Conditions', { exact: true }).fill(conditions);
  if (review !== undefined) await fillDate(form, 'Review date', review);
  if (decided !== undefined) await fillDate(form, 'Date of decision', decided);
  await form.getByRole('button', { name: 'Record the decision', exact: true }).click();
  return waitForStored(page, (r) => r.assessment.signoff?.recorded !== undefined);
}

/**
 * Everything a person entered for an item, read back from the page. The fields only an item
 * found wanting shows (ratings, owner, due date, action, risk) read null on any other.
 */
export async function readItem(page, title) {
  const it = item(page, title);
  const status = await checkedStatus(page, title);
  const open = OPEN_STATUSES.includes(status);
  const shown = (read) => (open ? read() : null);
  return {
    status,
    likelihood: await shown(() => it.getByLabel('Likelihood', { exact: true }).inputValue()),
    impact: await shown(() => it.getByLabel('Impact', { exact: true }).inputValue()),
    notes: await field(page, title, 'Notes').inputValue(),
    owner: await shown(() => field(page, title, 'Owner').inputValue()),
    due: await shown(() => readDate(item(page, title), 'Due date')),
    action: await shown(() => field(page, title, 'Action').inputValue()),
    risk: await shown(() => riskText(page, title)),
  };
}

/** The overall progress bar. */
export const progressBar = (page) => page.getByRole('progressbar', { name: 'Overall progress', exact: true });

/** The overall progress, 0-100, from the progress bar's aria-valuenow. */
export async function progress(page) {
  const bar = progressBar(page);
  const now = await bar.getAttribute('aria-valuenow');
  if (now === null || now === '' || Number.isNaN(Number(now))) {
    const html = await bar.evaluate((el) => el.outerHTML).catch(() => '(no progressbar named "Overall progress")');
    throw new Error(`The overall progress bar has no numeric aria-valuenow: ${html}`);
  }
  return Number(now);
}

/**
 * Waits until `fn()` returns a truthy value, then returns it: the one way these tests wait.
 * A slow machine makes a test slower, never red; `what` names the condition when it never holds.
 */
export async function eventually(fn, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`${what}: never happened within ${timeout} ms (last: ${JSON.stringify(last)?.slice(0, 500)})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Saves every pending change now, as the page does when it is hidden or left, instead of
 * waiting out the pause after typing.
 */
export async function saveNow(page) {
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
}

/** Waits until the overall progress satisfies `pred`, then returns it. */
export async function waitForProgress(page, pred, timeout = 10_000) {
  let last;
  await eventually(async () => pred((last = await progress(page))), `progress (at ${last})`, timeout);
  return last;
}

/** The section navigation. */
export const sectionNav = (page) => page.getByRole('navigation', { name: 'Sections', exact: true });

/** The navigation button of the section `title` (its name starts with the title). */
export const sectionButton = (page, title) =>
  sectionNav(page).getByRole('button', { name: new RegExp(`^\\s*${literal(title)}`) });

/** Goes to the section `title` through the section navigation and waits until it is current. */
export async function goToSection(page, title) {
  const button = sectionButton(page, title);
  await button.click();
  await expectAttribute(button, 'aria-current', 'true');
}

/** The accessible names of every section button, in order: they carry "n of m assessed". */
export async function sectionSummaries(page) {
  // The aria snapshot gives the names the browser computes (aria-label, hidden text and all).
  const yaml = await sectionNav(page).ariaSnapshot();
  const names = [];
  for (let line of yaml.split('\n')) {
    // YAML single-quotes a whole entry whose name holds ": " (doubling any quote inside).
    const quoted = line.match(/^(\s*- )'(.*)'\s*$/);
    if (quoted) line = quoted[1] + quoted[2].replace(/''/g, "'");
    const m = line.match(/^\s*- button (?:"((?:[^"\\]|\\.)*)"|([^:[\n]+?))\s*(?:\[.*\])?\s*:?\s*$/);
    if (m) names.push((m[1] !== undefined ? JSON.parse(`"${m[1]}"`) : m[2]).replace(/\s+/g, ' ').trim());
  }
  return names;
}

/** The title of the current section (its button has aria-current="true"). */
export async function currentSection(page) {
  const current = sectionNav(page).locator('[aria-current="true"]');
  return (await current.innerText()).replace(/\s+/g, ' ').trim();
}

/** Waits until `locator` has attribute `name` equal to `value`. */
export async function expectAttribute(locator, name, value, timeout = 10_000) {
  let got;
  await eventually(async () => (got = await locator.getAttribute(name)) === value, `${name}="${value}" on ${locator} (found ${JSON.stringify(got)})`, timeout);
}

/** The stored assessment record, parsed, or null. */
export async function storedAssessment(page, namespace = 'default') {
  const text = await page.evaluate(({ index, prefix }) => {
    const current = JSON.parse(window.localStorage.getItem(index) || '{}').current;
    return current ? window.localStorage.getItem(prefix + current) : null;
  }, { index: indexKey(namespace), prefix: recordKey('', namespace) });
  return text === null ? null : JSON.parse(text);
}

/** Waits until the stored record satisfies `pred` (the save is debounced). */
export async function waitForStored(page, pred, { namespace = 'default', timeout = 10_000 } = {}) {
  return eventually(async () => {
    const last = await storedAssessment(page, namespace);
    return last && pred(last) ? last : null;
  }, 'the stored assessment matching', timeout);
}

/** Every localStorage entry on the page's origin, as an object. */
export function localStorageEntries(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(window.localStorage).map((k) => [k, window.localStorage.getItem(k)])));
}

/** Presses Tab until `target` has focus; fails after `max` presses. */
export async function tabTo(page, target, max = 150) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return i;
    await page.keyboard.press('Tab');
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML?.slice(0, 200));
  throw new Error(`Tab never reached ${target} in ${max} presses; focus is on ${focused}`);
}

/** Describes the focused element briefly, for messages. */
export function focusedElement(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return null;
    const label = el.labels?.[0]?.textContent?.trim() ?? el.getAttribute('aria-label') ?? '';
    return { tag: el.tagName.toLowerCase(), type: el.getAttribute('type'), label, checked: el.checked ?? null };
  });
}

/** Formats axe-core violations for a failure message. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    - ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `* ${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/** A short extract of the widget's markup, for failure messages about what the page had. */
export async function snapshot(page, locator = page.locator('[data-risk-checklist]').first()) {
  try {
    return await locator.ariaSnapshot({ timeout: 2_000 });
  } catch {
    return (await page.content()).slice(0, 3_000);
  }
}

// ---------------------------------------------------------------------------------------------
// Import, downloads, views and storage faults (import.test.mjs, faults.test.mjs,
// summary.test.mjs, bench.mjs).
// (Import declarations are hoisted: this one, down here, is in force for the whole module.)

import { mkdirSync, writeFileSync } from 'node:fs';

/**
 * Opens a fresh app at `url`, runs `fn(app)`, then fails on a console error, a page error or a
 * request off the origin. On failure, saves a screenshot, the page's HTML and the widget's aria
 * snapshot under artifacts/<name>.* and adds the snapshot, and what the page logged, to the error.
 * options: as openApp.
 */
export async function runApp(browser, url, name, fn, options = {}) {
  const app = await openApp(browser, url, options);
  try {
    await fn(app);
    const found = pageProblems(app);
    if (found.length) throw new Error(found.join('\n\n'));
  } catch (err) {
    const logged = pageProblems(app).filter((p) => !p.startsWith('requests off'));
    if (logged.length && typeof err.message === 'string' && !err.message.includes(logged[0])) {
      err.message = `${err.message}\n\n${logged.join('\n\n')}`;
    }
    await saveArtifacts(app.page, name, err);
    throw err;
  } finally {
    await app.close();
  }
}

/** Where runApp keeps what a failed test saw. */
export const artifactsDir = path.join(path.dirname(new URL(import.meta.url).pathname), 'artifacts');

/** Saves a screenshot, the HTML and the aria snapshot of `page`, and adds the snapshot to `err`. */
export async function saveArtifacts(page, name, err) {
  const slug = name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  const aria = page.isClosed() ? '(page closed)' : await snapshot(page).catch(() => '(no snapshot)');
  try {
    mkdirSync(artifactsDir, { recursive: true });
    if (!page.isClosed()) {
      await page.screenshot({ path: path.join(artifactsDir, `${slug}.png`), fullPage: true });
      writeFileSync(path.join(artifactsDir, `${slug}.html`), await page.content());
    }
    writeFileSync(path.join(artifactsDir, `${slug}.aria.txt`), aria);
  } catch {
    // The page may be gone; the error itself matters more.
  }
  if (err && typeof err.message === 'string') {
    err.message = `${err.message}\n\nwidget aria snapshot (see artifacts/${slug}.*):\n${aria.slice(0, 4000)}`;
  }
}

/** A file to choose or drop: { name, mimeType, buffer }, from text (UTF-8) or bytes. */
export function fileOf(name, content, mimeType = 'application/json') {
  return { name, mimeType, buffer: Buffer.isBuffer(content) ? content : Buffer.from(String(content), 'utf8') };
}

/** The "Import JSON" file input. */
export const importInput = (page) => page.getByLabel('Import JSON', { exact: true });

/** Chooses `file` (a path, or { name, mimeType, buffer }) with the "Import JSON" file picker. */
export async function importFile(page, file) {
  await importInput(page).setInputFiles(file);
}

/** The preview an import shows before anything changes. */
export const importPreview = (page) => page.getByRole('region', { name: 'Import preview', exact: true });

/** The import's problem message: role=alert inside the import area. */
export const importAlert = (page) => page.locator('.rc-banner-important, .rc-import [role="alert"]');

/** Waits for the import's problem message and returns its text (its buttons left out), spaces collapsed. */
export async function importProblem(page, timeout = 5_000) {
  const alert = importAlert(page).first();
  await alert.waitFor({ state: 'visible', timeout });
  return alert.evaluate((el) => {
    const copy = el.cloneNode(true);
    for (const b of copy.querySelectorAll('button, details, .rc-banner-title')) b.remove();
    return copy.textContent.replace(/\s+/g, ' ').trim();
  });
}

/** The notification banner at the top of the view: an operation's outcome, with Undo. */
export const banner = (page) => page.locator('.rc-banner');

/** The technical detail folded away in the banner of a refused file: { open, text }. */
export async function importDetail(page) {
  const details = page.locator('.rc-banner-detail');
  await details.waitFor({ state: 'attached' });
  const open = await details.evaluate((d) => d.open);
  const summary = (await details.locator('summary').textContent()).trim();
  const text = (await details.locator('p').textContent()).replace(/\s+/g, ' ').trim();
  return { open, summary, text };
}

/** The facts the import preview lists (Assessment, Checklist, Answered, Exported), by their terms. */
export async function previewFacts(page) {
  const preview = importPreview(page);
  await preview.waitFor({ state: 'visible' });
  return preview.locator('dl').evaluate((dl) => {
    const out = {};
    for (const dt of dl.querySelectorAll('dt')) {
      const dd = dt.nextElementSibling;
      out[dt.textContent.trim()] = dd ? dd.textContent : null;
    }
    return out;
  });
}

/**
 * Drops `file` ({ name, mimeType, buffer }) onto the widget root `.rc-root`, as a person
 * dragging it from the desktop: a DataTransfer holding the file is made in the page, then
 * dragenter, dragover and drop are dispatched on the root. Returns whether the widget showed
 * itself as a drop target during the drag, and whether it took the dragover and the drop (their
 * default prevented, so the browser neither refuses the drop nor opens the file itself).
 */
export async function dropFile(page, file, target = page.locator('.rc-root').first()) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, type, base64 }) => {
      const binary = atob(base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type }));
      return dt;
    },
    { name: file.name, type: file.mimeType ?? 'application/json', base64: file.buffer.toString('base64') },
  );
  try {
    // Listeners on window run last in the bubble phase: they see what the widget did.
    await page.evaluate(() => {
      window.__rcDrag = {};
      for (const type of ['dragover', 'drop']) {
        window.addEventListener(type, (e) => (window.__rcDrag[type] = e.defaultPrevented), { once: true });
      }
    });
    await target.dispatchEvent('dragenter', { dataTransfer });
    await target.dispatchEvent('dragover', { dataTransfer });
    const highlighted = await target
      .evaluate((el) => new Promise((resolve) => {
        const end = performance.now() + 1000;
        const poll = () => (el.classList.contains('rc-dragging') || performance.now() > end ? resolve(el.classList.contains('rc-dragging')) : requestAnimationFrame(poll));
        poll();
      }))
      .catch(() => false);
    await target.dispatchEvent('drop', { dataTransfer });
    const taken = await page.evaluate(() => window.__rcDrag);
    return { highlighted, dragoverTaken: taken.dragover === true, dropTaken: taken.drop === true };
  } finally {
    await dataTransfer.dispose();
  }
}

/** Clicks `buttonName` and returns the download it starts: { name, bytes, text }. */
export async function downloadFrom(page, buttonName, scope = page) {
  // Pressed from the keyboard, as a keyboard user would: a click by coordinates can land beside
  // the button when items above it (laid out only as they come into view) change height.
  const button = scope.getByRole('button', { name: buttonName, exact: true });
  await button.focus();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    button.press('Enter'),
  ]);
  const bytes = readFileSync(await download.path());
  return { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

/** Export JSON: { name, text, doc } of the downloaded file. */
export async function exportJson(page) {
  const { name, text } = await downloadFrom(page, 'Export JSON');
  return { name, text, doc: JSON.parse(text) };
}

/** The navigation between the Checklist, Summary and Assessments views. */
export const viewsNav = (page) => page.getByRole('navigation', { name: 'Views', exact: true });

/** Shows the view `name` ("Checklist", "Summary", "Assessments") and waits until it is current. */
export async function showView(page, name) {
  const button = viewsNav(page).getByRole('button', { name, exact: true });
  await button.click();
  await expectAttribute(button, 'aria-current', 'page');
}

/** The rows of the Assessments view, read from its table: [{ title, open, progress, state, changed }]. */
export async function assessmentRows(page) {
  const table = page.getByRole('table', { name: 'Assessments saved in this browser', exact: true });
  await table.waitFor({ state: 'visible' });
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((tr) => {
      const th = tr.querySelector('th');
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent.replace(/\s+/g, ' ').trim());
      return {
        title: th?.querySelector('bdi')?.textContent ?? th?.textContent ?? '',
        open: /\(open now\)/.test(th?.textContent ?? ''),
        checklist: cells[0],
        progress: cells[1],
        state: cells[2],
        changed: cells[3],
      };
    }),
  );
}

/** Every localStorage key under "risk-checklist/" with its value, as an object. */
export async function storedEntries(page) {
  const all = await localStorageEntries(page);
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('risk-checklist/')));
}

/** The keys of backups of assessments in a namespace, with their values. */
export async function backups(page, namespace = 'default') {
  const prefix = `risk-checklist/v1/${namespace}/backup/`;
  const all = await localStorageEntries(page);
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith(prefix)));
}

/** The id of the assessment the index names as open now, or null. */
export async function currentId(page, namespace = 'default') {
  const text = await page.evaluate((key) => window.localStorage.getItem(key), indexKey(namespace));
  try {
    return JSON.parse(text).current ?? null;
  } catch {
    return null;
  }
}

/**
 * The number in the heat-map cell at the row headed `rowHeader` ("Likelihood 3 – Probable") and
 * the column headed `columnHeader` ("Impact 3 – Severe"), found through the table's headers.
 */
export async function heatMapCount(page, rowHeader, columnHeader) {
  const table = page.getByRole('table', { name: 'Open risks by likelihood (rows) and impact (columns)', exact: true });
  await table.waitFor({ state: 'visible' });
  const found = await table.evaluate((t, [rowName, colName]) => {
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    const headRow = t.tHead?.rows[0];
    const col = headRow ? [...headRow.cells].findIndex((c) => c.tagName === 'TH' && norm(c.textContent) === colName) : -1;
    const row = [...t.tBodies[0].rows].find((r) => r.cells[0]?.tagName === 'TH' && norm(r.cells[0].textContent) === rowName);
    if (col < 0 || !row) return { error: `no ${col < 0 ? `column header "${colName}"` : `row header "${rowName}"`} in ${norm(t.textContent)}` };
    const cell = row.cells[col];
    // The count, then the band's name, each in its own element.
    const [countEl, bandEl] = cell.children;
    const box = bandEl?.getBoundingClientRect();
    return {
      count: norm(countEl?.textContent ?? ''),
      text: norm(cell.textContent),
      // Shown, not only there for screen readers (a visually hidden element is 1 px).
      bandShown: !!box && box.width > 4 && box.height > 4,
    };
  }, [rowHeader, columnHeader]);
  if (found.error) throw new Error(found.error);
  return found;
}

/**
 * Starts the test server on the release build and a browser before a test file's tests, and
 * stops both after them. Returns an object whose `browser` and `server` are set by then, and
 * whose `run(name, fn, options)` is runApp on the server's page (`options.path`, default "/").
 */
export function useBrowserAndServer(options) {
  const env = {
    browser: null,
    server: null,
    run: (name, fn, runOptions = {}) => runApp(env.browser, `${env.server.url}${runOptions.path ?? '/'}`, name, fn, runOptions),
  };
  before(async () => {
    const index = path.join(distDir(), 'index.html');
    if (!existsSync(index)) throw new Error(`No release build at ${index}: run \`trunk build --release\` first (or set DIST_DIR).`);
    env.server = await startServer(options);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Waits until `locator` lies wholly inside the viewport (top to bottom); fails after a while. */
export async function assertInViewport(page, locator, what) {
  await locator.waitFor();
  await eventually(async () => {
    const box = await locator.boundingBox();
    const { height } = page.viewportSize();
    return box !== null && box.y >= 0 && box.y + box.height <= height;
  }, `${what} in the viewport`);
}
