// Embedding: the release build in an iframe of a page on another origin (a second localhost
// port), with the README's snippet. The frame follows the content's height as it grows and
// shrinks; the height goes to the origin named by `parent` only, and only when that is
// exactly an origin; messages sent to the page change nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveDirectory } from './static-server.mjs';
import { DIST, HANG_GUARD, launch, appReady, recordRequests, recordViolations } from './support.mjs';

const README = new URL('../../README.md', import.meta.url);
let app, host, browser, page, requests, violations;

before(async () => {
  app = await serveDirectory(DIST);
  // The host serves only its help page, filled in once its origin is known.
  const files = {};
  host = await serveDirectory(new URL('./', import.meta.url), { prefix: '/nothing-here/', files });
  const readme = await readFile(README, 'utf8');
  const snippet = readme.match(/<!-- embed snippet -->\s*```html\n([\s\S]*?)```/)[1];
  // Frames whose `parent` is not exactly the host's origin: none may tell it anything.
  const badParents = [null, `${host.origin}/`, host.origin.replace('http', 'HTTP'), 'null', `${host.origin}/help`, 'javascript:alert(1)'];
  const bad = badParents
    .map((parent) => `<iframe class="bad" src="${app.origin}/?embed=1${parent === null ? '' : `&parent=${encodeURIComponent(parent)}`}"></iframe>`)
    .join('\n');
  files['/help.html'] = `<!doctype html><html><body>
<h1>Help center</h1>
${snippet.replaceAll('https://setup.example.com', app.origin).replaceAll('https://help.example.com', host.origin)}
${bad}
<script>
  window.received = [];
  addEventListener('message', (event) => {
    const index = [...document.querySelectorAll('iframe')].findIndex((f) => f.contentWindow === event.source);
    received.push({ index, origin: event.origin, data: event.data });
  });
</script>
</body></html>`;
  browser = await launch();
  const context = await browser.newContext();
  requests = await recordRequests(context, [app.origin, host.origin]);
  violations = await recordViolations(context);
  page = await context.newPage();
  page.setDefaultTimeout(HANG_GUARD);
  await page.goto(host.origin + '/help.html');
});

after(async () => {
  await browser?.close();
  await app?.close();
  await host?.close();
});

/** The embedded page's frame, once its app is mounted. */
async function appFrame(index) {
  const handle = await page.locator('iframe').nth(index).elementHandle();
  const frame = await handle.contentFrame();
  await appReady(frame);
  return frame;
}

/** Waits until the first frame's height in the host equals its content's height. */
async function frameFollowsContent() {
  const frame = await appFrame(0);
  const content = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  await page.waitForFunction((h) => document.getElementById('onramp').getBoundingClientRect().height === h, content);
  return content;
}

test('embedded, the page shows the tool alone, on the host\'s background', async () => {
  const frame = await appFrame(0);
  assert.equal(await frame.isVisible('h1'), false);
  assert.equal(await frame.isVisible('.tagline'), false);
  assert.ok(await frame.isVisible('#language'), 'the language switch stays');
  assert.ok(await frame.isVisible('#doctor-input'));
  const backgrounds = await frame.evaluate(() => [document.documentElement, document.body].map((e) => getComputedStyle(e).backgroundColor));
  assert.deepEqual(backgrounds, ['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']);
});

test('the frame grows and shrinks with the content', async () => {
  const start = await frameFollowsContent();
  const frame = await appFrame(0);
  await frame.fill('#doctor-input', '{\n  "OPENAI_API_KEY": " sk-embed-0123456789 ",\n  "extra": 1,\n}\n');
  await frame.locator('#doctor-findings .finding[data-code="json/trailing-comma"]').waitFor();
  const grown = await frameFollowsContent();
  assert.ok(grown > start + 50, `${grown} > ${start}`);
  await frame.fill('#doctor-input', '');
  await frame.locator('#doctor-findings .finding').first().waitFor({ state: 'detached' });
  assert.equal(await frameFollowsContent(), start);
  const reports = await page.evaluate(() => received.filter((m) => m.index === 0));
  assert.ok(reports.length >= 3);
  for (const report of reports) {
    assert.equal(report.origin, app.origin);
    assert.deepEqual(Object.keys(report.data).sort(), ['height', 'type']);
    assert.equal(report.data.type, 'onramp:height');
  }
});

