// End-to-end: the `trunk build --release` output, served from localhost, driven in Debian's
// headless Chromium by playwright-core. Run by scripts/test after the release build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { parse as parseToml } from 'smol-toml';
import { serveDirectory } from './static-server.mjs';

const DIST = new URL('../../dist/', import.meta.url);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// Without the background-networking flags Chromium calls home, which this check would see.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const KEY = `sk-e2e-"quote"\\back\\slash`;
const MODEL = 'gpt-5.5';
const OS_PATHS = {
  macos: ['~/.codex/config.toml', '~/.codex/auth.json'],
  linux: ['~/.codex/config.toml', '~/.codex/auth.json'],
  windows: ['%USERPROFILE%\\.codex\\config.toml', '%USERPROFILE%\\.codex\\auth.json'],
  wsl: ['~/.codex/config.toml', '~/.codex/auth.json'],
};

let server, browser, page;
const foreignRequests = [];

before(async () => {
  server = await serveDirectory(DIST);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  // Every request the page makes is seen here; anything not for our own origin is recorded and
  // refused. blob: URLs are the page's own in-memory downloads.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === server.origin || url.protocol === 'blob:') return route.continue();
    foreignRequests.push(url.href);
    return route.abort();
  });
  page = await context.newPage();
  // A guard against a hang, not a speed check: every wait below is for an event.
  page.setDefaultTimeout(120_000);
  page.on('websocket', (ws) => foreignRequests.push(ws.url()));
  await page.goto(server.origin + '/');
  await page.waitForSelector('body > main .snippet[data-file="auth.json"] .content');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const fileText = (name) => page.textContent(`.snippet[data-file="${name}"] .content`);
const filePath = (name) => page.textContent(`.snippet[data-file="${name}"] .path`);

test('before a key is typed, the files show the placeholders', async () => {
  assert.equal(JSON.parse(await fileText('auth.json')).OPENAI_API_KEY, 'YOUR_4096BYTES_API_KEY');
  assert.equal(parseToml(await fileText('config.toml')).model, 'PASTE_MODEL_NAME_FROM_DASHBOARD');
  assert.ok(await page.isVisible('.notice'));
});

test('the key field is labelled, masked and kept out of autofill and spellcheck', async () => {
  const key = page.locator('#key');
  assert.equal(await key.getAttribute('type'), 'password');
  assert.equal(await key.getAttribute('autocomplete'), 'off');
  assert.equal(await key.getAttribute('spellcheck'), 'false');
  for (const id of ['key', 'base-url', 'model']) {
    assert.ok((await page.textContent(`label[for="${id}"]`)).trim().length > 0, `label for #${id}`);
  }
});

test('for every system, the shown files parse and carry exactly the typed key', async () => {
  await page.fill('#key', KEY);
  await page.fill('#model', MODEL);
  for (const [os, [configPath, authPath]] of Object.entries(OS_PATHS)) {
    await page.check(`input[name="os"][value="${os}"]`);
    assert.equal(await filePath('config.toml'), configPath, os);
    assert.equal(await filePath('auth.json'), authPath, os);
    const config = parseToml(await fileText('config.toml'));
    assert.equal(config.model_provider, 'OpenAI', os);
    assert.equal(config.model, MODEL, os);
    assert.equal(config.model_providers.OpenAI.base_url, 'https://api.4096bytes.com', os);
    assert.equal(config.model_providers.OpenAI.wire_api, 'responses', os);
    assert.deepEqual(JSON.parse(await fileText('auth.json')), { OPENAI_API_KEY: KEY }, os);
  }
});

test('Copy puts exactly the shown text on the clipboard', async () => {
  for (const name of ['config.toml', 'auth.json']) {
    const shown = await fileText(name);
    await page.click(`.snippet[data-file="${name}"] button.copy`);
    // "Copied" shows only for a moment; the clipboard's content is the event to wait for.
    await page.waitForFunction(async (text) => (await navigator.clipboard.readText()) === text, shown);
  }
});

test('Download saves the shown text under the file name', async () => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('.snippet[data-file="auth.json"] button.download'),
  ]);
  assert.equal(download.suggestedFilename(), 'auth.json');
  assert.equal(await readFile(await download.path(), 'utf8'), await fileText('auth.json'));
});

