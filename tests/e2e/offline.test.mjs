// The service worker: after one visit the page works with the network off, and a new build
// replaces the old one's cache. Each test serves its own copy of the release build.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { parse as parseToml } from 'smol-toml';
import { serveDirectory } from './static-server.mjs';
import { DIST, HANG_GUARD, launch, appReady, recordRequests, recordViolations } from './support.mjs';

const HOOK = fileURLToPath(new URL('../../scripts/hooks/post_build.py', import.meta.url));
const cleanup = [];
after(async () => {
  for (const step of cleanup.reverse()) await step();
});

/** A copy of the build, served, and a browser context on it. */
async function start() {
  const dir = await mkdtemp(join(tmpdir(), 'onramp-sw-'));
  await cp(fileURLToPath(DIST), dir, { recursive: true });
  const server = await serveDirectory(pathToFileURL(dir + '/'));
  const browser = await launch();
  const context = await browser.newContext();
  const requests = await recordRequests(context, [server.origin]);
  const violations = await recordViolations(context);
  cleanup.push(() => rm(dir, { recursive: true, force: true }), () => server.close(), () => browser.close());
  const page = await context.newPage();
  page.setDefaultTimeout(HANG_GUARD);
  return { dir, server, context, page, requests, violations };
}

/** The names of the page's caches, once its service worker is active. */
function cacheNames(page) {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    return caches.keys();
  });
}

/**
 * A visit to `url` served by the new build's worker. A visit that starts while the old
 * build's last page is still closing is the old build's (the browser keeps the old worker
 * for it); closed again, the next one is the new build's.
 */
async function visitOfNewBuild(context, url) {
  for (let attempt = 1; ; attempt++) {
    const page = await context.newPage();
    page.setDefaultTimeout(HANG_GUARD);
    await page.goto(url);
    await appReady(page);
    const served = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      const worker = navigator.serviceWorker.controller;
      if (registration.waiting || !worker) return 'old';
      if (worker.state !== 'activated') {
        await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
      }
      return 'new';
    });
    if (served === 'new') return page;
    assert.ok(attempt < 5, 'the new build never took over');
    await page.close();
  }
}

test('after one visit the page works offline, whatever its query: a Codex setup, and the doctor answers', async () => {
  const { server, context, page, requests, violations } = await start();
  await page.goto(server.url);
  await appReady(page);
  const [cache] = await cacheNames(page);
  assert.match(cache, /^onramp http:\/\/127\.0\.0\.1:\d+\/ [0-9a-f]{16}$/);
  const cached = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), cache);
  for (const file of ['/index.html', '/onramp-doctor.js', '/onramp-doctor_bg.wasm', '/onramp-doctor_loader.js']) {
    assert.ok(cached.includes(file), `${file} is kept`);
  }
  assert.ok(!cached.includes('/onramp-offline.html'), 'the one-file build is not kept');

  await context.setOffline(true);
  const before = server.requested.length;
  await page.reload();
  await appReady(page);
  await page.fill('#key', 'sk-offline-sw-0123456789');
  await page.fill('#model', 'gpt-5.5');
  const config = parseToml(await page.textContent('.snippet[data-file="config.toml"] .content'));
  assert.equal(config.model, 'gpt-5.5');
  assert.equal(config.model_providers.OpenAI.base_url, 'https://api.4096bytes.com');
  await page.fill('#doctor-input', 'http://api.4096bytes.com/v1/chat/completions');
  await page.locator('#doctor-findings .finding[data-code="url/insecure-http"]').waitFor();
  // Opened by another address of the page, with a query never visited before (a help
  // center's frame, a mail's link): the same page, from the cache.
  for (const address of ['index.html?embed=1', '?utm_source=mail', 'index.html?utm_source=mail&embed=1']) {
    await page.goto(server.url + address);
    await appReady(page);
    const embedded = await page.evaluate(() => document.documentElement.classList.contains('embed'));
    assert.equal(embedded, address.includes('embed=1'), address);
    await page.locator('.snippet[data-file="config.toml"]').waitFor();
  }
  assert.equal(server.requested.length, before, 'nothing reached the server while offline');
  assert.deepEqual(requests.foreign, []);
  assert.deepEqual(await violations.of(page), []);
});

test('a new build replaces the old one and its cache', async () => {
  const { dir, server, context, page } = await start();
  await page.goto(server.url + '?embed=1');
  await appReady(page);
  const [old] = await cacheNames(page);
  // Controlled by the first build's worker from now on.
  await page.reload();
  await appReady(page);
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null));

  // A new release: one file changed, and the hook gives sw.js a new id and list.
  const index = join(dir, 'index.html');
  await writeFile(index, (await readFile(index, 'utf8')).replace('</body>', '<!-- build 2 --></body>'));
  await promisify(execFile)('python3', [HOOK, '--sw-only', dir]);
  const state = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    await registration.update();
    const next = registration.installing ?? registration.waiting;
    if (next && next.state !== 'installed') {
      await new Promise((resolve) => next.addEventListener('statechange', () => next.state === 'installed' && resolve()));
    }
    return registration.waiting ? 'waiting' : 'active';
  });
  // The open page keeps the build it was loaded with.
  assert.equal(state, 'waiting');
  assert.ok((await page.evaluate(() => caches.keys())).includes(old), 'the old cache stays while it is in use');

  // Once no page of the old build is open, a visit gets the new one, from its cache.
  await page.close();
  const next = await visitOfNewBuild(context, server.url);
  const names = await cacheNames(next);
  assert.equal(names.length, 1, `only the new build's cache is left: ${names}`);
  const [fresh] = names;
  assert.notEqual(fresh, old);
  await context.setOffline(true);
  await next.reload();
  await appReady(next);
  assert.match(await next.content(), /<!-- build 2 -->/);
  // The old build's worker, answering a last fetch of the closed page, left no cache behind.
  assert.deepEqual(await cacheNames(next), [fresh]);
});
