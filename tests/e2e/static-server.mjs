// A static file server for the release build that records every path asked of it. Options:
// `prefix` serves the folder under a sub-path (`/docs/setup/`), as a docs site would; `files`
// adds files by path (an operator's profile.json, a test's host page), text or bytes.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

export async function serveDirectory(dirUrl, { prefix = '/', files = {} } = {}) {
  const root = fileURLToPath(dirUrl);
  const requested = [];
  const served = new Set();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    requested.push(req.url);
    const type = TYPES[extname(path.endsWith('/') ? 'index.html' : path)] ?? 'application/octet-stream';
    if (path in files) {
      served.add(req.url);
      res.writeHead(200, { 'content-type': type }).end(files[path]);
      return;
    }
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    const relative = path.slice(prefix.length);
    const file = normalize(join(root, relative === '' || relative.endsWith('/') ? relative + 'index.html' : relative));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      served.add(req.url);
      res.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + prefix,
    requested,
    served,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}
