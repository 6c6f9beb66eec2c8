// The release bundle an intranet editor copies to a server (`cargo xtask release`; the test
// command builds it from the same dist/ and dist-embed/ before this runs): the zip holds the
// folder beside it, SHA256SUMS checks, the SBOM names the crates compiled into the wasm at
// Cargo.lock's versions, and site/ and embed/, served as they are by a plain static server,
// each keep an answer over a reload and export it with the version the bundle is named after.
//
// RELEASE_DIR names another unpacked bundle (default target/bundle/risk-checklist-<version>).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chooseStatus, checkedStatus, exportJson, launch, runApp, waitUntilInteractive } from './helpers.mjs';
import { HOST_FAVICON, STRICT_CSP, htmlPage } from './embed-helpers.mjs';
import { repoRoot, startServer } from './server.mjs';

/** The app's version: the first `version` of Cargo.toml's [package] table. */
const version = /\[package\][^[]*?\nversion\s*=\s*"([^"]+)"/.exec(readFileSync(path.join(repoRoot, 'Cargo.toml'), 'utf8'))?.[1];
const name = `risk-checklist-${version}`;
const bundle = path.resolve(process.env.RELEASE_DIR || path.join(repoRoot, 'target', 'bundle', name));
const zipFile = `${bundle}.zip`;

/** Every file under `dir`, relative, with forward slashes, sorted. */
function files(dir, rel = '') {
  return readdirSync(path.join(dir, rel), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(dir, `${rel}${e.name}/`) : [`${rel}${e.name}`]))
    .sort();
}

/** The entries of a zip, read from its central directory: { name: bytes }, CRC-checked. */
function unzip(bytes) {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'the zip has an end of central directory record');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const out = {};
  for (let i = 0; i < count; i++) {
    assert.equal(bytes.readUInt32LE(at), 0x02014b50, `central directory entry ${i}`);
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const [csize, size] = [bytes.readUInt32LE(at + 20), bytes.readUInt32LE(at + 24)];
    const [nameLen, extraLen, commentLen] = [28, 30, 32].map((o) => bytes.readUInt16LE(at + o));
    const local = bytes.readUInt32LE(at + 42);
    const entry = bytes.toString('utf8', at + 46, at + 46 + nameLen);
    assert.ok(method === 0 || method === 8, `${entry}: method ${method}`);
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(dataAt, dataAt + csize);
    const raw = method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data);
    assert.equal(raw.length, size, `${entry}: size`);
    if (zlib.crc32) assert.equal(zlib.crc32(raw), crc, `${entry}: CRC-32`);
    out[entry] = raw;
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Cargo.lock's versions of a crate (a crate may be locked at more than one). */
function lockedVersions(crate) {
  const lock = readFileSync(path.join(repoRoot, 'Cargo.lock'), 'utf8');
  return lock
    .split('[[package]]')
    .map((block) => [/\nname = "([^"]+)"/.exec(block)?.[1], /\nversion = "([^"]+)"/.exec(block)?.[1]])
    .filter(([n]) => n === crate)
    .map(([, v]) => v);
}

before(() => {
  assert.ok(version, 'Cargo.toml names a version');
  if (!existsSync(path.join(bundle, 'SHA256SUMS'))) {
    throw new Error(`No release bundle at ${bundle}: run \`cargo xtask release\` first (or set RELEASE_DIR).`);
  }
});

