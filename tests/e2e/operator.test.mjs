// The operator's page (issue 22): a branded profile.json that serves OpenAI's and the Gemini
// API but not Anthropic's, lists its clients and picks a default. Claude Code is not offered
// (not even by a link naming it), Gemini CLI is, in the profile's order, the default first;
// the accent reaches the page through the CSSOM with no policy violation and the logo is
// shown from the page's origin; a bad client list is refused with the field named; the
// import links appear once a key and a model are typed, hold exactly what was typed and are
// fetched by nobody; "Copy details for support" copies a report with no key in it; and
// screenshots of the branded page in light and dark, English and Chinese.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { serveDirectory } from './static-server.mjs';
import { DIST, HANG_GUARD, launch, recordRequests, recordViolations } from './support.mjs';

const ARTIFACTS = new URL('./artifacts/', import.meta.url);
const BUILTIN = JSON.parse(await readFile(new URL('../../src/profile/4096bytes.json', import.meta.url), 'utf8'));
const BRANDED = {
  ...BUILTIN,
  id: 'lumen',
  display_name: 'Lumen Relay',
  base_url: 'https://api.lumen-relay.test',
  support_url: 'https://lumen-relay.test/support',
  protocols: ['openai', 'gemini'],
  shown_clients: ['gemini-cli', 'codex', 'opencode', 'curl'],
  default_client: 'gemini-cli',
  brand: { accent: '#0b6e4f', accent_dark: '#5fd3a8', logo: 'brand/logo.svg' },
};
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="40" viewBox="0 0 160 40">'
  + '<rect width="40" height="40" rx="8" fill="#0b6e4f"/><text x="50" y="27" font-size="20" font-family="sans-serif" fill="#5fa">Lumen</text></svg>';
const KEY = 'sk-lumen-"q"&#%+ =ü-KEY-7f3Z';

const cleanup = [];
after(async () => {
  for (const step of cleanup.reverse()) await step();
});

async function open(profile, { path = '', colorScheme = 'light', viewport } = {}) {
  const server = await serveDirectory(DIST, {
    files: { '/profile.json': JSON.stringify(profile), '/brand/logo.svg': LOGO },
  });
  const browser = await launch();
  cleanup.push(() => server.close(), () => browser.close());
  const context = await browser.newContext({ colorScheme, viewport });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const requests = await recordRequests(context, [server.origin]);
  const violations = await recordViolations(context);
  const page = await context.newPage();
  page.setDefaultTimeout(HANG_GUARD);
  await page.goto(server.url + path);
  await page.waitForSelector('#request-url');
  return { server, page, requests, violations };
}

const clientIds = (page) => page.$$eval('input[name="client"]', (inputs) => inputs.map((i) => i.value));

test('a relay without Anthropic offers its own clients in its order, Gemini CLI first; Claude Code nowhere', async () => {
  const { page, requests, violations } = await open(BRANDED, { path: '#client=claude-code' });
  assert.deepEqual(await clientIds(page), ['gemini-cli', 'codex', 'opencode', 'curl']);
  assert.equal(await page.isChecked('input[name="client"][value="gemini-cli"]'), true);
  assert.match(await page.textContent('#request-url'), /^POST https:\/\/api\.lumen-relay\.test\/v1beta\/models\/.+:streamGenerateContent\?alt=sse$/);
  assert.ok(await page.locator('.snippet[data-file=".env"]').count());
  // The brand: custom properties set through the CSSOM, read by the stylesheet.
  const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
  assert.equal(accent, '#0b6e4f');
  const logo = page.locator('img.brand-logo');
  assert.equal(await logo.getAttribute('src'), 'brand/logo.svg');
  assert.equal(await logo.getAttribute('alt'), 'Lumen Relay');
  await page.waitForFunction(() => document.querySelector('img.brand-logo').naturalWidth > 0);
  assert.deepEqual(requests.foreign, []);
  assert.deepEqual(await violations.of(page), []);
});

test('the dark theme takes the dark accent', async () => {
  const { page } = await open(BRANDED, { colorScheme: 'dark' });
  const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
  assert.equal(accent, '#5fd3a8');
});