test('a trailing space or an invisible character in the key is flagged without showing the key', async () => {
  await page.fill('#key', 'sk-trailing-secret-0123 ');
  // For Codex, the client the page starts with, a trailing space does no harm: a warning.
  const trailing = page.locator('#key-findings .finding[data-code="key/surrounding-space-trimmed"]');
  await trailing.waitFor();
  assert.ok(await trailing.isVisible());
  assert.doesNotMatch(await trailing.textContent(), /sk-trailing-secret/);
  await page.fill('#key', 'sk-invisible\u200b-secret-0123');
  const invisible = page.locator('#key-findings .finding[data-code="key/invisible-character"]');
  await invisible.waitFor();
  assert.ok(await invisible.isVisible());
  assert.equal(await page.getAttribute('#key', 'aria-invalid'), 'true');
});

test('the doctor finds a broken auth.json, fixes it, and never shows the key', async () => {
  await page.fill('#doctor-input', '{\n  "OPENAI_API_KEY": "sk-doctor-secret-0123456789 ",\n}\n');
  const comma = page.locator('#doctor-findings .finding[data-code="json/trailing-comma"]');
  await comma.waitFor();
  assert.match(await comma.textContent(), /line 2, column \d+/);
  assert.doesNotMatch(await page.textContent('#doctor-findings'), /sk-doctor-secret/);
  await page.click('button.fix-all');
  await page.waitForFunction(() => document.querySelector('#doctor-summary')?.textContent === 'No problems found.');
  assert.equal(await page.inputValue('#doctor-input'), '{\n  "OPENAI_API_KEY": "sk-doctor-secret-0123456789"\n}\n');
});

/** The shortest of three clearings (select all, Delete, the next frame) of `bytes` of pasted
 * text in the doctor: the least a busy machine can add to. */
async function clearingTime(bytes) {
  const line = 'OPENAI_API_KEY=sk-proj-0123456789abcdefghijABCD  # a pasted line\n';
  const text = line.repeat(Math.ceil(bytes / line.length));
  let shortest = Infinity;
  for (let round = 0; round < 3; round++) {
    // As a paste arrives: the whole text at once, then one input event.
    await page.evaluate((text) => {
      const area = document.getElementById('doctor-input');
      area.focus();
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
    await page.waitForSelector('#doctor-summary[aria-busy="false"]');
    const started = Date.now();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.evaluate(() => new Promise((frame) => requestAnimationFrame(() => setTimeout(frame, 0))));
    shortest = Math.min(shortest, Date.now() - started);
    assert.equal(await page.inputValue('#doctor-input'), '');
  }
  return shortest;
}

// Issue 18 item 9: with a closed <details> on the page, Chromium takes time growing with the
// square of the text to clear it (240 KB: 2.4 s instead of 0.1 s; 2 MB: 153 s instead of 0.7 s).
// No time is asserted: twenty times the text may take at most 25 times as long, which a linear
// cost meets with room (2 to 3 times here, the fixed costs weigh on the small one) and the
// quadratic one (about 70 times at these sizes) cannot.
test('clearing a large paste from the doctor costs in proportion to its size', async () => {
  const small = await clearingTime(12_000);
  const large = await clearingTime(240_000);
  console.log(`clearing 12 KB: ${small} ms, 240 KB: ${large} ms`);
  assert.ok(large <= 25 * Math.max(small, 10), `240 KB took ${large} ms, 12 KB ${small} ms`);
});

test('after a crash, the banner\'s button reloads the page', async () => {
  // The wasm cannot be made to panic from outside, so the banner the panic hook writes
  // (tests/web.rs checks it) is put in as it would be; js/boot.js answers its button.
  await page.evaluate(() => {
    window.beforeReload = true;
    const banner = document.createElement('div');
    banner.className = 'crashed';
    banner.setAttribute('role', 'alert');
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('data-onramp-reload', '');
    button.textContent = 'Reload';
    banner.append(button);
    document.body.prepend(banner);
  });
  await Promise.all([page.waitForEvent('load'), page.click('.crashed button')]);
  assert.equal(await page.evaluate(() => window.beforeReload), undefined);
  await page.waitForSelector('body > main .snippet[data-file="auth.json"] .content');
  assert.equal(await page.locator('.crashed').count(), 0);
});

test('the page made no request except for its own files', async () => {
  assert.deepEqual(foreignRequests, []);
  assert.ok(server.requested.length > 0);
  for (const path of server.requested) {
    // profile.json is the operator's optional profile next to the page (absent here: a 404).
    if (path === '/profile.json') continue;
    assert.ok(server.served.has(path), `request for ${path}, which is not a file of the build`);
  }
  // The key never travels in a URL, not even to our own server.
  for (const path of server.requested) {
    assert.ok(!path.includes('sk-'), path);
  }
});