describe('the release bundle', () => {
  it('is one zip holding the folder beside it, byte for byte, under one top folder', () => {
    const entries = unzip(readFileSync(zipFile));
    const inFolder = files(bundle);
    assert.deepEqual(Object.keys(entries).sort(), inFolder.map((f) => `${name}/${f}`));
    for (const f of inFolder) assert.ok(entries[`${name}/${f}`].equals(readFileSync(path.join(bundle, f))), `${f} differs in the zip`);
    for (const part of ['site/index.html', 'embed/risk-checklist.js', 'embed/risk-checklist_bg.wasm.br', 'embed/example.html',
      'schemas/checklist-definition.schema.json', 'checklists/default-checklist.json', 'docs/EMBEDDING.md', 'docs/USER-GUIDE.md',
      'CHANGELOG.md', 'LICENSE', 'README.txt', `${name}.cdx.json`]) {
      assert.ok(inFolder.includes(part), `the bundle has ${part}`);
    }
    assert.match(readFileSync(path.join(bundle, 'CHANGELOG.md'), 'utf8'), new RegExp(`\\n## \\[${version.replaceAll('.', '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}\\n`));
    assert.match(readFileSync(path.join(bundle, 'README.txt'), 'utf8'), /sha256sum -c SHA256SUMS/);
  });

  it('SHA256SUMS lists every other file, and `sha256sum -c` passes', () => {
    const listed = readFileSync(path.join(bundle, 'SHA256SUMS'), 'utf8').trimEnd().split('\n').map((l) => l.split('  ')[1]);
    assert.deepEqual(listed.sort(), files(bundle).filter((f) => f !== 'SHA256SUMS'));
    const out = execFileSync('sha256sum', ['--check', '--strict', 'SHA256SUMS'], { cwd: bundle, encoding: 'utf8' });
    assert.equal(out.trimEnd().split('\n').filter((l) => l.endsWith(': OK')).length, listed.length, out);
  });

  it('the SBOM lists the crates compiled into the wasm, at Cargo.lock versions, with licences', () => {
    const sbom = JSON.parse(readFileSync(path.join(bundle, `${name}.cdx.json`), 'utf8'));
    assert.equal(sbom.bomFormat, 'CycloneDX');
    assert.equal(sbom.metadata?.component?.name, 'risk-checklist');
    assert.equal(sbom.metadata?.component?.version, version);
    const components = sbom.components ?? [];
    for (const crate of ['yew', 'wasm-bindgen', 'serde_json', 'web-sys']) {
      const found = components.filter((c) => c.name === crate);
      assert.ok(found.length, `the SBOM names ${crate}`);
      for (const c of found) {
        assert.ok(lockedVersions(crate).includes(c.version), `${crate} ${c.version} is in Cargo.lock (${lockedVersions(crate)})`);
        assert.ok(c.licenses?.some((l) => l.expression || l.license?.id || l.license?.name), `${crate} has a licence`);
      }
    }
    // Only what the wasm holds: no test-only crate, nothing behind the schema feature.
    for (const absent of ['proptest', 'csv', 'wasm-bindgen-test', 'schemars']) {
      assert.ok(!components.some((c) => c.name === absent), `the SBOM names ${absent}, which is not in the wasm`);
    }
  });
});

/** Answers the first item, reloads, finds it answered, exports it, and reads the version shown. */
async function journey({ page }) {
  const checklist = JSON.parse(readFileSync(path.join(bundle, 'checklists', 'default-checklist.json'), 'utf8'));
  const first = checklist.sections[0].items[0].title;
  await chooseStatus(page, first, 'Partially achieved');
  await page.reload({ waitUntil: 'load' });
  await waitUntilInteractive(page);
  assert.equal(await checkedStatus(page, first), 'Partially achieved', 'the answer after a reload');
  const { doc } = await exportJson(page);
  assert.equal(doc.app_version, version);
  assert.equal(doc.checklist.version, checklist.version, 'the bundle ships the checklist the widget uses');
  const item = doc.definition.sections[0].items[0].id;
  assert.equal(doc.assessment.answers[item]?.status, 'partially_achieved');
  // The version at the foot of the widget, on screen and printed.
  const about = page.locator('.rc-about');
  assert.equal((await about.textContent()).trim(), `risk-checklist ${version}`);
  assert.ok(printedText(await page.pdf({ format: 'A4' })).includes(`risk-checklist ${version}`), 'the version is printed');
}

/** The text of a PDF, by pdftotext (poppler-utils, which the set-up installs), spaces folded. */
function printedText(pdf) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rc-release-pdf-'));
  try {
    writeFileSync(path.join(dir, 'page.pdf'), pdf);
    return execFileSync('pdftotext', [path.join(dir, 'page.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('served by a plain static server', () => {
  let browser;
  let site;
  let embed;
  let host;
  before(async () => {
    browser = await launch();
    site = await startServer({ root: path.join(bundle, 'site'), precompressed: true });
    // The editor's page: embed/example.html as shipped, its files in /risk-checklist/.
    host = mkdtempSync(path.join(os.tmpdir(), 'rc-release-'));
    cpSync(path.join(bundle, 'embed'), path.join(host, 'risk-checklist'), { recursive: true });
    const example = readFileSync(path.join(bundle, 'embed', 'example.html'), 'utf8');
    embed = await startServer({
      root: host,
      precompressed: true,
      pages: { '/': htmlPage(example, STRICT_CSP), '/favicon.ico': HOST_FAVICON },
    });
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await embed?.close();
    if (host) rmSync(host, { recursive: true, force: true });
  });

  it('site/ keeps an answer over a reload and exports it with the version', () =>
    runApp(browser, `${site.url}/`, 'release-site', journey));

  it('the example page of embed/ does the same under a strict CSP', () =>
    runApp(browser, `${embed.url}/`, 'release-embed', journey));
});
