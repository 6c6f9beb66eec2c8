// Browser benchmark of the release build in $DIST_DIR (default <repo>/dist). Not a test: it
// prints a table of figures with their budgets and exits 0 even when a figure is over budget;
// it exits non-zero only when it could not measure something.
//
// Run: node tests/e2e/bench.mjs        (after `trunk build --release` and `npm ci` in tests/e2e)
//
// Figures:
// - bytes of every file in dist (.html, .svg, .css, .js, .wasm), raw, gzip (level 9) and brotli
//   (quality 11), and the totals, measured by xtask/assets.mjs, which holds the page-weight budget;
// - first interactive: navigation start to the first "Achieved" radio visible and enabled,
//   seen in the page by a MutationObserver installed before any page script; median of 10
//   fresh loads, each in a new browser context, for the default checklist and for a generated
//   500-item checklist (10 sections x 50 items) inlined in the host element;
// - status click: in the 500-item page, a click on an item's "Achieved" radio to the progress
//   shown (progress bar or section counts) changing in the DOM; median over 20 items;
// - save: with all 500 items answered (stored before the page loads, as for a returning user),
//   the app's own user-timing measure "risk-checklist:save" of each debounced save after typing
//   a note (serialising, writing the record, updating the index); median over 20 saves;
// - import: a valid exported file of about 1 MB (the default checklist, every item answered
//   with long notes) set on the "Import JSON" input, from the input's change event to the
//   "Import preview" region in the DOM with a layout box (read, parse, validate, render);
//   median of 10, after one run that is not counted;
// - compare and merge: two fully answered assessments of the 500-item checklist, every item's
//   answer different, stored before the page loads. Compare is the app's own user-timing
//   measure "risk-checklist:compare" of "Compare" on the Assessments list (the comparison of the
//   two in the core); merge is its measure "risk-checklist:merge" of "Apply the merge" for a
//   file holding the other assessment (planning the merge and applying the choices, taking
//   theirs for every item), undone after each run; median of 10 each.

import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { distDir, startServer } from './server.mjs';
import { chromiumPath, defaultChecklist, isOnOrigin, launch } from './helpers.mjs';
import { measure, PAGE_WEIGHT_BUDGET } from '../../xtask/assets.mjs';

const LOADS = 10;
const CLICKS = 20;
const SAVES = 20;
const IMPORTS = 10;
const COMPARES = 10;
const MERGES = 10;
const KB = 1000;
const BUDGET = {
  gzipTotal: PAGE_WEIGHT_BUDGET,
  firstDefault: 350,
  first500: 600,
  click: 10,
  save: 10,
  import: 150,
  compare: 50,
  merge: 50,
};

const problems = []; // figures that could not be measured: exit 1
const warnings = []; // worth saying, but the figures stand
const rows = [];

