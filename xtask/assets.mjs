// The release bundles' files as a server sends them: their sizes, the page-weight budget, and the
// precompressed copies (.gz and .br) written beside each asset so that a server can send them
// without compressing on every request.
//
//   node xtask/assets.mjs precompress DIR...   writes FILE.gz and FILE.br beside every asset
//   node xtask/assets.mjs check DIR             prints the sizes; fails over the budget, or when a
//                                               precompressed copy is not its asset's bytes
//
// `cargo xtask build`, `embed` and `test` run these; the benchmark reads `measure` from here.

import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Everything the page loads, gzip, in bytes (1 KB = 1000 bytes). A ratchet: it may be raised
 * only on purpose, with the reason recorded in the README's "Page weight" section.
 */
export const PAGE_WEIGHT_BUDGET = 343_500;

/** The files a page loads from a bundle (not the precompressed copies). */
export const ASSET = /\.(wasm|js|css|html|svg)$/;

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

/** The asset files under `dir`, sorted. */
export function assets(dir) {
  return walk(dir).filter((f) => ASSET.test(f)).sort();
}

const gzip = (bytes) => gzipSync(bytes, { level: 9 });
const brotli = (bytes) =>
  brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });

/** Each asset under `dir` with its raw, gzip (level 9) and brotli (quality 11) sizes, and totals. */
export function measure(dir) {
  const files = assets(dir).map((f) => {
    const raw = readFileSync(f);
    return { file: path.relative(dir, f), raw: raw.length, gzip: gzip(raw).length, brotli: brotli(raw).length };
  });
  const sum = (key) => files.reduce((n, f) => n + f[key], 0);
  return { files, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
}

/** Writes FILE.gz and FILE.br beside every asset under `dir`. */
export function precompress(dir) {
  for (const f of assets(dir)) {
    const raw = readFileSync(f);
    writeFileSync(`${f}.gz`, gzip(raw));
    writeFileSync(`${f}.br`, brotli(raw));
  }
}

/** Problems with the precompressed copies under `dir`: missing, or not the asset's bytes. */
export function copyProblems(dir) {
  const problems = [];
  for (const f of assets(dir)) {
    const raw = readFileSync(f);
    for (const [ext, unpack] of [['.gz', gunzipSync], ['.br', brotliDecompressSync]]) {
      const copy = `${f}${ext}`;
      if (!existsSync(copy)) problems.push(`${path.relative(dir, copy)} is missing`);
      else if (!unpack(readFileSync(copy)).equals(raw)) problems.push(`${path.relative(dir, copy)} is not ${path.relative(dir, f)}`);
    }
  }
  return problems;
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

function main([command, ...dirs]) {
  if (command === 'precompress' && dirs.length) {
    for (const dir of dirs) precompress(dir);
    return 0;
  }
  if (command === 'check' && dirs.length === 1) {
    const [dir] = dirs;
    const m = measure(dir);
    if (!m.files.some((f) => f.file.endsWith('.wasm'))) {
      console.error(`page weight: no .wasm file in ${dir}`);
      return 1;
    }
    console.log(`page weight: ${kb(m.gzip)} gzip (${m.gzip} B), ${kb(m.brotli)} brotli, ${kb(m.raw)} raw; budget ${kb(PAGE_WEIGHT_BUDGET)} gzip`);
    const problems = copyProblems(dir);
    if (m.gzip > PAGE_WEIGHT_BUDGET) {
      problems.push(
        `the page weighs ${kb(m.gzip)} gzip, over its budget of ${kb(PAGE_WEIGHT_BUDGET)}: make it smaller, or raise ` +
          'PAGE_WEIGHT_BUDGET in xtask/assets.mjs on purpose and record the reason in the README ("Page weight")',
      );
    }
    for (const p of problems) console.error(`page weight: ${p}`);
    return problems.length ? 1 : 0;
  }
  console.error('usage: node xtask/assets.mjs precompress DIR... | check DIR');
  return 2;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
