// Privacy, proven: while a visitor types a key and uses every part of the page (the import
// links and the report for support included), no request
// leaves the page's origin, the key is in no request (URL, header or body), in no storage, in
// no URL or history entry, in no console message, and the page breaks no rule of its
// Content-Security-Policy. Also: the release build carries that policy, the same as the
// README's headers for static hosts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveDirectory } from './static-server.mjs';
import { DIST, HANG_GUARD, launch, appReady, recordRequests, recordViolations } from './support.mjs';

const README = new URL('../../README.md', import.meta.url);
// The key carries a token found in any encoding that keeps letters and digits (URL, JSON,
// shell quoting), and base64 is searched for separately.
const TOKEN = 'c4n4ry7f3a9c';
const KEY = `sk-${TOKEN}-"q"\\b`;
const FORMS = [TOKEN, ...[0, 1, 2].map((shift) => Buffer.from('xx'.slice(0, shift) + TOKEN).toString('base64').slice(4, -4))];
const leaks = (text) => FORMS.filter((form) => String(text).includes(form));

let server, browser, context, page, requests, violations, historyAtStart;
const consoleMessages = [];
const visited = [];

before(async () => {
  server = await serveDirectory(DIST);
  browser = await launch();
  context = await browser.newContext({ acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  requests = await recordRequests(context, [server.origin]);
  violations = await recordViolations(context);
  context.on('console', (message) => consoleMessages.push(message.text()));
  page = await context.newPage();
  page.setDefaultTimeout(HANG_GUARD);
  page.on('framenavigated', (frame) => visited.push(frame.url()));
  await page.goto(server.url);
  await appReady(page);
  // The service worker is running, so that its requests are seen too.
  await page.evaluate(() => navigator.serviceWorker.ready);
  historyAtStart = await page.evaluate(() => history.length);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the release build carries the strict policy, and the README gives hosts the same', async () => {
  const html = await readFile(new URL('index.html', DIST), 'utf8');
  const policy = html.match(/content="([^"]*)" http-equiv=Content-Security-Policy/)?.[1];
  assert.equal(
    policy,
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'; img-src 'self' data:; worker-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'",
  );
  assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/, 'no inline script');
  assert.doesNotMatch(html, /\sstyle=/, 'no inline style');
  const readme = await readFile(README, 'utf8');
  for (const block of ['_headers', 'nginx']) {
    const section = readme.slice(readme.indexOf(`<!-- headers: ${block} -->`));
    assert.ok(section.includes(`${policy}; frame-ancestors`), `README's ${block} example carries the page's policy`);
  }
});

test('a visitor uses every part of the page with a key typed in', async () => {
  await page.fill('#key', KEY);
  await page.fill('#model', 'gpt-5.5');
  for (const client of await page.$$eval('input[name="client"]', (inputs) => inputs.map((i) => i.value))) {
    await page.check(`input[name="client"][value="${client}"]`);
    for (const os of await page.$$eval('input[name="os"]', (inputs) => inputs.map((i) => i.value))) {
      await page.check(`input[name="os"][value="${os}"]`);
      for (const shell of await page.$$eval('input[name="shell"]', (inputs) => inputs.map((i) => i.value))) {
        await page.check(`input[name="shell"][value="${shell}"]`);
      }
    }
  }
  await page.check('input[name="client"][value="codex"]');
  await page.check('input[name="os"][value="linux"]');
  const auth = page.locator('.snippet[data-file="auth.json"]');
  await auth.locator('button.copy').click();
  await page.waitForFunction(async (token) => (await navigator.clipboard.readText()).includes(token), TOKEN);
  const [download] = await Promise.all([page.waitForEvent('download'), auth.locator('button.download').click()]);
  assert.ok(leaks(await readFile(await download.path(), 'utf8')).length > 0, 'the download holds the key');

  await page.fill('#doctor-input', `{\n  "OPENAI_API_KEY": ${JSON.stringify(KEY + ' ')},\n}\n`);
  await page.locator('#doctor-findings .finding[data-code="json/trailing-comma"]').waitFor();
  await page.click('button.fix-all');
  await page.waitForFunction(() => document.querySelector('#doctor-summary')?.textContent === 'No problems found.');
  await page.fill('#doctor-input', `model = "o3"\n# ${KEY}\n`);
  await page.click('.doctor-actions button.merge');
  await page.locator('.merge-result').waitFor();
  assert.match(await page.inputValue('#doctor-input'), /\[model_providers\.OpenAI\]/);

  // The one-click import links hold the key (built here, opened by the visitor only).
  const links = await page.$$eval('a.import-link', (anchors) => anchors.map((a) => a.href));
  assert.ok(links.length >= 2 && links.every((href) => leaks(decodeURIComponent(href)).length > 0 || leaks(href).length > 0));
  // The report for support holds no form of it, even with the key pasted in the error text
  // and in base64 there.
  await page.fill('#error-text', `401 Unauthorized: Bearer ${KEY} (${Buffer.from(KEY).toString('base64')})`);
  await page.click('#copy-report');
  await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes('onramp'));
  const report = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(report, /401 Unauthorized/);
  assert.deepEqual(leaks(report), [], report);
  assert.ok(!report.includes(KEY) && !report.includes(encodeURIComponent(KEY)) && !report.includes(JSON.stringify(KEY)));
});

