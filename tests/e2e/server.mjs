// A tiny static file server for the end-to-end tests and the browser benchmark.
// It serves dist/ on 127.0.0.1 (a free port unless one is given) with the strict Content Security
// Policy a news site would set, so every test also checks that the widget lives with it.
//
//   node tests/e2e/server.mjs [DIR] [PORT]     serve DIR (default dist) until killed
//   import { startServer } from './server.mjs' in a test: { origin, close(), requests }
//   /__slow/MS/PATH answers PATH after MS milliseconds (for race tests).
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const TYPES = {
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
  '.woff2': 'font/woff2',
};

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.resolve(here, '..', '..', 'dist');

/**
 * Serve `root` on 127.0.0.1:`port` (0 = a free port). Resolves to { origin, port, close, requests }.
 * `extra` maps further URL paths to files (test tools served same-origin, under the same CSP).
 * `headers` are added to every file response (e.g. CORS for a second origin); `routes` maps URL
 * paths to handlers `(req, res, url) => void` that answer themselves (e.g. a redirect).
 */
export function startServer({ root = DIST, port = 0, csp = CSP, extra = {}, headers: more = {}, routes = {} } = {}) {
  const base = path.resolve(root);
  const requests = [];
  const server = http.createServer(async (req, res) => {
    let status = 200;
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      if (Object.hasOwn(routes, url.pathname)) {
        routes[url.pathname](req, res, url);
        requests.push({ method: req.method, url: req.url, status: res.statusCode });
        return;
      }
      let rel = decodeURIComponent(url.pathname);
      // /__slow/MS/PATH serves PATH after MS milliseconds (the race and lifecycle tests).
      const slow = /^\/__slow\/(\d{1,5})(\/.*)$/.exec(rel);
      if (slow) {
        await new Promise((r) => setTimeout(r, Number(slow[1])));
        rel = slow[2];
      }
      if (rel.endsWith('/')) rel += 'index.html';
      const file = Object.hasOwn(extra, rel) ? extra[rel] : path.resolve(base, '.' + rel);
      if (!Object.hasOwn(extra, rel) && file !== base && !file.startsWith(base + path.sep)) {
        status = 403;
      } else {
        let body;
        try {
          body = await fs.readFile(file);
        } catch {
          status = 404;
        }
        if (status === 200) {
          const headers = {
            'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
            'Cache-Control': 'no-store',
            'X-Content-Type-Options': 'nosniff',
            ...more,
          };
          if (csp) headers['Content-Security-Policy'] = csp;
          res.writeHead(200, headers);
          res.end(req.method === 'HEAD' ? undefined : body);
        }
      }
    } catch {
      status = 400;
    }
    if (status !== 200) {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`${status}\n`);
    }
    requests.push({ method: req.method, url: req.url, status });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      resolve({
        origin: `http://127.0.0.1:${actual}`,
        port: actual,
        requests,
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
      });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] || DIST;
  const port = Number(process.argv[3] || process.env.PORT || 0);
  const s = await startServer({ root, port });
  console.log(`serving ${path.resolve(root)} at ${s.origin}/ with CSP: ${CSP}`);
}