function row(figure, value, budget, unit, ok) {
  rows.push({ figure, value, budget: budget === undefined ? '' : `<= ${budget}${unit}`, result: ok === undefined ? '' : ok ? 'PASS' : 'OVER' });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const spread = (xs) => `(min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, n=${xs.length})`;


/** A valid checklist definition of `sections` x `perSection` items. */
function generatedChecklist(sections = 10, perSection = 50) {
  return {
    id: 'bench-500',
    version: '1',
    title: `Generated checklist of ${sections * perSection} items`,
    description: 'A generated checklist for the benchmark.',
    scale: {
      likelihood: ['Remote', 'Possible', 'Probable'],
      impact: ['Minimal', 'Significant', 'Severe'],
      bands: { low_max: 2, medium_max: 4 },
    },
    sections: Array.from({ length: sections }, (_, s) => ({
      id: `s${s + 1}`,
      title: `Section ${s + 1}`,
      intro: `Introduction to section ${s + 1}.`,
      items: Array.from({ length: perSection }, (_, i) => ({
        id: `s${s + 1}-i${i + 1}`,
        title: `Item ${s + 1}.${i + 1}`,
        why: `Why item ${s + 1}.${i + 1} matters: a sentence or two of guidance text of a realistic length.`,
        good: `What good looks like for item ${s + 1}.${i + 1}: the evidence that it is handled.`,
      })),
    })),
  };
}

/** dist/index.html with `definition` inlined in its host element. */
function pageWithChecklist(indexHtml, definition) {
  const json = JSON.stringify(definition).replace(/</g, '\\u003c');
  const host = /(<div\b[^>]*\bdata-risk-checklist\b[^>]*>)([\s\S]*?)(<\/div>)/;
  if (!host.test(indexHtml)) throw new Error('dist/index.html has no <div data-risk-checklist> host element');
  return indexHtml.replace(host, (_, open, inner, close) => `${open}<script type="application/json" data-checklist>${json}</script>${inner}${close}`);
}

// Installed before any page script: records when the first "Achieved" radio is visible and enabled.
const FIRST_INTERACTIVE = `(() => {
  window.__bench = { firstInteractive: null };
  const named = (r) => {
    const label = r.labels && r.labels.length ? r.labels[0].textContent : (r.getAttribute('aria-label') || '');
    return label.replace(/\\s+/g, ' ').trim() === 'Achieved';
  };
  const shown = (r) => {
    const box = r.getBoundingClientRect();
    const css = getComputedStyle(r);
    return box.width > 0 && box.height > 0 && css.visibility !== 'hidden' && css.display !== 'none' &&
      (!r.checkVisibility || r.checkVisibility({ visibilityProperty: true }));
  };
  const check = () => {
    if (window.__bench.firstInteractive !== null) return;
    for (const r of document.querySelectorAll('input[type=radio]')) {
      if (!r.disabled && named(r) && shown(r)) {
        window.__bench.firstInteractive = performance.now();
        observer.disconnect();
        return;
      }
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

// Installed before any page script: collects the app's own user-timing measure of each save
// (serialising the assessment, writing it, and updating the index).
const SAVE_TIMING = `(() => {
  const saves = [];
  window.__saves = saves;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'risk-checklist:save') saves.push({ ms: e.duration });
  }).observe({ type: 'measure' });
})();`;

// Installed before any page script: collects the app's own user-timing measures of comparing
// and merging, by name.
const MEASURES = `(() => {
  const measures = { 'risk-checklist:compare': [], 'risk-checklist:merge': [] };
  window.__measures = measures;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (measures[e.name]) measures[e.name].push(e.duration);
  }).observe({ type: 'measure' });
})();`;

/** Every item of `definition` answered, each answer shifted by `shift` so that two differ everywhere. */
function answersOf(definition, shift) {
  const items = definition.sections.flatMap((s) => s.items);
  const statuses = ['achieved', 'partially_achieved', 'not_achieved', 'not_applicable'];
  return Object.fromEntries(items.map((it, i) => [it.id, {
    status: statuses[(i + shift) % 4], likelihood: ((i + shift) % 3) + 1, impact: ((i + 1) % 3) + 1,
    notes: `Checked with the service owner on item ${i + 1}${shift ? ', again' : ''}.`, owner: 'Head of Digital', due: '2027-03-31',
    action: 'Agree the mitigation and record it.', changed: `2026-11-2${shift}T09:00:00Z`,
  }]));
}

/**
 * Two fully answered assessments of `definition`, "Benchmark" (open) and "Benchmark 2", stored
 * before the page loads, and a file holding the second, to merge.
 */
function plantedPair(definition) {
  const items = definition.sections.flatMap((s) => s.items).length;
  const assessment = (title, shift) => ({
    title, assessor: 'Bench', created: '2026-11-01T09:00:00.000Z', updated: `2026-11-2${shift}T09:00:00.000Z`, answers: answersOf(definition, shift),
  });
  const record = (a) => ({ format: 'risk-checklist/stored-assessment', format_version: 2, checklist: { id: definition.id, version: definition.version }, assessment: a });
  const entry = (id, a) => ({ id, title: a.title, checklist_id: definition.id, checklist_title: definition.title, progress: { assessed: items, total: items }, updated: a.updated });
  const [mine, theirs] = [assessment('Benchmark', 0), assessment('Benchmark 2', 1)];
  const index = { format: 'risk-checklist/index', format_version: 1, current: 'a-bench', entries: [entry('a-bench', mine), entry('a-bench-2', theirs)] };
  const file = {
    format: 'risk-checklist/assessment', format_version: 2, app_version: '0.1.0', exported: '2026-11-25T09:30:00.000Z',
    checklist: { id: definition.id, version: definition.version }, definition, assessment: theirs,
  };
  return {
    items,
    file: { name: 'benchmark-2.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file), 'utf8') },
    script: `(() => {
    if (window.top !== window) return;
    if (!localStorage.getItem('risk-checklist/v1/default/index')) {
      localStorage.setItem('risk-checklist/v1/default/assessment/a-bench', ${JSON.stringify(JSON.stringify(record(mine)))});
      localStorage.setItem('risk-checklist/v1/default/assessment/a-bench-2', ${JSON.stringify(JSON.stringify(record(theirs)))});
      localStorage.setItem('risk-checklist/v1/default/index', ${JSON.stringify(JSON.stringify(index))});
    }
  })();`,
  };
}

/** Waits for the `n`th user-timing measure `name` and returns its duration. */
async function nthMeasure(page, name, n, what) {
  const ok = await page.waitForFunction(([m, k]) => window.__measures[m].length >= k, [name, n], { timeout: 20_000 }).then(() => true, () => false);
  if (!ok) throw new Error(`${what} ${n}: no "${name}" measure within 20 s`);
  return page.evaluate(([m, k]) => window.__measures[m][k - 1], [name, n]);
}

/** Compare and merge of two fully answered assessments of `definition`, as measured by the app. */
async function compareAndMerge(browser, url, definition) {
  const context = await browser.newContext();
  try {
    const planted = plantedPair(definition);
    await context.addInitScript(planted.script);
    await context.addInitScript(MEASURES);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url, { waitUntil: 'load' });
    await page.getByRole('radio', { name: 'Achieved', exact: true }).first().waitFor({ state: 'visible', timeout: 20_000 });
    const progress = await page.locator('progress[aria-label="Overall progress"]').getAttribute('aria-valuenow');
    if (progress !== '100') throw new Error(`compare: the planted ${planted.items}-item assessment did not open (progress ${progress}%)`);

    const compare = [];
    let differing = 0;
    for (let i = 1; i <= COMPARES; i++) {
      await page.getByRole('navigation', { name: 'Views', exact: true }).getByRole('button', { name: 'Assessments', exact: true }).click();
      await page.getByRole('button', { name: 'Compare Benchmark 2 with the open assessment', exact: true }).click();
      compare.push(await nthMeasure(page, 'risk-checklist:compare', i, 'compare'));
      const table = page.getByRole('table', { name: 'Items that differ', exact: true });
      await table.waitFor({ timeout: 20_000 });
      differing = await table.locator('tbody tr').count();
      await page.getByRole('button', { name: 'Close the comparison', exact: true }).click();
    }
    if (differing !== planted.items) warnings.push(`compare: the table lists ${differing} items, expected all ${planted.items}`);

    const merge = [];
    const preview = page.getByRole('region', { name: 'Import preview', exact: true });
    const view = page.getByRole('region', { name: `Merge ${planted.file.name} into this assessment?`, exact: true });
    for (let i = 1; i <= MERGES; i++) {
      await page.getByLabel('Import JSON', { exact: true }).setInputFiles(planted.file);
      await preview.getByRole('button', { name: 'Merge into this assessment', exact: true }).click();
      await view.waitFor({ timeout: 20_000 });
      // Theirs for every item, so that applying the merge changes every answer.
      for (const button of await view.getByRole('button', { name: 'Take theirs for the whole section', exact: true }).all()) await button.click();
      await view.getByRole('button', { name: 'Apply the merge', exact: true }).click();
      merge.push(await nthMeasure(page, 'risk-checklist:merge', i, 'merge'));
      await view.waitFor({ state: 'detached', timeout: 20_000 });
      // Undo is in the notification banner; once pressed, the banner says it was undone.
      const undo = page.locator('.rc-banner').getByRole('button', { name: 'Undo', exact: true });
      await undo.click();
      await undo.waitFor({ state: 'detached', timeout: 20_000 });
    }
    if (errors.length) throw new Error(`compare and merge: page errors: ${errors.join('; ')}`);
    return { compare, merge, items: planted.items };
  } finally {
    await context.close();
  }
}

/** Stores a fully answered assessment of `definition` before the page loads, as a returning user has. */
function plantedAssessment(definition) {
  const items = definition.sections.flatMap((s) => s.items);
  const statuses = ['achieved', 'partially_achieved', 'not_achieved', 'not_applicable'];
  const answers = Object.fromEntries(items.map((it, i) => [it.id, {
    status: statuses[i % 4], likelihood: (i % 3) + 1, impact: ((i + 1) % 3) + 1,
    notes: `Checked with the service owner on item ${i + 1}.`, owner: 'Head of Digital', due: '2027-03-31',
    action: 'Agree the mitigation and record it.',
  }]));
  const record = {
    format: 'risk-checklist/stored-assessment', format_version: 1,
    checklist: { id: definition.id, version: definition.version },
    assessment: { title: 'Benchmark', assessor: 'Bench', created: '2026-11-01T09:00:00.000Z', updated: '2026-11-25T09:00:00.000Z', answers },
  };
  const index = {
    format: 'risk-checklist/index', format_version: 1, current: 'a-bench',
    entries: [{ id: 'a-bench', title: 'Benchmark', checklist_id: definition.id, checklist_title: definition.title,
      progress: { assessed: items.length, total: items.length }, updated: '2026-11-25T09:00:00.000Z' }],
  };
  return { items: items.length, script: `(() => {
    if (window.top !== window) return;
    if (!localStorage.getItem('risk-checklist/v1/default/index')) {
      localStorage.setItem('risk-checklist/v1/default/assessment/a-bench', ${JSON.stringify(JSON.stringify(record))});
      localStorage.setItem('risk-checklist/v1/default/index', ${JSON.stringify(JSON.stringify(index))});
    }
  })();`, chars: JSON.stringify(record).length };
}

async function firstInteractive(browser, url, label) {
  const times = [];
  const foreign = [];
  for (let i = 0; i <= LOADS; i++) {
    const context = await browser.newContext();
    try {
      await context.addInitScript(FIRST_INTERACTIVE);
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => !isOnOrigin(r.url(), new URL(url).origin) && foreign.push(r.url()));
      await page.goto(url, { waitUntil: 'load' });
      const t = await page
        .waitForFunction(() => window.__bench.firstInteractive, null, { timeout: 20_000 })
        .then((h) => h.jsonValue())
        .catch(() => null);
      if (t === null) throw new Error(`${label}: no visible "Achieved" radio within 20 s${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`);
      if (i > 0) times.push(t); // the first load warms the browser up and is not counted
    } finally {
      await context.close();
    }
  }
  if (foreign.length) warnings.push(`${label}: requests off the test origin: ${[...new Set(foreign)].join(', ')}`);
  return times;
}

async function statusClicks(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.getByRole('radio', { name: 'Achieved', exact: true }).first().waitFor({ state: 'visible', timeout: 20_000 });
    const result = await page.evaluate(async (n) => {
      const root = document.querySelector('[data-risk-checklist]');
      const named = (r) => (r.labels && r.labels.length ? r.labels[0].textContent : r.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim() === 'Achieved';
      const shown = () => {
        const bar = root.querySelector('progress[aria-label="Overall progress"]');
        const nav = root.querySelector('nav[aria-label="Sections"]');
        return `${bar ? bar.outerHTML : ''}|${nav ? nav.innerHTML : ''}`;
      };
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const times = [];
      for (let i = 0; i < n; i++) {
        const radios = [...root.querySelectorAll('input[type=radio]')].filter(named);
        if (radios.length <= i) throw new Error(`only ${radios.length} "Achieved" radios on the page`);
        const radio = radios[i];
        const before = shown();
        let observer;
        const changed = new Promise((resolve) => {
          observer = new MutationObserver(() => {
            if (shown() !== before) {
              const t = performance.now();
              observer.disconnect();
              resolve(t);
            }
          });
          observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
        });
        const t0 = performance.now();
        radio.click();
        const t1 = await Promise.race([changed, new Promise((r) => setTimeout(() => r(null), 3000))]);
        observer.disconnect();
        if (t1 === null) throw new Error(`click ${i + 1}: neither the progress bar nor the section counts changed within 3 s`);
        times.push(t1 - t0);
        await frame();
      }
      const nav = root.querySelector('nav[aria-label="Sections"]');
      return { times, nav: nav ? nav.textContent + ' ' + [...nav.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')).join(' ') : '' };
    }, CLICKS);
    // The clicks must have been counted: the first section now shows them assessed.
    if (!new RegExp(`\\b${CLICKS} of 50 assessed`).test(result.nav)) {
      warnings.push(`status click: after ${CLICKS} clicks the section navigation does not say "${CLICKS} of 50 assessed": ${result.nav.slice(0, 200)}`);
    }
    return result.times;
  } finally {
    await context.close();
  }
}

async function saves(browser, url, definition) {
  const context = await browser.newContext();
  try {
    const planted = plantedAssessment(definition);
    await context.addInitScript(planted.script);
    await context.addInitScript(SAVE_TIMING);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.getByRole('radio', { name: 'Achieved', exact: true }).first().waitFor({ state: 'visible', timeout: 20_000 });
    const progress = await page.locator('progress[aria-label="Overall progress"]').getAttribute('aria-valuenow');
    if (progress !== '100') throw new Error(`save: the planted ${planted.items}-item assessment did not open (progress ${progress}%)`);
    const section = definition.sections[0];
    const samples = [];
    for (let i = 0; i < SAVES; i++) {
      const before = await page.evaluate(() => window.__saves.length);
      const it = section.items[i % section.items.length];
      await page
        .getByRole('group', { name: it.title, exact: true })
        // An item not applicable asks why in its notes.
        .getByLabel(/^(Notes|Why is this not applicable\?)$/)
        .fill(`Note ${i + 1} for ${it.title}: typed by the benchmark to make the assessment change.`);
      const ok = await page.waitForFunction((n) => window.__saves.length > n, before, { timeout: 5_000 }).then(() => true, () => false);
      if (!ok) throw new Error(`save ${i + 1}: no save measured within 5 s of typing`);
      samples.push(await page.evaluate(() => window.__saves[window.__saves.length - 1]));
    }
    return { samples, chars: planted.chars, items: planted.items };
  } finally {
    await context.close();
  }
}

/** A valid exported assessment of the default checklist, about `bytes` long: long notes on every item. */
function bigExport(bytes = 1_000_000) {
  const definition = defaultChecklist();
  const items = definition.sections.flatMap((s) => s.items);
  const statuses = ['achieved', 'partially_achieved', 'not_achieved', 'not_applicable'];
  const sentence = 'Evidence reviewed with the service owner; see the project record for the minutes. ';
  // Notes hold at most 20,000 characters: share the size out over the items.
  const perItem = Math.min(19_000, Math.ceil(bytes / items.length));
  const answers = Object.fromEntries(
    items.map((it, i) => [
      it.id,
      {
        status: statuses[i % statuses.length],
        likelihood: (i % 3) + 1,
        impact: ((i + 1) % 3) + 1,
        notes: `${it.title}: ${sentence.repeat(Math.ceil(perItem / sentence.length))}`.slice(0, perItem),
        owner: 'Head of Digital',
        due: '2027-03-31',
        action: 'Agree the mitigation and record it.',
      },
    ]),
  );
  const doc = {
    format: 'risk-checklist/assessment',
    format_version: 1,
    app_version: '0.1.0',
    exported: '2026-11-25T09:30:00.000Z',
    checklist: { id: definition.id, version: definition.version },
    definition,
    assessment: { title: 'Benchmark import', assessor: 'Bench', created: '2026-11-01T09:00:00.000Z', updated: '2026-11-25T09:29:00.000Z', answers },
  };
  return { text: JSON.stringify(doc, null, 2), items: items.length };
}

// Installed before any page script: the time of the file input's change event, in capture on
// window so that it runs before the widget's own listener.
const IMPORT_TIMING = `(() => {
  window.__importStart = null;
  window.addEventListener('change', (e) => {
    if (e.target && e.target.type === 'file') window.__importStart = performance.now();
  }, true);
})();`;

async function imports(browser, url) {
  const { text, items } = bigExport();
  const file = { name: 'benchmark-import.json', mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') };
  const context = await browser.newContext();
  try {
    await context.addInitScript(IMPORT_TIMING);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url, { waitUntil: 'load' });
    await page.getByRole('radio', { name: 'Achieved', exact: true }).first().waitFor({ state: 'visible', timeout: 20_000 });
    const input = page.getByLabel('Import JSON', { exact: true });
    const preview = page.getByRole('region', { name: 'Import preview', exact: true });
    const times = [];
    for (let i = 0; i <= IMPORTS; i++) {
      // Resolves with the time the preview is in the DOM with a layout box.
      const shown = page.evaluate(() => new Promise((resolve) => {
        const found = () => {
          const el = document.querySelector('section[aria-label="Import preview"]');
          const box = el && el.getBoundingClientRect();
          return box && box.width > 0 && box.height > 0;
        };
        const observer = new MutationObserver(() => {
          if (found()) {
            const t = performance.now();
            observer.disconnect();
            resolve(t);
          }
        });
        observer.observe(document, { childList: true, subtree: true, attributes: true });
        setTimeout(() => { observer.disconnect(); resolve(null); }, 10_000);
      }));
      await page.evaluate(() => (window.__importStart = null));
      await input.setInputFiles(file);
      const t1 = await shown;
      const t0 = await page.evaluate(() => window.__importStart);
      if (t1 === null || t0 === null) {
        const problem = await page.locator('.rc-import [role=alert]').first().innerText().catch(() => '');
        throw new Error(`import ${i + 1}: no preview within 10 s${problem ? `; the page said: ${problem}` : ''}${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`);
      }
      if (i === 0) {
        const answered = await preview.locator('dd').nth(2).innerText();
        if (answered.trim() !== `${items} of ${items} items`) warnings.push(`import: the preview says "${answered}", expected "${items} of ${items} items"`);
      } else {
        times.push(t1 - t0);
      }
      await preview.getByRole('button', { name: 'Cancel', exact: true }).click();
      await preview.waitFor({ state: 'detached' });
    }
    return { times, bytes: file.buffer.length };
  } finally {
    await context.close();
  }
}

async function main() {
  const dist = distDir();
  const index = path.join(dist, 'index.html');
  if (!existsSync(index)) {
    console.error(`No release build at ${index}: run \`trunk build --release\` first (or set DIST_DIR).`);
    process.exit(2);
  }

  // Sizes.
  // Every file the page can load: the page itself, its icon, styles, scripts and the wasm.
  const { files: sizes, gzip: gzipTotal, brotli: brotliTotal } = measure(dist);
  if (!sizes.some((s) => s.file.endsWith('.wasm'))) problems.push('no .wasm file in dist');

  const definition = generatedChecklist(10, 50);
  const benchPage = pageWithChecklist(readFileSync(index, 'utf8'), definition);
  const server = await startServer({ root: dist, pages: { '/bench-500.html': { body: benchPage } } });
  const browser = await launch();
  const version = browser.version();
  const figures = {};
  const attempt = async (name, fn) => {
    try {
      figures[name] = await fn();
    } catch (err) {
      problems.push(`${name}: ${err.message.split('\n')[0]}`);
    }
  };
  try {
    await attempt('firstDefault', () => firstInteractive(browser, `${server.url}/`, 'default checklist'));
    await attempt('first500', () => firstInteractive(browser, `${server.url}/bench-500.html`, '500-item checklist'));
    await attempt('clicks', () => statusClicks(browser, `${server.url}/bench-500.html`));
    await attempt('saves', () => saves(browser, `${server.url}/bench-500.html`, definition));
    await attempt('import', () => imports(browser, `${server.url}/`));
    await attempt('compareMerge', () => compareAndMerge(browser, `${server.url}/bench-500.html`, definition));
  } finally {
    await browser.close();
    await server.close();
  }

  // Report.
  console.log(`risk-checklist benchmark: ${dist}`);
  console.log(`chromium ${version} (${chromiumPath()}), ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
  console.log('');
  console.log('Sizes (gzip: node:zlib level 9; brotli: quality 11; 1 KB = 1000 bytes)');
  const w = Math.max(4, ...sizes.map((s) => s.file.length));
  console.log(`  ${'file'.padEnd(w)}  ${'raw'.padStart(11)}  ${'gzip'.padStart(11)}  ${'brotli'.padStart(11)}`);
  for (const s of sizes) console.log(`  ${s.file.padEnd(w)}  ${String(s.raw).padStart(9)} B  ${String(s.gzip).padStart(9)} B  ${String(s.brotli).padStart(9)} B`);
  console.log('');

  row('total gzip (every file in dist)', `${kb(gzipTotal)} (${gzipTotal} B)`, (BUDGET.gzipTotal / KB).toFixed(1), ' KB', gzipTotal <= BUDGET.gzipTotal);
  row('total brotli (every file in dist)', `${kb(brotliTotal)} (${brotliTotal} B)`);
  if (figures.firstDefault) {
    const m = median(figures.firstDefault);
    row(`first interactive, default checklist, median of ${LOADS}`, `${ms(m)} ${spread(figures.firstDefault)}`, BUDGET.firstDefault, ' ms', m <= BUDGET.firstDefault);
  }
  if (figures.first500) {
    const m = median(figures.first500);
    row(`first interactive, 500 items, median of ${LOADS}`, `${ms(m)} ${spread(figures.first500)}`, BUDGET.first500, ' ms', m <= BUDGET.first500);
  }
  if (figures.clicks) {
    const m = median(figures.clicks);
    row(`status click to updated DOM, 500 items, median of ${CLICKS}`, `${ms(m)} ${spread(figures.clicks)}`, BUDGET.click, ' ms', m <= BUDGET.click);
  }
  if (figures.saves) {
    const times = figures.saves.samples.map((x) => x.ms);
    const m = median(times);
    row(`save a ${figures.saves.items}-item assessment (serialise, write, index), median of ${SAVES}`, `${ms(m)} ${spread(times)}`, BUDGET.save, ' ms', m <= BUDGET.save);
    row(`stored record (all ${figures.saves.items} items answered)`, `${figures.saves.chars} chars`);
  }

  if (figures.import) {
    const m = median(figures.import.times);
    row(
      `import a ${(figures.import.bytes / 1e6).toFixed(2)} MB file (read, parse, validate, render), median of ${IMPORTS}`,
      `${ms(m)} ${spread(figures.import.times)}`,
      BUDGET.import,
      ' ms',
      m <= BUDGET.import,
    );
  }

  if (figures.compareMerge) {
    const { compare, merge, items } = figures.compareMerge;
    const mc = median(compare);
    row(`compare two fully answered ${items}-item assessments, median of ${COMPARES}`, `${ms(mc)} ${spread(compare)}`, BUDGET.compare, ' ms', mc <= BUDGET.compare);
    const mm = median(merge);
    row(`merge two fully answered ${items}-item assessments (plan, apply), median of ${MERGES}`, `${ms(mm)} ${spread(merge)}`, BUDGET.merge, ' ms', mm <= BUDGET.merge);
  }

  const fw = Math.max(...rows.map((r) => r.figure.length));
  const vw = Math.max(...rows.map((r) => r.value.length));
  const bw = Math.max(6, ...rows.map((r) => r.budget.length));
  console.log(`  ${'figure'.padEnd(fw)}  ${'value'.padEnd(vw)}  ${'budget'.padEnd(bw)}  result`);
  console.log(`  ${'-'.repeat(fw)}  ${'-'.repeat(vw)}  ${'-'.repeat(bw)}  ------`);
  for (const r of rows) console.log(`  ${r.figure.padEnd(fw)}  ${r.value.padEnd(vw)}  ${r.budget.padEnd(bw)}  ${r.result}`);

  if (warnings.length) {
    console.log('');
    console.log('Warnings:');
    for (const w of warnings) console.log(`  - ${w}`);
  }
  if (problems.length) {
    console.log('');
    console.log('Could not measure everything:');
    for (const p of problems) console.log(`  - ${p}`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err.stack || String(err));
  process.exit(1);
});