test('without a parent that is exactly an origin, nothing is posted', async () => {
  const count = await page.locator('iframe.bad').count();
  for (let index = 1; index <= count; index += 1) {
    const frame = await appFrame(index);
    await frame.fill('#doctor-input', 'http://api.4096bytes.com');
    await frame.locator('#doctor-findings .finding').first().waitFor();
  }
  // A change in the good frame, reported after the bad frames' own changes.
  const frame = await appFrame(0);
  await frame.fill('#doctor-input', 'http://api.4096bytes.com');
  await frame.locator('#doctor-findings .finding').first().waitFor();
  await frameFollowsContent();
  assert.deepEqual(await page.evaluate(() => received.filter((m) => m.index !== 0)), []);
});

test('a message from another origin, or from the host, changes nothing', async () => {
  const frame = await appFrame(0);
  await frame.fill('#key', 'sk-embed-typed-0123456789');
  const before = await frame.evaluate(() => document.body.innerHTML);
  const height = await frameFollowsContent();
  // From the host, and from a third origin (a bad frame posting to its sibling).
  await page.evaluate(() => {
    const target = document.getElementById('onramp').contentWindow;
    for (const data of [{ type: 'onramp:height', height: 1 }, { type: 'onramp:key', key: 'sk-injected' }, 'reset', null]) {
      target.postMessage(data, '*');
    }
  });
  await (await appFrame(1)).evaluate(() => parent.frames[0].postMessage({ type: 'onramp:key', key: 'sk-injected' }, '*'));
  // The frame's own round trip: a change made after the messages were sent, then undone.
  await frame.fill('#model', 'm');
  await frame.fill('#model', '');
  assert.equal(await frameFollowsContent(), height);
  assert.equal(await frame.evaluate(() => document.body.innerHTML), before);
  assert.equal(await frame.inputValue('#key'), 'sk-embed-typed-0123456789');
});

test('embedded, it asked only for its own files and broke no rule of its policy', async () => {
  assert.deepEqual(requests.foreign, []);
  // Every frame's violations: the host's and each embedded page's.
  assert.deepEqual(await violations.of(page), []);
});

test('a host picks the theme with ?theme=: set before the first paint, whatever the system says, and not remembered', async () => {
  const themes = [
    { system: 'dark', theme: 'light', bg: '#f7f7f5', body: 'rgb(247, 247, 245)' },
    { system: 'light', theme: 'dark', bg: '#121416', body: 'rgb(18, 20, 22)' },
  ];
  for (const { system, theme, bg, body } of themes) {
    const context = await browser.newContext({ colorScheme: system });
    const requests = await recordRequests(context, [app.origin]);
    const violations = await recordViolations(context);
    // The first animation frame comes just before the first paint: what it sees is painted.
    await context.addInitScript(() => {
      requestAnimationFrame(() => {
        const style = getComputedStyle(document.documentElement);
        window.atFirstFrame = { colorScheme: style.colorScheme, bg: style.getPropertyValue('--bg').trim() };
      });
    });
    const themed = await context.newPage();
    themed.setDefaultTimeout(HANG_GUARD);
    for (const query of [`?theme=${theme}`, `?embed=1&theme=${theme}`]) {
      await themed.goto(`${app.origin}/${query}`);
      await appReady(themed);
      assert.deepEqual(await themed.evaluate(() => window.atFirstFrame), { colorScheme: theme, bg }, query);
      const painted = await themed.evaluate(() => ({
        colorScheme: getComputedStyle(document.documentElement).colorScheme,
        body: getComputedStyle(document.body).backgroundColor,
        remembered: localStorage.getItem('onramp.theme'),
      }));
      // Embedded, the host's background shows through (the frame's colour scheme is the
      // host's, so the browser keeps it transparent).
      const expected = query.includes('embed') ? 'rgba(0, 0, 0, 0)' : body;
      assert.deepEqual(painted, { colorScheme: theme, body: expected, remembered: null }, query);
      assert.equal(await themed.inputValue('#theme'), theme, 'the theme switch shows it');
    }
    assert.deepEqual(requests.foreign, []);
    assert.deepEqual(await violations.of(themed), []);
    await context.close();
  }
});