test('a profile naming an unknown client is refused with the field named, and the built-in relay used', async () => {
  const { page } = await open({ ...BRANDED, shown_clients: ['codex', 'notepad'] });
  assert.match(await page.textContent('.profile-error'), /shown_clients\[1\]: unknown client `notepad`/);
  assert.ok((await clientIds(page)).includes('claude-code'));
});

test('import links: none before a key and a model, then exactly the typed values, fetched by nobody', async () => {
  const { page, requests } = await open(BRANDED);
  assert.equal(await page.locator('a.import-link').count(), 0);
  await page.fill('#key', KEY);
  assert.equal(await page.locator('a.import-link').count(), 0);
  await page.fill('#model', 'gemini-2.5-pro');
  await page.waitForSelector('a.import-link');
  const links = await page.$$eval('a.import-link', (anchors) => anchors.map((a) => [a.textContent, a.getAttribute('href')]));
  assert.deepEqual(links.map(([label]) => label), ['CC Switch · Codex CLI', 'CC Switch · Gemini CLI', 'CC Switch · OpenCode', 'Chatbox']);
  for (const [label, href] of links) {
    if (label.startsWith('CC Switch')) {
      const url = new URL(href);
      assert.equal(url.protocol, 'ccswitch:');
      const params = new URLSearchParams(url.search);
      assert.equal(params.get('apiKey'), KEY, label);
      assert.equal(params.get('model'), 'gemini-2.5-pro');
      assert.equal(params.get('name'), 'Lumen Relay');
      assert.equal(params.get('endpoint'), 'https://api.lumen-relay.test', label);
    } else {
      const config = new URLSearchParams(new URL(href).search).get('config');
      const json = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(config), (c) => c.charCodeAt(0))));
      assert.equal(json.settings.apiKey, KEY);
      assert.equal(json.settings.apiHost, 'https://api.lumen-relay.test');
    }
  }
  // Built in the page: no request carried the key, and nothing was stored.
  for (const request of requests.all) {
    assert.ok(!request.url().includes('lumen-KEY'), request.url());
    assert.ok(!(request.postData() ?? '').includes('lumen-KEY'));
  }
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  assert.ok(!stored.includes('lumen-KEY'), stored);
});

test('Copy details for support: the report in the page\'s language, with no key in it', async () => {
  const { page } = await open(BRANDED, { path: '#client=codex&os=linux&lang=zh' });
  await page.fill('#key', `${KEY} `);
  await page.fill('#base-url', 'https://api.lumen-relay.test\u200B/');
  await page.fill('#model', 'gpt-5.5');
  await page.fill('#doctor-input', `{"OPENAI_API_KEY": "${KEY}"`);
  await page.locator('#doctor-findings .finding').first().waitFor();
  await page.click('#copy-report');
  await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes('onramp'));
  const report = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(report, /中转服务：Lumen Relay（lumen）/);
  assert.match(report, /客户端：Codex CLI/);
  assert.match(report, /<U\+200B>/);
  assert.match(report, /结尾为 "f3Z "/);
  assert.match(report, /检查工具的发现：[a-z-]+：[a-z-]+\/[a-z-]+（第 \d+ 行第 \d+ 列）/);
  assert.ok(!report.includes('lumen-"q"'), report);
  assert.ok(!report.includes('lumen-KEY'), report);
  assert.equal(await page.getAttribute('#open-support', 'href'), 'https://lumen-relay.test/support');
});

test('screenshots of a branded page, light and dark, English and Chinese', async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  for (const colorScheme of ['light', 'dark']) {
    for (const lang of ['en', 'zh']) {
      const { page } = await open(BRANDED, { path: `#lang=${lang}&os=macos`, colorScheme, viewport: { width: 1280, height: 900 } });
      await page.fill('#key', 'sk-screenshot-0123456789');
      await page.fill('#model', 'gemini-2.5-pro');
      await page.waitForSelector('a.import-link');
      await page.waitForFunction(() => document.querySelector('img.brand-logo').naturalWidth > 0);
      const file = new URL(`operator-1280-${colorScheme}-${lang}.png`, ARTIFACTS);
      await page.screenshot({ path: file.pathname, fullPage: true });
    }
  }
});
