// A tiny static file server for the end-to-end tests and the benchmark: node:http only.
//
// startServer({ root, pages }) serves the files under `root` (default: $DIST_DIR, else
// <repo>/dist) on 127.0.0.1 at a free port, and `pages`, a map from a URL path to
// { body, headers, status }, for pages a test generates (a page with its own checklist, or one
// sent with a Content-Security-Policy header). Anything else is a 404. With `precompressed`, a
// file is sent as its FILE.br or FILE.gz copy (Content-Encoding br or gzip) when the request
// accepts that encoding and the copy exists, as docs/EMBEDDING.md sets up an intranet server.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository's root: tests/e2e/ is two levels below it. */
export const repoRoot = path.resolve(here, '..', '..');

/** The release build the tests run against. */
export function distDir() {
  return path.resolve(process.env.DIST_DIR || path.join(repoRoot, 'dist'));
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The MIME type of a file name, or application/octet-stream for one not listed. */
export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Starts the server. Resolves to { url, origin, close }, `url` ending without a slash
 * (for example http://127.0.0.1:40123).
 */
export async function startServer({ root = distDir(), pages = {}, precompressed = false } = {}) {
  const base = path.resolve(root);
  const server = createServer((req, res) => {
    handle(base, pages, req, res, precompressed).catch((err) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      }
      res.end(`server error: ${err.message}`);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    origin: url,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

async function handle(base, pages, req, res, precompressed) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, req, 405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, 'method not allowed');
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return notFound(req, res);
  }
  if (pathname.includes('\0')) return notFound(req, res);

  const page = pages[pathname];
  if (page) {
    const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...(page.headers ?? {}) };
    return send(res, req, page.status ?? 200, headers, page.body ?? '');
  }

  // Resolve inside the root only: a path that climbs out of it is simply not found.
  const rel = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
  const file = path.resolve(base, `.${path.posix.normalize(rel)}`);
  if (file !== base && !file.startsWith(base + path.sep)) return notFound(req, res);

  let info;
  try {
    info = await stat(file);
  } catch {
    return notFound(req, res);
  }
  if (!info.isFile()) return notFound(req, res);
  const headers = { 'content-type': mimeType(file), 'cache-control': 'no-store' };
  if (precompressed) {
    headers.vary = 'Accept-Encoding';
    const accepted = String(req.headers['accept-encoding'] ?? '').split(',').map((e) => e.trim().split(';')[0]);
    for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      if (!accepted.includes(encoding)) continue;
      const copy = await readFile(`${file}${ext}`).catch(() => null);
      if (copy) return send(res, req, 200, { ...headers, 'content-encoding': encoding }, copy);
    }
  }
  return send(res, req, 200, headers, await readFile(file));
}

function notFound(req, res) {
  return send(res, req, 404, { 'content-type': 'text/plain; charset=utf-8' }, 'not found');
}

function send(res, req, status, headers, body) {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(String(body));
  res.writeHead(status, { ...headers, 'content-length': buf.length });
  res.end(req.method === 'HEAD' ? undefined : buf);
}

// Run directly (`node tests/e2e/server.mjs`) to serve dist/ by hand.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startServer();
  console.log(`serving ${distDir()} at ${url}/`);
}
