// The release bundle an intranet editor deploys without building anything: `cargo xtask release`
// builds dist/ and dist-embed/ and the SBOM, then runs
//
//   node xtask/release.mjs VERSION SBOM_FILE
//
// which lays out target/bundle/risk-checklist-VERSION/ and zips it beside itself as
// risk-checklist-VERSION.zip:
//
//   site/         the standalone page, as `cargo xtask build` makes it (dist/)
//   embed/        the embed bundle (dist-embed/) and example.html, the plain page of docs/EMBEDDING.md
//   schemas/      the JSON Schemas
//   checklists/   the default checklist, to copy and adapt
//   docs/         EMBEDDING, CHECKLIST, FORMAT and USER-GUIDE (the README's "Using it")
//   CHANGELOG.md, LICENSE, README.txt, risk-checklist-VERSION.cdx.json (CycloneDX SBOM)
//   SHA256SUMS    every other file, for `sha256sum -c SHA256SUMS`
//
// The same commit gives the same bytes for every file but the SBOM (its tool writes a new serial
// number and time on each run): the zip's entries are sorted and dated from the commit.

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (rel) => readFileSync(path.join(root, rel), 'utf8');

/** The name of the bundle's folder and zip for a version. */
export const bundleName = (version) => `risk-checklist-${version}`;

/** The file names of the SBOM and the checksums in the bundle. */
export const sbomName = (version) => `${bundleName(version)}.cdx.json`;
export const SUMS = 'SHA256SUMS';

/** Every file under `dir`, as sorted paths relative to it with forward slashes. */
export function filesUnder(dir) {
  const walk = (rel) =>
    readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
      const p = rel ? `${rel}/${e.name}` : e.name;
      return e.isDirectory() ? walk(p) : [p];
    });
  return walk('').sort();
}

/** The text of the first fenced block of `lang` after the heading line `heading` in `markdown`. */
export function fencedAfter(markdown, heading, lang) {
  const at = markdown.split('\n').findIndex((l) => l.trim() === heading);
  if (at < 0) return null;
  const rest = markdown.split('\n').slice(at + 1);
  const open = rest.findIndex((l) => l.trim() === '```' + lang);
  const close = rest.findIndex((l, i) => i > open && l.trim() === '```');
  return open < 0 || close < 0 ? null : rest.slice(open + 1, close).join('\n') + '\n';
}

/** The README's "Using it" section as a document of its own, its links made relative to docs/. */
function userGuide(version) {
  const readme = read('README.md');
  const start = readme.indexOf('\n## Using it\n');
  const end = readme.indexOf('\n## ', start + 1);
  if (start < 0 || end < 0) throw new Error('README.md has no "## Using it" section for docs/USER-GUIDE.md');
  const body = readme.slice(start + '\n## Using it\n'.length, end).replaceAll('](docs/', '](');
  return `# Using risk-checklist ${version}\n${body.trimEnd()}\n`;
}

/** The bundle's README.txt: xtask/bundle-README.txt with the version filled in. */
function editorReadme(version) {
  return read('xtask/bundle-README.txt').replaceAll('{VERSION}', version);
}

