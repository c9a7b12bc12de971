// The first view rendered at build time (issue 20, src/first_view.rs): the Codex setup with the
// relay's placeholders shows from the HTML and CSS alone, without the wasm and without
// JavaScript; Copy works in it; what is typed and picked in it before the wasm arrives is
// carried over; and where the wasm will show another view (a link, a remembered choice,
// another system, an operator's profile.json) it never shows first.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseToml } from 'smol-toml';
import { serveDirectory } from './static-server.mjs';
import { DIST, HANG_GUARD, launch, recordRequests, recordViolations } from './support.mjs';

const BUILTIN = JSON.parse(await readFile(new URL('../../src/profile/4096bytes.json', import.meta.url), 'utf8'));
const OPERATOR = { ...BUILTIN, id: 'lumen', display_name: 'Lumen Relay', base_url: 'https://api.lumen-relay.test' };
const PAGE_WASM = /\/onramp-[0-9a-f]+_bg\.wasm$/;
const WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

const cleanup = [];
after(async () => {
  for (const step of cleanup.reverse()) await step();
});

/** Injected before the page's scripts: at every animation frame from the first one (which
 * comes before the first paint), the files and commands of every snippet the visitor can see
 * with their paths and texts, in `window.__seen`. */
function watchVisibleSnippets() {
  window.__seen = [];
  const look = () => {
    for (const snippet of document.querySelectorAll('.snippet')) {
      if (!snippet.checkVisibility()) continue;
      const text = snippet.querySelector('.content')?.textContent ?? '';
      const path = snippet.querySelector('.path')?.textContent ?? '';
      const name = snippet.dataset.file ?? snippet.dataset.shell ?? '';
      if (!window.__seen.some((seen) => seen.path === path && seen.text === text)) window.__seen.push({ name, path, text });
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

async function open({ path = '/', files = {}, context: options = {}, before } = {}) {
  const server = await serveDirectory(DIST, { files });
  const browser = await launch();
  cleanup.push(() => server.close(), () => browser.close());
  const context = await browser.newContext(options);
  const requests = await recordRequests(context, [server.origin]);
  const violations = options.javaScriptEnabled === false ? null : await recordViolations(context);
  if (options.javaScriptEnabled !== false) await context.addInitScript({ content: `(${watchVisibleSnippets})();` });
  await before?.(context, server);
  const page = await context.newPage();
  page.setDefaultTimeout(HANG_GUARD);
  const navigation = page.goto(server.origin + path);
  return { server, context, page, requests, violations, navigation };
}

const snippetText = (page, file) => page.textContent(`.snippet[data-file="${file}"] .content`);
const takenOver = (page) => page.waitForFunction(() => !document.getElementById('first-view') && document.querySelector('#request-url'));

test('without the wasm, the Codex setup shows with the placeholders, and Copy copies it', async () => {
  const { page, context, server, requests, violations } = await open({
    before: (context) => context.route(PAGE_WASM, (route) => route.abort()),
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.waitForSelector('.snippet[data-file="config.toml"] .content', { state: 'visible' });
  const config = parseToml(await snippetText(page, 'config.toml'));
  assert.equal(config.model, 'PASTE_MODEL_NAME_FROM_DASHBOARD');
  assert.equal(config.model_providers[config.model_provider].base_url, 'https://api.4096bytes.com');
  assert.equal(JSON.parse(await snippetText(page, 'auth.json')).OPENAI_API_KEY, 'YOUR_4096BYTES_API_KEY');
  // Copy works before the wasm; the other controls say they are getting ready.
  await page.click('.snippet[data-file="auth.json"] .copy');
  await page.waitForFunction(() => document.querySelector('.snippet[data-file="auth.json"] .copy').textContent === 'Copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await snippetText(page, 'auth.json'));
  assert.equal(await page.getAttribute('#first-view', 'aria-busy'), 'true');
  assert.ok(await page.isDisabled('button.reveal'));
  assert.ok(await page.isDisabled('#language'));
  assert.ok(await page.isEnabled('#key'));
  assert.deepEqual(requests.foreign, []);
  assert.deepEqual(await violations.of(page), []);
});

test('without the wasm, a key typed shows in the snippets at once, and one the wasm must escape or flag waits for it', async () => {
  const { page, context, server } = await open({
    before: (context) => context.route(PAGE_WASM, (route) => route.abort()),
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.waitForSelector('#first-view .snippet[data-file="auth.json"]', { state: 'visible' });
  const authKey = async () => JSON.parse(await snippetText(page, 'auth.json')).OPENAI_API_KEY;
  await page.fill('#key', 'sk-Typed_before.the-wasm0');
  assert.equal(await authKey(), 'sk-Typed_before.the-wasm0');
  await page.click('.snippet[data-file="auth.json"] .copy');
  await page.waitForFunction(() => document.querySelector('.snippet[data-file="auth.json"] .copy').textContent === 'Copied');
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /"sk-Typed_before\.the-wasm0"/);
  for (const waits of ['sk-typed ', 'sk-"typed"', 'sk-typ\u200bed', '']) {
    await page.fill('#key', waits);
    assert.equal(await authKey(), 'YOUR_4096BYTES_API_KEY', JSON.stringify(waits));
  }
});

test('with JavaScript off, the setup shows with the placeholders and a line says what needs it', async () => {
  const { page, navigation } = await open({ context: { javaScriptEnabled: false } });
  await navigation;
  assert.ok(await page.isVisible('.snippet[data-file="config.toml"] .content'));
  assert.equal(parseToml(await snippetText(page, 'config.toml')).model, 'PASTE_MODEL_NAME_FROM_DASHBOARD');
  assert.match(await page.textContent('noscript'), /Filling in your key, and the doctor, need JavaScript/);
});

test('what is typed and picked before the wasm arrives is kept when it takes over, with the focus', async () => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const { page } = await open({
    before: (context) => context.route(PAGE_WASM, async (route) => {
      await held;
      await route.continue();
    }),
  });
  await page.waitForSelector('#first-view .snippet[data-file="config.toml"]', { state: 'visible' });
  await page.fill('#key', 'sk-typed-before-the-wasm');
  const filledIn = await snippetText(page, 'auth.json');
  assert.equal(JSON.parse(filledIn).OPENAI_API_KEY, 'sk-typed-before-the-wasm');
  await page.check('input[name="os"][value="windows"]');
  await page.fill('#model', 'gpt-5.5');
  release();
  await takenOver(page);
  assert.equal(await page.inputValue('#key'), 'sk-typed-before-the-wasm');
  // The wasm writes the key where js/boot.js had put it, and the same text.
  assert.equal(await snippetText(page, 'auth.json'), filledIn);
  assert.equal(parseToml(await snippetText(page, 'config.toml')).model, 'gpt-5.5');
  assert.match(await page.textContent('.snippet[data-file="config.toml"] .path'), /%USERPROFILE%/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'model');
  // And the page is live: a keystroke reaches the snippets.
  await page.fill('#model', 'gpt-5.6');
  await page.waitForFunction(() => document.querySelector('.snippet[data-file="config.toml"] .content').textContent.includes('gpt-5.6'));
});

test('on a phone the install commands are folded from the first paint, and unfolding them before the wasm arrives is kept', async () => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const { page } = await open({
    context: { viewport: { width: 390, height: 844 } },
    before: (context) => context.route(PAGE_WASM, async (route) => {
      await held;
      await route.continue();
    }),
  });
  await page.waitForSelector('#first-view .snippet[data-file="config.toml"]', { state: 'visible' });
  const seenInstall = () => page.evaluate(() => window.__seen.filter(({ path, text }) => /install|--version/.test(text) && !path).length);
  assert.equal(await page.evaluate(() => document.querySelector('#first-view details.install').open), false);
  assert.equal(await seenInstall(), 0, 'no install command was seen before it was unfolded');
  await page.click('#first-view .install summary');
  release();
  await takenOver(page);
  assert.equal(await page.evaluate(() => document.querySelector('details.install').open), true);
  assert.ok(await page.isVisible('.install .snippet .copy'));
});

/** The snippets a visitor saw from the first paint until the page was taken over. */
async function seenUntilTakenOver(options) {
  const { page, violations } = await open(options);
  await takenOver(page);
  await page.waitForSelector('.snippet .content');
  const seen = await page.evaluate(() => window.__seen);
  assert.deepEqual(await violations.of(page), []);
  return { page, seen };
}

const codexFiles = (seen) => seen.filter(({ name }) => name === 'config.toml' || name === 'auth.json');

test('a link to another client never shows the Codex setup first', async () => {
  const { seen } = await seenUntilTakenOver({ path: '/#client=claude-code&lang=zh' });
  assert.deepEqual(codexFiles(seen), []);
  assert.ok(seen.some(({ name }) => name === 'settings.json'), JSON.stringify(seen));
});

test('a remembered client never shows the Codex setup first', async () => {
  const { seen } = await seenUntilTakenOver({
    before: (context) => context.addInitScript(() => localStorage.setItem('onramp.client', 'claude-code')),
  });
  assert.deepEqual(codexFiles(seen), []);
});

test('another system than the rendered one never shows the rendered paths first', async () => {
  const { seen } = await seenUntilTakenOver({ context: { userAgent: WINDOWS } });
  for (const { path } of seen) assert.doesNotMatch(path, /~\/\.codex/);
  assert.ok(seen.some(({ path }) => path.includes('%USERPROFILE%')), JSON.stringify(seen));
});

test("an operator's profile.json never shows the built-in relay first", async () => {
  const { seen } = await seenUntilTakenOver({ files: { '/profile.json': JSON.stringify(OPERATOR) } });
  for (const { text } of seen) assert.doesNotMatch(text, /api\.4096bytes\.com/);
  assert.ok(seen.some(({ text }) => text.includes('lumen-relay.test')), JSON.stringify(seen));
});

test('embedded, the first view shows at once and holds the same setup the wasm shows', async () => {
  const { page, seen } = await seenUntilTakenOver({ path: '/?embed=1' });
  assert.equal(await page.isVisible('h1'), false);
  // Every config.toml seen, from the first paint on, is the built-in relay's Codex file.
  const configs = seen.filter(({ name }) => name === 'config.toml');
  assert.ok(configs.length >= 1);
  for (const { text } of configs) assert.equal(parseToml(text).model, 'PASTE_MODEL_NAME_FROM_DASHBOARD');
});

test("a page with the operator's profile baked in shows it at once, and only while that profile.json is there", async () => {
  // The build's files, with the first view rendered again for the operator's profile, as
  // `ONRAMP_PROFILE=profile.json trunk build --release` does.
  const folder = mkdtempSync(join(tmpdir(), 'onramp-baked-'));
  cleanup.push(() => rmSync(folder, { recursive: true, force: true }));
  cpSync(new URL(DIST), folder, { recursive: true });
  const profile = join(folder, 'profile.json');
  const text = JSON.stringify(OPERATOR);
  await import('node:fs/promises').then((fs) => fs.writeFile(profile, text));
  execFileSync('cargo', ['run', '--quiet', '--features', 'prerender', '--bin', 'onramp', '--', 'prerender', join(folder, 'index.html'), '--profile', profile], { stdio: 'inherit' });
  const baked = pathToFileURL(folder + '/');
  const server = await serveDirectory(baked);
  const browser = await launch();
  cleanup.push(() => server.close(), () => browser.close());
  for (const served of [text, JSON.stringify({ ...OPERATOR, base_url: 'https://api.changed.test' })]) {
    const context = await browser.newContext();
    await context.route(PAGE_WASM, (route) => route.abort());
    await context.route('**/profile.json', (route) => route.fulfill({ contentType: 'application/json', body: served }));
    const page = await context.newPage();
    page.setDefaultTimeout(HANG_GUARD);
    await page.goto(server.origin + '/');
    await page.waitForFunction(() => window.onrampProfile);
    await page.evaluate(() => window.onrampProfile);
    const shown = await page.isVisible('#first-view .snippet[data-file="config.toml"]');
    // The same file: the baked view shows; a changed one: it waits for the wasm.
    assert.equal(shown, served === text, served);
    if (shown) assert.match(await snippetText(page, 'config.toml'), /lumen-relay\.test/);
    await context.close();
  }
});
