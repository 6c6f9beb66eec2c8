// End-to-end tests of embedding: the embed bundle in dist-embed/ (`cargo xtask embed`) on host
// pages these tests generate, and the standalone release build in dist/, in Debian's chromium.
//
// Covered: the bundle's files and the no-inline-script pages; a strict Content-Security-Policy
// (standalone and embedded) with zero violations; the plain message when the wasm cannot start
// (CSP without 'wasm-unsafe-eval', a missing wasm file); two widgets on one page; hostile host
// CSS, and a host page's own elements left unchanged; an iframe and a sandboxed iframe; a custom
// checklist by URL and inline; invalid definitions; and no request beyond the app's own files
// and the configured definition URL.
//
// Run: cargo xtask test (builds dist/ and dist-embed/ first), or cd tests/e2e && npm test.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { distDir, repoRoot, startServer } from './server.mjs';
import { copyProblems } from '../../xtask/assets.mjs';
import {
  checkedStatus,
  chooseStatus,
  defaultChecklist,
  field,
  goToSection,
  launch,
  rate,
  storedAssessment,
  waitForStored,
  waitUntilInteractive,
} from './helpers.mjs';
import {
  HOST_FAVICON,
  NO_WASM_CSP,
  STRICT_CSP,
  assertNoErrors,
  cssSelectors,
  embedDir,
  filesIn,
  hostPage,
  hostStyles,
  htmlPage,
  openPage,
  requestedPaths,
  styleDifferences,
  styledElements,
  violations,
} from './embed-helpers.mjs';

const checklist = defaultChecklist();
const [first, second] = checklist.sections;
const itemA = first.items[0].title;
const itemB = first.items[1].title;

const definitions = path.join(repoRoot, 'tests', 'fixtures', 'definitions');
const fixture = (name) => readFileSync(path.join(definitions, name));
const custom = JSON.parse(fixture('valid-small.json'));

const BUNDLE = ['risk-checklist.css', 'risk-checklist.js', 'risk-checklist_bg.wasm'];
/** What a host page that embeds the widget requests: itself, its favicon and the bundle. */
const bundleRequests = (page) => [page, '/host-favicon.svg', '/risk-checklist.css', '/risk-checklist.js', '/risk-checklist_bg.wasm'];

let browser;
let embed; // serves dist-embed/ and the generated host pages
let standalone; // serves dist/ (with a CSP on some paths) and hosts the cross-origin iframe test
const embedPages = {};
const distPages = {};

/** The host element with `data-namespace` = ns. */
/** A host page's body with two widgets, in the namespaces alpha and beta. */
const TWO_WIDGETS = `
  <h1>Intranet: two assessments</h1>
  <div data-risk-checklist data-namespace="alpha"></div>
  <div data-risk-checklist data-namespace="beta"></div>`;

const widget = (page, ns) => page.locator(`[data-risk-checklist][data-namespace="${ns}"]`);

/** The bundle's file served again under `prefix`, with extra headers and an optional content type. */
function bundleCopy(prefix, { headers = {}, wasmType = 'application/wasm', files = BUNDLE } = {}) {
  const types = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.wasm': wasmType };
  for (const name of files) {
    embedPages[`${prefix}/${name}`] = {
      body: readFileSync(path.join(embedDir(), name)),
      headers: { 'content-type': types[path.extname(name)], ...headers },
    };
  }
}

before(async () => {
  for (const [dir, what] of [
    [distDir(), 'the release build (trunk build --release)'],
    [embedDir(), 'the embed bundle (cargo xtask embed)'],
  ]) {
    if (!existsSync(dir)) throw new Error(`No ${what} at ${dir}: run \`cargo xtask embed\` first.`);
  }
  embedPages['/host-favicon.svg'] = HOST_FAVICON;
  distPages['/host-favicon.svg'] = HOST_FAVICON;
  const json = { 'content-type': 'application/json; charset=utf-8' };
  for (const name of ['valid-small.json', 'invalid-rules.json', 'invalid-syntax.json']) {
    embedPages[`/definitions/${name}`] = { body: fixture(name), headers: json };
  }
  // For the sandboxed iframe (an opaque origin, so module and wasm fetches are cross-origin).
  bundleCopy('/cors', { headers: { 'access-control-allow-origin': '*' } });
  // A bundle whose wasm is missing, and one whose wasm has the wrong MIME type.
  bundleCopy('/no-wasm', { files: ['risk-checklist.css', 'risk-checklist.js'] });
  bundleCopy('/octet', { wasmType: 'application/octet-stream' });
  embed = await startServer({ root: embedDir(), pages: embedPages });
  standalone = await startServer({ root: distDir(), pages: distPages });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await embed?.close();
  await standalone?.close();
});

