// Helpers for the embedding tests (embed.test.mjs): host pages built around the embed bundle in
// dist-embed/, Content-Security-Policy headers, a record of CSP violations in every frame, and
// computed-style snapshots of a host page's own elements.

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './server.mjs';

/** The policy the widget must work under, standalone and embedded. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** The same without 'wasm-unsafe-eval': the wasm cannot be compiled, the fallback must show. */
export const NO_WASM_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

/** The embed bundle `cargo xtask embed` writes ($EMBED_DIR, else <repo>/dist-embed). */
export function embedDir() {
  return path.resolve(process.env.EMBED_DIR || path.join(repoRoot, 'dist-embed'));
}

/** The files in a directory, sorted (no sub-directories). */
export function filesIn(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

/** A small favicon for host pages (a missing one is a 404 console error). */
export const HOST_FAVICON = {
  body: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="#444"/></svg>',
  headers: { 'content-type': 'image/svg+xml' },
};

/**
 * A host page that loads the embed bundle from `base` (default: the server's root) the way the
 * documentation says: one stylesheet link and one module script, nothing inline.
 */
export function hostPage({ title = 'Host page', head = '', body = '', base = '', widget = true } = {}) {
  const assets = widget
    ? `<link rel="stylesheet" href="${base}/risk-checklist.css">\n<script type="module" src="${base}/risk-checklist.js"></script>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="/host-favicon.svg">
${head}
${assets}
</head>
<body>
${body}
</body>
</html>`;
}

/** A page entry for server.mjs: HTML with the given CSP (none when null). */
export function htmlPage(body, csp = STRICT_CSP, extraHeaders = {}) {
  return { body, headers: { ...(csp ? { 'content-security-policy': csp } : {}), ...extraHeaders } };
}

/** Records `securitypolicyviolation` events of each frame into window.__cspViolations. */
export function recordViolations() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push({
      directive: e.effectiveDirective,
      blocked: e.blockedURI,
      source: e.sourceFile,
      line: e.lineNumber,
      sample: e.sample,
    });
  });
}

/**
 * Opens `url` in a fresh context (its own storage) and records everything: console errors,
 * page errors, every request of every frame, and CSP violations (read with `violations`).
 * Does not wait for the widget: the test decides what it waits for.
 *
 * options.before(context): routes or other set-up before the page opens.
 */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext(options.contextOptions ?? {});
  await context.addInitScript(recordViolations);
  if (options.before) await options.before(context);
  const page = await context.newPage();
  const rec = { context, page, consoleErrors: [], pageErrors: [], requests: [], close: () => context.close() };
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      rec.consoleErrors.push(`${msg.text()}${loc?.url ? ` (at ${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => rec.pageErrors.push(err.stack || String(err)));
  context.on('request', (req) => rec.requests.push(req.url()));
  await page.goto(url, { waitUntil: 'load' });
  return rec;
}

/** Every CSP violation recorded so far, in every frame of the page. */
export async function violations(page) {
  const all = [];
  for (const frame of page.frames()) {
    const found = await frame.evaluate(() => window.__cspViolations ?? []).catch(() => []);
    all.push(...found.map((v) => ({ frame: frame.url(), ...v })));
  }
  return all;
}

/** The paths (with query) of the requests recorded, each once, in order. */
export function requestedPaths(rec, origin) {
  const seen = new Set();
  for (const u of rec.requests) {
    const url = new URL(u);
    seen.add(url.origin === origin ? url.pathname + url.search : url.href);
  }
  return [...seen];
}

/** Fails unless the page stayed clean: no console error, page error or CSP violation. */
export async function assertNoErrors(rec, assert, { allowConsole = [] } = {}) {
  const v = await violations(rec.page);
  const consoleErrors = rec.consoleErrors.filter((e) => !allowConsole.some((re) => re.test(e)));
  const found = [
    v.length ? `CSP violations:\n${v.map((x) => JSON.stringify(x)).join('\n')}` : '',
    rec.pageErrors.length ? `page errors:\n${rec.pageErrors.join('\n')}` : '',
    consoleErrors.length ? `console errors:\n${consoleErrors.join('\n')}` : '',
  ].filter(Boolean);
  assert.deepEqual(found, [], found.join('\n\n'));
}

/** Elements with a style attribute anywhere in the document (the widget must add none). */
export function styledElements(scope) {
  return scope.evaluate(() => [...document.querySelectorAll('[style]')].map((el) => el.outerHTML.slice(0, 160)));
}

/** Computed-style properties that depend on layout (the page's height, scroll bars), not on CSS rules. */
const LAYOUT_DEPENDENT = new Set(['width', 'height', 'inline-size', 'block-size', 'perspective-origin', 'transform-origin']);

/**
 * Every computed style property, and the outer HTML, of each element matching `selector`
 * (the host page's own elements), for before/after comparisons.
 */
export function hostStyles(page, selector) {
  return page.evaluate(
    ({ selector, skip }) =>
      [...document.querySelectorAll(selector)].map((el) => {
        const cs = getComputedStyle(el);
        const style = {};
        for (let i = 0; i < cs.length; i++) {
          const name = cs[i];
          if (!skip.includes(name)) style[name] = cs.getPropertyValue(name);
        }
        // The markup of elements around the widget's host changes by design; of the others, not.
        const around = el.matches('html, head, body') || el.querySelector('[data-risk-checklist]');
        return { element: el.tagName.toLowerCase() + (el.id ? `#${el.id}` : ''), html: around ? null : el.outerHTML, style };
      }),
    { selector, skip: [...LAYOUT_DEPENDENT] },
  );
}

/** Differences between two `hostStyles` snapshots, as readable lines. */
export function styleDifferences(before, after) {
  const out = [];
  if (before.length !== after.length) out.push(`element count ${before.length} -> ${after.length}`);
  before.forEach((b, i) => {
    const a = after[i];
    if (!a) return;
    if (a.html !== b.html) out.push(`${b.element}: markup changed`);
    for (const [name, value] of Object.entries(b.style)) {
      if (a.style[name] !== value) out.push(`${b.element} ${name}: ${value} -> ${a.style[name]}`);
    }
  });
  return out;
}

/**
 * Selectors of every style rule in a stylesheet's text, with @media/@supports blocks opened
 * (rules inside other at-rules, such as @keyframes, are not selectors and are skipped). An
 * at-rule that sets something for the whole page (@page, @font-face, ...) is listed as it is,
 * so that a check for selectors under the widget's root class finds it.
 */
export function cssSelectors(css) {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const selectors = [];
  const stack = [];
  let prelude = '';
  for (const ch of text) {
    if (ch === '{') {
      const p = prelude.trim();
      prelude = '';
      if (/^@(page|font-face|property|counter-style|font-feature-values)\b/.test(p)) {
        // Rules that apply to the whole page whatever the selectors: reported as they are.
        selectors.push(p);
        stack.push('skip');
      } else if (p.startsWith('@')) {
        stack.push(/^@(media|supports|layer|container)\b/.test(p) ? 'group' : 'skip');
      } else if (stack.includes('skip')) {
        stack.push('skip');
      } else {
        selectors.push(...p.split(',').map((s) => s.trim()));
        stack.push('rule');
      }
    } else if (ch === '}') {
      stack.pop();
      prelude = '';
    } else if (ch === ';' && stack.at(-1) !== 'group') {
      prelude = '';
    } else {
      prelude += ch;
    }
  }
  return selectors;
}