/** Lays out the bundle's files in `out` (emptied first). */
function layOut(out, version, sbomFile) {
  rmSync(out, { recursive: true, force: true });
  // Hidden files are left out: Trunk may leave its staging folder (dist/.stage) behind.
  const visible = (src) => !path.basename(src).startsWith('.');
  const copy = (from, to) => cpSync(path.join(root, from), path.join(out, to), { recursive: true, filter: visible });
  const write = (to, text) => {
    mkdirSync(path.dirname(path.join(out, to)), { recursive: true });
    writeFileSync(path.join(out, to), text);
  };
  copy('dist', 'site');
  copy('dist-embed', 'embed');
  const example = fencedAfter(read('docs/EMBEDDING.md'), '## On a plain HTML page', 'html');
  if (!example) throw new Error('docs/EMBEDDING.md has no html block under "## On a plain HTML page"');
  write('embed/example.html', example);
  for (const f of readdirSync(path.join(root, 'schemas')).filter((f) => f.endsWith('.json'))) copy(`schemas/${f}`, `schemas/${f}`);
  copy('src/core/default_checklist.json', 'checklists/default-checklist.json');
  for (const doc of ['EMBEDDING.md', 'CHECKLIST.md', 'FORMAT.md']) copy(`docs/${doc}`, `docs/${doc}`);
  write('docs/USER-GUIDE.md', userGuide(version));
  copy('CHANGELOG.md', 'CHANGELOG.md');
  copy('LICENSE', 'LICENSE');
  write('README.txt', editorReadme(version));
  const sbom = readFileSync(sbomFile, 'utf8');
  if (JSON.parse(sbom).bomFormat !== 'CycloneDX') throw new Error(`${sbomFile} is not a CycloneDX document`);
  write(sbomName(version), sbom);
  const sums = filesUnder(out).map((f) => `${createHash('sha256').update(readFileSync(path.join(out, f))).digest('hex')}  ${f}\n`);
  write(SUMS, sums.join(''));
}

/** The time the zip's entries carry: $SOURCE_DATE_EPOCH, else the commit's, else 1980-01-01. */
function sourceDate() {
  const fromEnv = Number(process.env.SOURCE_DATE_EPOCH);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return new Date(fromEnv * 1000);
  try {
    const seconds = Number(execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: root, encoding: 'utf8' }).trim());
    if (seconds > 0) return new Date(seconds * 1000);
  } catch {
    // Not a git checkout: the fixed date below.
  }
  return new Date(Date.UTC(1980, 0, 1));
}

/** CRC-32 of the zip format (zlib.crc32 where Node has it, 20.15 on). */
const crc32 =
  zlib.crc32 ??
  ((bytes) => {
    let c = ~0;
    for (const b of bytes) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  });

/**
 * A zip of `files` ([name, bytes] pairs, in the order given), each dated `date` (UTC), deflated
 * where that is smaller, with Unix permissions rw-r--r--. No field depends on the machine.
 */
export function zip(files, date) {
  const year = Math.max(date.getUTCFullYear(), 1980);
  const dosDate = ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, bytes] of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = zlib.deflateRawSync(bytes, { level: 9 });
    const [method, data] = deflated.length < bytes.length ? [8, deflated] : [0, bytes];
    const common = (h, at) => {
      h.writeUInt16LE(0x0800, at); // the name is UTF-8
      h.writeUInt16LE(method, at + 2);
      h.writeUInt16LE(dosTime, at + 4);
      h.writeUInt16LE(dosDate, at + 6);
      h.writeUInt32LE(crc32(bytes), at + 8);
      h.writeUInt32LE(data.length, at + 12);
      h.writeUInt32LE(bytes.length, at + 16);
      h.writeUInt16LE(nameBytes.length, at + 20);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    common(local, 6);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made on Unix, zip 2.0
    central.writeUInt16LE(20, 6);
    common(central, 8);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function main([version, sbomFile]) {
  if (!version || !sbomFile) {
    console.error('usage: node xtask/release.mjs VERSION SBOM_FILE');
    return 2;
  }
  if (!read('CHANGELOG.md').includes(`\n## [${version}]`)) {
    console.error(`release: CHANGELOG.md has no entry "## [${version}]": describe this version before releasing it`);
    return 1;
  }
  const bundles = path.join(root, 'target', 'bundle');
  const out = path.join(bundles, bundleName(version));
  layOut(out, version, sbomFile);
  const files = filesUnder(out).map((f) => [`${bundleName(version)}/${f}`, readFileSync(path.join(out, f))]);
  const zipFile = path.join(bundles, `${bundleName(version)}.zip`);
  const bytes = zip(files, sourceDate());
  writeFileSync(zipFile, bytes);
  console.log(`release: ${path.relative(root, zipFile)} (${files.length} files, ${(bytes.length / 1000).toFixed(1)} KB), unpacked in ${path.relative(root, out)}/`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error(`release: ${e.message}`);
    process.exitCode = 1;
  }
}