/** Runs `fn(rec)` on a fresh page at `url` and closes it; adds what the page logged to a failure. */
async function withPage(url, fn, options = {}) {
  const rec = await openPage(browser, url, options);
  try {
    await fn(rec);
  } catch (err) {
    const v = await violations(rec.page).catch(() => []);
    const extra = [
      v.length ? `CSP violations:\n${v.map((x) => JSON.stringify(x)).join('\n')}` : '',
      rec.pageErrors.length ? `page errors:\n${rec.pageErrors.join('\n')}` : '',
      rec.consoleErrors.length ? `console errors:\n${rec.consoleErrors.join('\n')}` : '',
      `requests:\n${rec.requests.join('\n')}`,
    ].filter(Boolean);
    err.message = `${err.message}\n\n${extra.join('\n\n')}`;
    throw err;
  } finally {
    await rec.close();
  }
}

describe('the bundles', () => {
  it('dist-embed/ holds exactly the three files with stable names, each with its .gz and .br copy', () => {
    assert.deepEqual(filesIn(embedDir()), BUNDLE.flatMap((f) => [f, `${f}.br`, `${f}.gz`]).sort());
    for (const dir of [embedDir(), distDir()]) assert.deepEqual(copyProblems(dir), [], `${dir}: precompressed copies`);
    const js = readFileSync(path.join(embedDir(), 'risk-checklist.js'), 'utf8');
    assert.match(js, /new URL\('risk-checklist_bg\.wasm', import\.meta\.url\)/, 'loads the wasm next to itself');
    assert.doesNotMatch(js, /\bimport\s*[{*\w][^;]*\bfrom\b/, 'one module: it imports nothing');
  });

  it('dist/index.html has no inline script, no inline style and no data: URL', () => {
    const html = readFileSync(path.join(distDir(), 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    assert.ok(scripts.length >= 1, 'a script tag');
    for (const [tag, attrs, body] of scripts) {
      assert.match(attrs, /\bsrc=/, `external script: ${tag}`);
      assert.equal(body.trim(), '', `no inline code: ${tag}`);
    }
    assert.doesNotMatch(html, /<style\b/i);
    assert.doesNotMatch(html, /\sstyle=/i);
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no event handler attributes');
    assert.doesNotMatch(html, /(href|src)=["']?(data|javascript):/i);
  });

  it('every widget style rule is scoped under .rc (no global resets)', () => {
    const sheets = [path.join(embedDir(), 'risk-checklist.css'), path.join(repoRoot, 'style', 'widget.css'), path.join(repoRoot, 'embed', 'guard.css')];
    for (const sheet of sheets) {
      const selectors = cssSelectors(readFileSync(sheet, 'utf8'));
      assert.ok(selectors.length > 0, `${sheet} has rules`);
      const outside = selectors.filter((s) => !/^\.rc(?![\w-])/.test(s));
      assert.deepEqual(outside, [], `${sheet}: selectors not under .rc`);
    }
  });
});

describe('precompressed files', () => {
  it('a server that sends the .br or .gz copies serves a widget that works, with no request beyond its own files', async () => {
    const server = await startServer({ root: distDir(), precompressed: true });
    try {
      await withPage(`${server.url}/`, async (rec) => {
        const { page } = rec;
        const encodings = {};
        page.on('response', (r) => {
          encodings[new URL(r.url()).pathname] = r.headers()['content-encoding'] ?? 'identity';
        });
        await page.reload({ waitUntil: 'load' });
        await waitUntilInteractive(page);
        await chooseStatus(page, itemA, 'Achieved');
        await waitForStored(page, (s) => s.assessment.answers[first.items[0].id]?.status === 'achieved');
        const wasm = Object.keys(encodings).find((p) => p.endsWith('.wasm'));
        assert.ok(wasm, `the wasm was loaded: ${JSON.stringify(encodings)}`);
        for (const [file, encoding] of Object.entries(encodings)) {
          assert.match(encoding, /^(br|gzip)$/, `${file} was sent compressed: ${JSON.stringify(encodings)}`);
        }
        await assertNoErrors(rec, assert);
      });
    } finally {
      await server.close();
    }
  });
});

describe('a strict Content-Security-Policy', () => {
  it('the standalone index.html works under it with no violation and no request beyond its own files', async () => {
    distPages['/csp/'] = htmlPage(readFileSync(path.join(distDir(), 'index.html')));
    await withPage(`${standalone.url}/csp/`, async (rec) => {
      const { page } = rec;
      await waitUntilInteractive(page);
      await chooseStatus(page, itemA, 'Achieved');
      await waitForStored(page, (s) => s.assessment.answers[first.items[0].id]?.status === 'achieved');
      assert.deepEqual(await styledElements(page), [], 'no style attributes');
      await assertNoErrors(rec, assert);
      const own = new Set(['/csp/', ...filesIn(distDir()).map((f) => `/${f}`)]);
      const other = requestedPaths(rec, standalone.origin).filter((p) => !own.has(p));
      assert.deepEqual(other, [], 'requests beyond the build\'s own files');
    });
  });

  it('a host added after the page loaded (as a content management system renders it) is mounted too', async () => {
    const body = `
      <h1>Intranet: late content</h1>
      <div data-risk-checklist data-namespace="early"></div>
      <div id="later"></div>`;
    embedPages['/late.html'] = htmlPage(hostPage({ body }));
    await withPage(`${embed.url}/late.html`, async (rec) => {
      const { page } = rec;
      await waitUntilInteractive(widget(page, 'early'));
      await page.evaluate(() => {
        const host = document.createElement('div');
        host.setAttribute('data-risk-checklist', '');
        host.setAttribute('data-namespace', 'late');
        document.getElementById('later').append(host);
      });
      const late = widget(page, 'late');
      await waitUntilInteractive(late);
      await chooseStatus(late, itemA, 'Achieved');
      assert.equal(await checkedStatus(late, itemA), 'Achieved');
      assert.equal(await checkedStatus(widget(page, 'early'), itemA), null);
      assert.equal(await page.locator('[data-risk-checklist] .rc').count(), 2, 'each host has exactly one widget');
    });
  });

  it('two widgets on one embed page work independently, each with its own storage namespace', async () => {
    embedPages['/two.html'] = htmlPage(hostPage({ body: TWO_WIDGETS }));
    await withPage(`${embed.url}/two.html`, async (rec) => {
      const { page } = rec;
      const [alpha, beta] = [widget(page, 'alpha'), widget(page, 'beta')];
      await waitUntilInteractive(alpha);
      await waitUntilInteractive(beta);
      await chooseStatus(alpha, itemA, 'Achieved');
      await chooseStatus(beta, itemA, 'Not achieved');
      await chooseStatus(beta, itemB, 'Not applicable');
      assert.equal(await checkedStatus(alpha, itemA), 'Achieved');
      assert.equal(await checkedStatus(alpha, itemB), null);
      assert.equal(await checkedStatus(beta, itemA), 'Not achieved');
      assert.equal(await checkedStatus(beta, itemB), 'Not applicable');
      await field(alpha, itemA, 'Notes').fill('Only in alpha.');
      assert.equal(await field(beta, itemA, 'Notes').inputValue(), '');

      const idA = first.items[0].id;
      const idB = first.items[1].id;
      await waitForStored(page, (s) => s.assessment.answers[idA]?.notes === 'Only in alpha.', { namespace: 'alpha' });
      await waitForStored(page, (s) => s.assessment.answers[idB]?.status === 'not_applicable', { namespace: 'beta' });
      const a = await storedAssessment(page, 'alpha');
      const b = await storedAssessment(page, 'beta');
      assert.equal(a.assessment.answers[idA].status, 'achieved');
      assert.equal(a.assessment.answers[idB], undefined);
      assert.equal(b.assessment.answers[idA].status, 'not_achieved');
      assert.equal(b.assessment.answers[idA].notes ?? '', '');

      const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
      const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
      assert.deepEqual(dupes, [], 'element ids are unique on the page');

      // Each comes back as it was, from its own namespace.
      await page.reload({ waitUntil: 'load' });
      await waitUntilInteractive(widget(page, 'beta'));
      assert.equal(await checkedStatus(widget(page, 'alpha'), itemA), 'Achieved');
      assert.equal(await checkedStatus(widget(page, 'beta'), itemA), 'Not achieved');
      assert.equal(await field(widget(page, 'alpha'), itemA, 'Notes').inputValue(), 'Only in alpha.');

      assert.deepEqual(await styledElements(page), [], 'no style attributes');
      await assertNoErrors(rec, assert);
      assert.deepEqual(requestedPaths(rec, embed.origin).sort(), bundleRequests('/two.html').sort());
    });
  });
});

describe('printing on a page with two widgets', () => {
  it("one widget's Print summary prints that widget alone, and the other is back after printing", async () => {
    embedPages['/two-print.html'] = htmlPage(hostPage({ body: TWO_WIDGETS }));
    await withPage(`${embed.url}/two-print.html`, async (rec) => {
      const { page } = rec;
      const [alpha, beta] = [widget(page, 'alpha'), widget(page, 'beta')];
      await waitUntilInteractive(alpha);
      await waitUntilInteractive(beta);
      // No print dialog opens headless: record which widget is marked as printing while it is
      // open (print() returns when the dialog closes).
      await page.evaluate(() => {
        window.print = () => {
          window.printedWith = [...document.querySelectorAll('.rc')].map((r) => r.hasAttribute('data-rc-printing'));
          window.recordOf = [...document.querySelectorAll('.rc')].map((r) => r.querySelector('.rc-print-record .rc-summary') !== null);
        };
      });
      await beta.getByRole('button', { name: 'Print summary', exact: true }).click();
      await page.waitForFunction(() => window.printedWith !== undefined);
      assert.deepEqual(await page.evaluate(() => window.printedWith), [false, true], 'beta marked as printing');
      assert.deepEqual(await page.evaluate(() => window.recordOf), [false, true], "beta's record rendered to print");
      assert.equal(await page.locator('[data-rc-printing]').count(), 0, 'the mark goes once the dialog closes');
      // While beta is marked, print media leaves alpha out, and the host's own content is the host's.
      await beta.locator('.rc').evaluate((r) => r.setAttribute('data-rc-printing', ''));
      // The browser says it prints before it lays the page out for paper: each widget's record is rendered.
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.emulateMedia({ media: 'print' });
      assert.equal(await alpha.locator('.rc').isVisible(), false, 'alpha is not in the printout');
      await beta.getByRole('heading', { name: 'All answers', exact: true }).waitFor({ state: 'visible' });
      assert.equal(await page.getByRole('heading', { name: 'Intranet: two assessments', exact: true }).isVisible(), true, "the host's heading is the host's to print");
      await beta.locator('.rc').evaluate((r) => r.removeAttribute('data-rc-printing'));
      assert.equal(await alpha.locator('.rc').isVisible(), true, 'with no widget marked, printing shows both, as with Ctrl+P');
      await page.emulateMedia({ media: 'screen' });
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await page.locator('.rc-print-record').first().waitFor({ state: 'detached' });
      await assertNoErrors(rec, assert);
    });
  });
});

describe('when the wasm cannot start', () => {
  const message = /^The risk checklist could not start in this browser: /;

  it("shows a plain message in every host under a CSP without 'wasm-unsafe-eval' (embed page)", async () => {
    const body = '<div data-risk-checklist data-namespace="one"></div><div data-risk-checklist data-namespace="two"></div>';
    embedPages['/no-wasm-eval.html'] = htmlPage(hostPage({ body }), NO_WASM_CSP);
    await withPage(`${embed.url}/no-wasm-eval.html`, async (rec) => {
      const { page } = rec;
      for (const ns of ['one', 'two']) {
        const host = widget(page, ns);
        await host.filter({ hasText: message }).waitFor({ timeout: 10_000 });
        const text = await host.textContent();
        assert.match(text, /Content-Security-Policy/, text);
        assert.match(text, /'wasm-unsafe-eval'/, text);
        assert.equal(await host.locator('*').count(), 0, 'plain text only');
      }
      const v = await violations(page);
      assert.ok(v.length >= 1 && v.every((x) => x.blocked === 'wasm-eval'), `only the wasm compile is refused: ${JSON.stringify(v)}`);
      assert.deepEqual(rec.pageErrors, []);
    });
  });

  it("shows the message on the standalone page too", async () => {
    distPages['/no-wasm-eval/'] = htmlPage(readFileSync(path.join(distDir(), 'index.html')), NO_WASM_CSP);
    await withPage(`${standalone.url}/no-wasm-eval/`, async (rec) => {
      const host = rec.page.locator('[data-risk-checklist]');
      await host.filter({ hasText: message }).waitFor({ timeout: 10_000 });
      assert.match(await host.textContent(), /'wasm-unsafe-eval'/);
      assert.deepEqual(rec.pageErrors, []);
    });
  });

  it('shows the message when the wasm file is missing (404)', async () => {
    embedPages['/missing-wasm.html'] = htmlPage(hostPage({ base: '/no-wasm', body: '<div data-risk-checklist></div>' }));
    await withPage(`${embed.url}/missing-wasm.html`, async (rec) => {
      const host = rec.page.locator('[data-risk-checklist]');
      await host.filter({ hasText: message }).waitFor({ timeout: 10_000 });
      assert.match(await host.textContent(), /could not be loaded/);
      assert.deepEqual(rec.pageErrors, []);
      assert.deepEqual(await violations(rec.page), []);
    });
  });

  it('still starts when the server sends the wasm with the wrong MIME type (slower path)', async () => {
    embedPages['/octet.html'] = htmlPage(hostPage({ base: '/octet', body: '<div data-risk-checklist></div>' }));
    await withPage(`${embed.url}/octet.html`, async (rec) => {
      await waitUntilInteractive(rec.page);
      await assertNoErrors(rec, assert);
    });
  });
});

describe('a hostile host stylesheet', () => {
  // Generic rules of the kind CMS themes and resets carry, aimed at the host's own elements.
  const HOSTILE = `
    html { font-size: 22px; }
    body { line-height: 3; letter-spacing: 0.12em; word-spacing: 0.3em; text-transform: uppercase;
           font-style: italic; font-family: Georgia, serif; text-align: center; color: #222; background: #fafafa; }
    body * { all: unset; }
    p, h1, header, form, main, section, nav, article, div { display: block; }
    h1 { font-size: 3rem; font-weight: 700; }
    *, *::before, *::after { box-sizing: content-box; }
    fieldset { display: none; }
    input { opacity: 0; }
    button { pointer-events: none; }
    select, textarea { visibility: hidden; }
    label { display: none; }
    ul, ol { list-style: square; padding-left: 6em; }
    legend { float: right; }
  `;
  const body = `
    <header id="host-header"><h1 id="host-title">Host intranet</h1></header>
    <main id="host-main">
      <p id="host-para">Text that belongs to the host page.</p>
      <form id="host-form"><fieldset id="host-fieldset"><legend id="host-legend">Host form</legend>
        <label id="host-label" for="host-input">Search</label><input id="host-input" type="text">
        <button id="host-button" type="button">Go</button></fieldset></form>
      <ul id="host-list"><li id="host-li">One</li></ul>
      <div data-risk-checklist data-namespace="hostile"></div>
    </main>`;

  it('leaves the widget usable, and the host page\'s own elements unchanged', async () => {
    embedPages['/hostile.css'] = { body: HOSTILE, headers: { 'content-type': 'text/css; charset=utf-8' } };
    embedPages['/hostile.html'] = htmlPage(hostPage({ head: '<link rel="stylesheet" href="/hostile.css">', body, widget: false }));
    await withPage(`${embed.url}/hostile.html`, async (rec) => {
      const { page } = rec;
      const hostSelector = '#host-header, #host-title, #host-main, #host-para, #host-form, #host-fieldset, #host-legend, #host-label, #host-input, #host-button, #host-list, #host-li, html, body';
      const beforeMount = await hostStyles(page, hostSelector);

      // The page adds the widget's stylesheet and module as the documentation says.
      await page.evaluate(() => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = '/risk-checklist.css';
        document.head.append(link);
        const script = document.createElement('script');
        script.type = 'module';
        script.src = '/risk-checklist.js';
        document.head.append(script);
      });
      const host = widget(page, 'hostile');
      await waitUntilInteractive(host);

      // Usable: the hostile rules do not reach the widget's own elements.
      const looks = await host.evaluate((h) => {
        const rc = h.querySelector('.rc');
        const cs = (el) => getComputedStyle(el);
        const all = (sel) => [...rc.querySelectorAll(sel)];
        return {
          rc: { transform: cs(rc).textTransform, letterSpacing: cs(rc).letterSpacing, fontStyle: cs(rc).fontStyle, lineHeight: cs(rc).lineHeight, fontSize: cs(rc).fontSize, textAlign: cs(rc).textAlign, display: cs(rc).display },
          hiddenFieldsets: all('fieldset').filter((e) => cs(e).display === 'none').length,
          fieldsets: all('fieldset').length,
          transparentInputs: all('input').filter((e) => cs(e).opacity !== '1').length,
          deadButtons: all('button').filter((e) => cs(e).pointerEvents === 'none').length,
          hiddenControls: all('select, textarea').filter((e) => cs(e).visibility !== 'visible').length,
          hiddenLabels: all('label').filter((e) => cs(e).display === 'none').length,
          contentBox: all('input, select, textarea, button').filter((e) => cs(e).boxSizing !== 'border-box').length,
        };
      });
      assert.equal(looks.rc.transform, 'none');
      assert.equal(looks.rc.letterSpacing, 'normal');
      assert.equal(looks.rc.fontStyle, 'normal');
      assert.equal(looks.rc.textAlign, 'left');
      assert.equal(looks.rc.display, 'block');
      // The widget's text is the reader's default size (medium), not the host's 22px root.
      assert.equal(looks.rc.fontSize, '16px');
      assert.equal(looks.rc.lineHeight, '24px', 'its own line height (1.5), not the host\'s 3');
      const { rc, fieldsets, ...broken } = looks;
      assert.ok(fieldsets > 0);
      assert.deepEqual(broken, { hiddenFieldsets: 0, transparentInputs: 0, deadButtons: 0, hiddenControls: 0, hiddenLabels: 0, contentBox: 0 });

      // And it answers with the mouse: radios, selects, text, buttons.
      await chooseStatus(host, itemA, 'Partially achieved');
      await rate(host, itemA, { likelihood: 2, impact: 3 });
      await field(host, itemA, 'Notes').fill('Typed on a hostile page.');
      await goToSection(host, second.title);
      await goToSection(host, first.title);
      assert.equal(await checkedStatus(host, itemA), 'Partially achieved');
      await waitForStored(page, (s) => s.assessment.answers[first.items[0].id]?.notes === 'Typed on a hostile page.', { namespace: 'hostile' });

      const afterMount = await hostStyles(page, hostSelector);
      assert.deepEqual(styleDifferences(beforeMount, afterMount), [], 'the host page\'s own elements changed');
      assert.deepEqual(await styledElements(page), [], 'no style attributes');
      await assertNoErrors(rec, assert);
    });
  });
});

describe('in an iframe', () => {
  it('works in a cross-origin iframe, as on a SharePoint page (Embed web part)', async () => {
    const framed = `${embed.url}/framed.html`;
    embedPages['/framed.html'] = htmlPage(
      hostPage({ title: 'Risk checklist', body: '<div data-risk-checklist data-namespace="framed"></div>' }),
      `${STRICT_CSP}; frame-ancestors 'self' ${standalone.origin}`,
    );
    distPages['/with-iframe.html'] = htmlPage(
      hostPage({ widget: false, body: `<h1>Team site</h1><iframe src="${framed}" title="Risk checklist" width="1000" height="900"></iframe>` }),
      `default-src 'self'; frame-src ${embed.origin}`,
    );
    await withPage(`${standalone.url}/with-iframe.html`, async (rec) => {
      const { page } = rec;
      await page.frameLocator('iframe[title="Risk checklist"]').locator('.rc').waitFor();
      const frame = page.frames().find((f) => f.url() === framed);
      assert.ok(frame, 'the framed page');
      await waitUntilInteractive(frame);
      await chooseStatus(frame, itemA, 'Achieved');
      assert.equal(await checkedStatus(frame, itemA), 'Achieved');
      await waitForStored(frame, (s) => s.assessment.answers[first.items[0].id]?.status === 'achieved', { namespace: 'framed' });
      await assertNoErrors(rec, assert);
      const paths = requestedPaths(rec, embed.origin);
      // A framed page's favicon is never requested.
      const framedRequests = bundleRequests('/framed.html').filter((p) => p !== '/host-favicon.svg');
      const expected = [`${standalone.origin}/with-iframe.html`, `${standalone.origin}/host-favicon.svg`, ...framedRequests];
      assert.deepEqual(paths.sort(), expected.sort());
    });
  });

  it('works in a sandboxed iframe without allow-same-origin, and says that answers are not saved', async () => {
    const framed = `${embed.url}/sandboxed.html`;
    embedPages['/sandboxed.html'] = htmlPage(
      hostPage({ base: '/cors', title: 'Sandboxed checklist', body: '<div data-risk-checklist data-namespace="sandboxed"></div>' }),
      STRICT_CSP.replace("default-src 'self'", `default-src ${embed.origin}`).replace(/'self'/g, embed.origin),
    );
    embedPages['/sandbox-host.html'] = htmlPage(
      hostPage({ widget: false, body: '<iframe sandbox="allow-scripts" src="/sandboxed.html" title="Sandboxed checklist" width="1000" height="900"></iframe>' }),
    );
    await withPage(`${embed.url}/sandbox-host.html`, async (rec) => {
      const { page } = rec;
      await page.frameLocator('iframe').locator('.rc').waitFor();
      const frame = page.frames().find((f) => f.url() === framed);
      assert.ok(frame, 'the sandboxed page');
      assert.equal(await frame.evaluate(() => window.origin), 'null', 'an opaque origin');
      await waitUntilInteractive(frame);
      await chooseStatus(frame, itemA, 'Not achieved');
      assert.equal(await checkedStatus(frame, itemA), 'Not achieved');
      const alert = frame.getByRole('alert').filter({ hasText: /saved/i }).first();
      await alert.waitFor({ state: 'visible', timeout: 5_000 });
      assert.match((await alert.innerText()).replace(/\s+/g, ' '), /not being saved/i);
      await assertNoErrors(rec, assert);
    });
  });
});

describe('a custom checklist', () => {
  it('is fetched from data-checklist-url, with a loading message first (then a still-waiting one), and nothing else is requested', async () => {
    const body = '<div data-risk-checklist data-namespace="team" data-checklist-url="/definitions/valid-small.json"></div>';
    embedPages['/by-url.html'] = htmlPage(hostPage({ body }));
    let release;
    const gate = new Promise((r) => (release = r));
    const before = async (context) => {
      // The page's clock can be moved on, to see what it says when the server is slow.
      await context.clock.install();
      await context.route('**/definitions/valid-small.json', async (route) => {
        await gate;
        await route.continue();
      });
    };
    await withPage(
      `${embed.url}/by-url.html`,
      async (rec) => {
        const { page } = rec;
        const host = widget(page, 'team');
        await host.getByRole('status').filter({ hasText: 'Loading the checklist…' }).waitFor({ timeout: 10_000 });
        // Ten seconds without an answer: the page says it is still waiting, and what to do.
        await page.clock.fastForward(10_000);
        const waiting = host.getByRole('status').filter({ hasText: 'Still waiting for the checklist from /definitions/valid-small.json' });
        await waiting.waitFor({ timeout: 5_000 });
        assert.match(await waiting.innerText(), /reload the page to try again/);
        release();
        await waitUntilInteractive(host);
        await host.getByRole('heading', { name: custom.title, exact: true }).waitFor();
        const [s1, s2] = custom.sections;
        await chooseStatus(host, s1.items[1].title, 'Achieved');
        await goToSection(host, s2.title);
        await chooseStatus(host, s2.items[0].title, 'Not applicable');
        const stored = await waitForStored(page, (s) => s.assessment.answers[s2.items[0].id]?.status === 'not_applicable', { namespace: 'team' });
        assert.equal(stored.checklist.id, custom.id);
        assert.equal(stored.assessment.answers[s1.items[1].id].status, 'achieved');
        assert.deepEqual(await styledElements(page), []);
        await assertNoErrors(rec, assert);
        assert.deepEqual(requestedPaths(rec, embed.origin).sort(), [...bundleRequests('/by-url.html'), '/definitions/valid-small.json'].sort());
      },
      { before },
    );
  });

  it('is read from an inline <script type="application/json" data-checklist> under the strict CSP', async () => {
    const inline = JSON.stringify(custom).replace(/</g, '\\u003c');
    const body = `<div data-risk-checklist data-namespace="inline"><script type="application/json" data-checklist>${inline}</script></div>`;
    embedPages['/inline.html'] = htmlPage(hostPage({ body }));
    await withPage(`${embed.url}/inline.html`, async (rec) => {
      const host = widget(rec.page, 'inline');
      await waitUntilInteractive(host);
      await host.getByRole('heading', { name: custom.title, exact: true }).waitFor();
      await chooseStatus(host, custom.sections[0].items[0].title, 'Achieved');
      await assertNoErrors(rec, assert);
      assert.deepEqual(requestedPaths(rec, embed.origin).sort(), bundleRequests('/inline.html').sort());
    });
  });

  it('that is invalid, missing or not JSON is explained: the URL, every problem and its path', async () => {
    const bad = (ns, attrs, inner = '') => `<div data-risk-checklist data-namespace="${ns}" ${attrs}>${inner}</div>`;
    const inlineBad = '<script type="application/json" data-checklist>{"id":"x","version":"1","title":"","scale":{"likelihood":["a","b"],"impact":["a","b"],"bands":{"low_max":1,"medium_max":2}},"sections":[{"id":"s","title":"S","items":[{"id":"i","title":""},{"id":"i","title":"T"}]}]}</script>';
    const body = [
      bad('rules', 'data-checklist-url="/definitions/invalid-rules.json" data-heading-level="3"'),
      bad('syntax', 'data-checklist-url="/definitions/invalid-syntax.json"'),
      bad('missing', 'data-checklist-url="/definitions/no-such-file.json"'),
      bad('inline', 'data-heading-level="9"', inlineBad),
    ].join('\n');
    embedPages['/invalid.html'] = htmlPage(hostPage({ body }));
    await withPage(`${embed.url}/invalid.html`, async (rec) => {
      const { page } = rec;
      const alertOf = async (ns) => {
        const alert = widget(page, ns).getByRole('alert');
        await alert.waitFor({ timeout: 10_000 });
        return (await alert.innerText()).replace(/\s+/g, ' ');
      };

      const rules = await alertOf('rules');
      assert.match(rules, /The checklist definition at \/definitions\/invalid-rules\.json has 7 problems/, rules);
      for (const p of ['scale.likelihood', 'scale.bands', 'sections[0].items[0].title', 'sections[0].items[1].id', 'sections[1].items']) {
        assert.ok(rules.includes(p), `${p} missing from: ${rules}`);
      }
      assert.equal(await widget(page, 'rules').getByRole('heading', { level: 3, name: 'This checklist cannot be shown' }).count(), 1, 'data-heading-level="3"');

      const syntax = await alertOf('syntax');
      assert.match(syntax, /\/definitions\/invalid-syntax\.json has 1 problem/, syntax);
      assert.match(syntax, /\(whole file\) line 1, column \d+/, syntax);

      const missing = await alertOf('missing');
      assert.match(missing, /\/definitions\/no-such-file\.json could not be loaded: the server answered HTTP 404/, missing);

      const inline = await alertOf('inline');
      assert.match(inline, /supplied to this page has 3 problems/, inline);
      for (const p of ['title', 'sections[0].items[0].title', 'sections[0].items[1].id']) assert.ok(inline.includes(p), `${p} missing from: ${inline}`);
      assert.equal(await widget(page, 'inline').getByRole('heading', { level: 1 }).count(), 1, 'an invalid data-heading-level gives 1');

      assert.equal(await page.getByRole('radio').count(), 0, 'no checklist shown');
      await assertNoErrors(rec, assert, { allowConsole: [/404 \(Not Found\)/] });
    });
  });

  it('saved in another encoding, or a sign-in page sent in its place, is refused with what to do', async () => {
    // Saved as "ANSI" (Windows-1252: é is the one byte E9), which the browser would read as garbled text.
    const ansi = Buffer.from(fixture('valid-small.json').toString('utf8').replace('"title": "', '"title": "Données '), 'latin1');
    assert.ok(ansi.includes(0xe9), 'the fixture edit must apply');
    embedPages['/definitions/ansi.json'] = { body: ansi, headers: { 'content-type': 'application/json' } };
    // A single sign-on redirect ends on a sign-in page, sent with 200 in place of the file.
    embedPages['/sign-in'] = { body: '<!doctype html><title>Sign in</title><form>…</form>', headers: { 'content-type': 'text/html; charset=utf-8' } };
    const body = [
      '<div data-risk-checklist data-namespace="ansi" data-checklist-url="/definitions/ansi.json"></div>',
      '<div data-risk-checklist data-namespace="login" data-checklist-url="/sign-in"></div>',
    ].join('\n');
    embedPages['/encodings.html'] = htmlPage(hostPage({ body }));
    await withPage(`${embed.url}/encodings.html`, async (rec) => {
      const alertOf = async (ns) => {
        const alert = widget(rec.page, ns).getByRole('alert');
        await alert.waitFor({ timeout: 10_000 });
        return (await alert.innerText()).replace(/\s+/g, ' ');
      };
      const ansiSaid = await alertOf('ansi');
      assert.match(ansiSaid, /\(whole file\) the file is not UTF-8 text \(it may have been saved as "ANSI" or Windows-1252\): save it again as UTF-8/, ansiSaid);
      const login = await alertOf('login');
      assert.match(login, /\/sign-in has 1 problem.*\(whole file\) this is a web page \(HTML\), not a checklist in JSON; a server may have sent a sign-in or error page in its place/, login);
      assert.equal(await rec.page.getByRole('radio').count(), 0, 'no checklist shown, garbled or otherwise');
      await assertNoErrors(rec, assert);
    });
  });

  it('from a URL the page may not read says the request failed', async () => {
    // Another origin without CORS headers (and outside this page's connect-src).
    const url = `${standalone.url}/definitions/elsewhere.json`;
    embedPages['/blocked-url.html'] = htmlPage(hostPage({ body: `<div data-risk-checklist data-checklist-url="${url}"></div>` }));
    await withPage(`${embed.url}/blocked-url.html`, async (rec) => {
      const alert = rec.page.locator('[data-risk-checklist]').getByRole('alert');
      await alert.waitFor({ timeout: 10_000 });
      const text = (await alert.innerText()).replace(/\s+/g, ' ');
      assert.ok(text.includes(url), text);
      assert.match(text, /could not be loaded: the request failed/, text);
      const v = await violations(rec.page);
      assert.deepEqual(v.map((x) => [x.directive, x.blocked]), [['connect-src', url]]);
      assert.deepEqual(rec.pageErrors, []);
    });
  });
});

/** Records in window.__storageKeysTouched the key of every localStorage write and removal. */
function recordStorageKeys() {
  window.__storageKeysTouched = [];
  const { setItem, removeItem } = Storage.prototype;
  Storage.prototype.setItem = function (key, value) {
    window.__storageKeysTouched.push(String(key));
    return setItem.call(this, key, value);
  };
  Storage.prototype.removeItem = function (key) {
    window.__storageKeysTouched.push(String(key));
    return removeItem.call(this, key);
  };
}

describe('data attributes', () => {
  it('storage keys follow data-namespace, and nothing else on the origin is touched', async () => {
    embedPages['/keys.html'] = htmlPage(hostPage({ body: '<div data-risk-checklist data-namespace="Team A/Pilot!"></div>' }));
    await withPage(`${embed.url}/keys.html`, async (rec) => {
      const { page } = rec;
      await page.evaluate(() => localStorage.setItem('host-own-key', 'kept'));
      await waitUntilInteractive(page);
      await chooseStatus(page, itemA, 'Achieved');
      // Unsafe characters are dropped from the namespace.
      await waitForStored(page, (s) => s.assessment.answers[first.items[0].id]?.status === 'achieved', { namespace: 'TeamAPilot' });
      const keys = await page.evaluate(() => Object.keys(localStorage).sort());
      const others = keys.filter((k) => !k.startsWith('risk-checklist/v1/TeamAPilot/'));
      assert.deepEqual(others, ['host-own-key'], `keys: ${keys.join(', ')}`);
      assert.equal(await page.evaluate(() => localStorage.getItem('host-own-key')), 'kept');
      // Every key written or removed on the way, even one gone by now (the start-up probe).
      const touched = await page.evaluate(() => window.__storageKeysTouched);
      assert.ok(touched.length > 0, 'no storage call recorded');
      const outside = touched.filter((k) => k !== 'host-own-key' && !k.startsWith('risk-checklist/v1/TeamAPilot/'));
      assert.deepEqual(outside, [], `keys touched: ${touched.join(', ')}`);
      await assertNoErrors(rec, assert);
    }, { before: (context) => context.addInitScript(recordStorageKeys) });
  });
});