test('no request left the page\'s origin, and none carried the key', async () => {
  assert.deepEqual(requests.foreign, []);
  assert.ok(requests.all.some((request) => request.serviceWorker()), 'service worker requests are recorded');
  for (const request of requests.all) {
    const what = `${request.method()} ${request.url()}`;
    assert.deepEqual(leaks(request.url()), [], what);
    assert.deepEqual(leaks(JSON.stringify(await request.allHeaders())), [], `headers of ${what}`);
    assert.deepEqual(leaks(request.postDataBuffer()?.toString('latin1') ?? ''), [], `body of ${what}`);
  }
  assert.deepEqual(server.requested.filter((path) => leaks(path).length), []);
});

test('the key is in no storage, cookie, URL, history entry or console message', async () => {
  const stored = await page.evaluate(async () => {
    const found = { local: JSON.stringify({ ...localStorage }), session: JSON.stringify({ ...sessionStorage }) };
    found.indexedDB = JSON.stringify(await indexedDB.databases());
    found.caches = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const body = new TextDecoder('latin1').decode(await (await cache.match(request)).arrayBuffer());
        found.caches.push(`${name} ${request.url} ${body}`);
      }
    }
    return { ...found, url: location.href, title: document.title, history: history.length };
  });
  // Only the remembered choices, by these names, and never a value typed or pasted.
  const remembered = JSON.parse(stored.local);
  assert.deepEqual(
    Object.keys(remembered).sort(),
    ['onramp.client', 'onramp.lang', 'onramp.os', 'onramp.shell', 'onramp.theme'],
  );
  assert.deepEqual(leaks(stored.local), []);
  assert.equal(stored.session, '{}');
  assert.equal(stored.indexedDB, '[]');
  assert.ok(stored.caches.length > 0, 'the service worker kept the build');
  for (const entry of stored.caches) assert.deepEqual(leaks(entry), [], entry.slice(0, 120));
  assert.deepEqual(leaks(JSON.stringify(await context.cookies())), []);
  // The address holds the view (client, system, shell, language, tab) and nothing else.
  assert.ok(stored.url.startsWith(server.url), stored.url);
  assert.deepEqual(leaks(stored.url), []);
  assert.match(new URL(stored.url).hash, /^#client=/);
  assert.equal(stored.history, historyAtStart, 'no history entry was added');
  const view = /^(#(client|os|shell|lang|section)=[a-z0-9-]+(&(client|os|shell|lang|section)=[a-z0-9-]+)*)?$/;
  for (const url of visited) {
    assert.ok(url.startsWith(server.url) && view.test(new URL(url).hash), `the page went to ${url}`);
  }
  assert.deepEqual(visited.filter((url) => leaks(url).length), []);
  assert.deepEqual(leaks(stored.title), []);
  assert.deepEqual(consoleMessages.filter((text) => leaks(text).length), []);
});

test('the page broke no rule of its policy', async () => {
  assert.deepEqual(await violations.of(page), []);
});
