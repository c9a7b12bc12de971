// dist/onramp-offline.html, the one-file build, opened from disk with no server: the page and
// the doctor work, and it asks for nothing at all, not even a file next to it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { parse as parseToml } from 'smol-toml';
import { DIST, HANG_GUARD, launch, appReady, recordViolations } from './support.mjs';

const FILE = new URL('onramp-offline.html', DIST);
let browser, context, page, violations;
const requests = [];

before(async () => {
  browser = await launch();
  context = await browser.newContext();
  violations = await recordViolations(context);
  // Everything is routed: only the file itself may load; the rest is recorded and refused.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === FILE.href) return route.continue();
    requests.push(url.slice(0, 100));
    return route.abort();
  });
  page = await context.newPage();
  page.setDefaultTimeout(HANG_GUARD);
  await page.goto(FILE.href);
  await appReady(page);
});

after(async () => {
  await browser?.close();
});

test('the one file carries its own strict policy and no reference to another file', async () => {
  const html = await readFile(FILE, 'utf8');
  const policy = html.match(/http-equiv="?Content-Security-Policy"? content="([^"]*)"/i)?.[1];
  assert.ok(policy, 'a CSP meta tag');
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /connect-src 'none'/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|'self'/);
  assert.doesNotMatch(html, /\s(src|href)="?\.\//, 'no relative URL');
});

test('from file://, it generates a Codex setup', async () => {
  await page.fill('#key', 'sk-offline-file-0123456789');
  await page.fill('#model', 'gpt-5.5');
  const config = parseToml(await page.textContent('.snippet[data-file="config.toml"] .content'));
  assert.equal(config.model, 'gpt-5.5');
  assert.equal(config.model_providers.OpenAI.base_url, 'https://api.4096bytes.com');
  const auth = JSON.parse(await page.textContent('.snippet[data-file="auth.json"] .content'));
  assert.equal(auth.OPENAI_API_KEY, 'sk-offline-file-0123456789');
});

test('from file://, the doctor answers in its worker', async () => {
  const [worker] = await Promise.all([
    // The worker may have started while the page was idle; a new page would start it again.
    page.workers().length ? Promise.resolve(page.workers()[0]) : page.waitForEvent('worker'),
    page.fill('#doctor-input', '{\n  "OPENAI_API_KEY": "sk-offline-doctor-0123",\n}\n'),
  ]);
  assert.match(worker.url(), /^data:text\/javascript/);
  await page.locator('#doctor-findings .finding[data-code="json/trailing-comma"]').waitFor();
  await page.click('button.fix-all');
  await page.waitForFunction(() => document.querySelector('#doctor-summary')?.textContent === 'No problems found.');
});

test('it made no request and broke no rule of its policy', async () => {
  assert.deepEqual(requests, []);
  assert.deepEqual(await violations.of(page), []);
});
