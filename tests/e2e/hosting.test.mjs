// Hosting as operators do it: the build in a folder of a docs site (everything works there,
// the doctor's worker and the service worker included), and with an operator's profile.json
// next to it: another relay's address and name in every client's setup, its links, its
// accepted addresses in the doctor; a broken profile named by its field, and the built-in
// relay used instead.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { parse as parseToml } from 'smol-toml';
import { serveDirectory } from './static-server.mjs';
import { DIST, HANG_GUARD, launch, appReady, recordRequests, recordViolations } from './support.mjs';

const BUILTIN = JSON.parse(await readFile(new URL('../../src/profile/4096bytes.json', import.meta.url), 'utf8'));
const OPERATOR = {
  ...BUILTIN,
  id: 'example-relay',
  display_name: 'Example Relay',
  base_url: 'https://api.example-relay.test',
  accepted_base_urls: ['https://cn.example-relay.test'],
  placeholders: { api_key: 'YOUR_EXAMPLE_KEY', model: 'EXAMPLE_MODEL' },
  docs_url: 'https://docs.example-relay.test/clients',
  support_url: 'https://example-relay.test/support',
  clients: {
    ...BUILTIN.clients,
    codex: { ...BUILTIN.clients.codex, provider_name: 'Example Relay', env_key: 'EXAMPLE_RELAY_API_KEY' },
    openai_compatible: { base_path: '/v1' },
  },
};

const cleanup = [];
after(async () => {
  for (const step of cleanup.reverse()) await step();
});

/** The build served with `options`, and a page on it that records requests and violations. */
async function open(options, path = '') {
  const server = await serveDirectory(DIST, options);
  const browser = await launch();
  cleanup.push(() => server.close(), () => browser.close());
  const context = await browser.newContext();
  const requests = await recordRequests(context, [server.origin]);
  const violations = await recordViolations(context);
  const page = await context.newPage();
  page.setDefaultTimeout(HANG_GUARD);
  await page.goto(server.url + path);
  await appReady(page);
  return { server, context, page, requests, violations };
}

/** Everything the setup shows for the client picked. */
const setupText = (page) =>
  page.$$eval('.snippet .content, #request-url, .notes li, .snippet .path', (nodes) => nodes.map((n) => n.textContent).join('\n'));

test('in a folder of a docs site, everything works: the page, the doctor, offline', async () => {
  const { server, context, page, requests, violations } = await open({ prefix: '/docs/setup/' });
  assert.equal(server.url.endsWith('/docs/setup/'), true);
  await page.fill('#model', 'gpt-5.5');
  assert.equal(parseToml(await page.textContent('.snippet[data-file="config.toml"] .content')).model, 'gpt-5.5');
  await page.fill('#doctor-input', 'https://api.4096bytes.com/v1/chat/completions');
  await page.locator('#doctor-findings .finding[data-code="url/endpoint-path"]').waitFor();
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, server.url);
  for (const path of server.requested) assert.ok(path.startsWith('/docs/setup/'), path);
  await context.setOffline(true);
  await page.reload();
  await appReady(page);
  await page.fill('#doctor-input', 'http://api.4096bytes.com');
  await page.locator('#doctor-findings .finding[data-code="url/insecure-http"]').waitFor();
  await page.goto(server.url + 'index.html?embed=1');
  await appReady(page);
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('embed')));
  assert.deepEqual(requests.foreign, []);
  assert.deepEqual(await violations.of(page), []);
});

test('an operator\'s profile.json: its address and name in every client\'s setup, its links, its doctor', async () => {
  const { page, requests, violations } = await open({ files: { '/profile.json': JSON.stringify(OPERATOR) } });
  assert.equal(await page.locator('.profile-error').count(), 0);
  assert.match(await page.title(), /Example Relay/);
  assert.equal(await page.getAttribute('.relay-links a:nth-child(1)', 'href'), OPERATOR.docs_url);
  assert.equal(await page.getAttribute('.relay-links a:nth-child(2)', 'href'), OPERATOR.support_url);
  await page.fill('#key', 'sk-operator-0123456789');
  await page.fill('#model', 'gpt-5.5');
  const named = [];
  for (const client of await page.$$eval('input[name="client"]', (inputs) => inputs.map((i) => i.value))) {
    await page.check(`input[name="client"][value="${client}"]`);
    const text = await setupText(page);
    assert.match(text, /https:\/\/api\.example-relay\.test/, client);
    assert.doesNotMatch(text, /4096/i, `${client}: nothing of the built-in relay`);
    if (text.includes('Example Relay')) named.push(client);
  }
  // Every client whose files name the provider in plain text names the operator's relay
  // (Cherry Studio's name is inside its base64 import link).
  assert.deepEqual(named.sort(), ['codex', 'continue', 'opencode', 'qwen-code']);
  // The doctor's worker got the same profile: the accepted address is the relay's own (for
  // Codex, which this relay serves at the bare origin).
  await page.check('input[name="client"][value="codex"]');
  await page.fill('#doctor-input', 'https://cn.example-relay.test');
  await page.waitForFunction(() => document.querySelector('#doctor-summary')?.textContent === 'No problems found.');
  await page.fill('#doctor-input', 'https://api.4096bytes.com');
  await page.locator('#doctor-findings .finding[data-code="url/other-host"]').waitFor();
  assert.deepEqual(requests.foreign, []);
  assert.deepEqual(await violations.of(page), []);
});

test('a broken profile.json: a message naming the field, and the built-in relay', async () => {
  const broken = JSON.stringify(OPERATOR, null, 2).replace('"EXAMPLE_RELAY_API_KEY"', '7');
  const { page } = await open({ files: { '/profile.json': broken } });
  const message = await page.textContent('.profile-error');
  assert.match(message, /profile\.json/);
  assert.match(message, /clients\.codex\.env_key: invalid type: integer `7`, expected a string at line \d+ column \d+/);
  const config = parseToml(await page.textContent('.snippet[data-file="config.toml"] .content'));
  assert.equal(config.model_providers.OpenAI.base_url, 'https://api.4096bytes.com');
});
