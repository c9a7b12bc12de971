// End-to-end: a page support can link to (issue 11), on the release build in Debian's
// Chromium: links that open a view, the setup's tabs, "I already have this file" for each file,
// troubleshooting by symptom, the doctor's underlines and announcements, keyboard-only use,
// an accessibility audit in both languages and themes, and screenshots for the README.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { serveDirectory } from './static-server.mjs';

const DIST = new URL('../../dist/', import.meta.url);
const ARTIFACTS = new URL('./artifacts/', import.meta.url);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server, browser;

before(async () => {
  server = await serveDirectory(DIST);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  await mkdir(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh visitor (no remembered choices) on `fragment`, the page's setup shown. */
async function open(fragment = '', options = {}) {
  const context = await browser.newContext({ ...options });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const page = await context.newPage();
  // A guard against a hang, not a speed check: every wait below is for an event.
  page.setDefaultTimeout(120_000);
  await page.goto(server.origin + '/' + fragment);
  // The page's own setup, not the first view rendered at build time (tests/e2e/support.mjs).
  await page.waitForSelector('body > main [role="tabpanel"] .snippet .content');
  return page;
}

const checked = (page, name) => page.getAttribute(`input[name="${name}"]:checked`, 'value');

test('a link opens the view it names, and the address follows the view', async () => {
  const page = await open('#client=claude-code&os=windows&shell=powershell&lang=zh&section=env-session');
  assert.equal(await checked(page, 'client'), 'claude-code');
  assert.equal(await checked(page, 'os'), 'windows');
  assert.equal(await checked(page, 'shell'), 'powershell');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
  assert.equal(await page.getAttribute('[role="tab"][aria-selected="true"]', 'data-section'), 'env-session');
  assert.match(await page.textContent('[data-section="env-session"] .snippet .content'), /\$env:ANTHROPIC_AUTH_TOKEN/);

  const before = await page.evaluate(() => history.length);
  await page.check('input[name="client"][value="codex"]');
  await page.check('input[name="os"][value="linux"]');
  await page.waitForFunction(() => location.hash.includes('client=codex') && location.hash.includes('os=linux'));
  assert.equal(await page.evaluate(() => history.length), before, 'no new history entry per change');
  await page.fill('#key', 'sk-never-in-the-url-0123');
  await page.fill('#model', 'gpt-never-in-the-url');
  await page.waitForFunction(() => document.querySelector('[role="tabpanel"] .snippet .content').textContent.includes('gpt-never'));
  const url = await page.evaluate(() => location.href);
  assert.doesNotMatch(url, /never-in-the-url/);
  await page.context().close();
});

// Issue 21: a keystroke changes the setup, not the view, so it writes neither the address
// nor the remembered choices (it wrote four storage entries per key); a choice writes them.
test('typing writes neither the address nor the remembered choices; picking a client does', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__writes = [];
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (name, value) {
      window.__writes.push(name);
      return setItem.call(this, name, value);
    };
    const replaceState = History.prototype.replaceState;
    History.prototype.replaceState = function (...args) {
      window.__writes.push('address');
      return replaceState.apply(this, args);
    };
  });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await page.goto(server.origin + '/');
  await page.waitForSelector('body > main [role="tabpanel"] .snippet .content');
  const writes = () => page.evaluate(() => window.__writes.splice(0));
  await writes();
  await page.type('#key', 'sk-typed-key-by-key');
  await page.type('#model', 'gpt-5.5');
  await page.waitForFunction(() => document.querySelector('[role="tabpanel"] .snippet .content').textContent.includes('gpt-5.5'));
  assert.deepEqual(await writes(), []);
  await page.check('input[name="client"][value="claude-code"]');
  await page.waitForFunction(() => location.hash.includes('client=claude-code'));
  const picked = await writes();
  assert.ok(picked.includes('address') && picked.includes('onramp.client'), JSON.stringify(picked));
  await context.close();
});

test('unknown or malformed values are ignored and the rest still applies', async () => {
  const page = await open('#client=notepad&os=macos&shell=&lang=xx&section=<b>&key=sk-1');
  assert.equal(await checked(page, 'client'), 'codex');
  assert.equal(await checked(page, 'os'), 'macos');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.context().close();
});

test('the link control copies a link to this setup, without the key', async () => {
  const page = await open('#client=aider&os=linux&shell=fish');
  await page.fill('#key', 'sk-link-secret-0123456');
  await page.click('button.copy-link');
  await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes('#'));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /client=aider/);
  assert.match(link, /shell=fish/);
  assert.doesNotMatch(link, /sk-link-secret/);
  await page.context().close();
});

test('the alternatives are tabs, the recommended one first', async () => {
  const page = await open('#client=codex&os=linux');
  const tabs = await page.$$eval('[role="tab"]', (all) => all.map((tab) => tab.dataset.section));
  assert.deepEqual(tabs, ['auth-json', 'env-session', 'env-persistent']);
  assert.equal(await page.getAttribute('[role="tab"][aria-selected="true"]', 'data-section'), 'auth-json');
  assert.equal(await page.locator('[role="tabpanel"] .variant').count(), 1, 'one alternative at a time');
  await page.click('[role="tab"][data-section="env-persistent"]');
  await page.waitForSelector('[role="tabpanel"] [data-section="env-persistent"]');
  assert.match(await page.textContent('[role="tabpanel"] .snippet[data-shell="bash"] .content'), /export RELAY_4096BYTES_API_KEY=/);
  await page.context().close();
});

/** The files people may already have: a client, its tab, the file, and a file of theirs. */
const EXISTING = [
  ['codex', 'auth-json', 'codex-config', '# mine\nmodel = "o3"\n\n[mcp_servers.docs]\ncommand = "npx"\n', /\[mcp_servers\.docs\]/],
  ['claude-code', 'settings-file', 'claude-settings', '{\n  "model": "opus",\n  "env": {\n    "DISABLE_TELEMETRY": "1"\n  }\n}\n', /"DISABLE_TELEMETRY": "1"/],
  ['opencode', 'config-file', 'opencode-config', '{\n  "theme": "tokyonight",\n  "provider": {\n    "ollama": {"npm": "@ai-sdk/openai-compatible"}\n  }\n}\n', /"ollama"/],
  ['continue', 'config-file', 'continue-config', 'name: mine\nmodels:\n  - name: Local\n    provider: ollama\n    model: llama3\n', /name: Local/],
];

test('"I already have this file" merges into each file people may have, keeping the rest', async () => {
  for (const [client, section, target, existing, kept] of EXISTING) {
    const page = await open(`#client=${client}&os=linux&section=${section}`);
    await page.fill('#model', 'gpt-5.5');
    const panel = page.locator(`.merge-panel[data-target="${target}"]`);
    await panel.locator('button.disclosure').click();
    await panel.locator('textarea').fill(existing);
    await panel.locator('button.merge').click();
    const merged = panel.locator('.snippet.merged .content');
    await merged.waitFor();
    const text = await merged.textContent();
    assert.match(text, kept, `${target} keeps what was there:\n${text}`);
    assert.match(text, /api\.4096bytes\.com/, `${target} gets the relay:\n${text}`);
    assert.ok(await panel.locator('.line.changed').count() > 0, `${target} marks what changed`);
    await page.context().close();
  }
});

test('a symptom picked, or an error text pasted, leads to its likely causes', async () => {
  const page = await open();
  await page.selectOption('#symptom', 'unauthorized');
  await page.waitForSelector('.symptom[data-symptom="unauthorized"] .cause');
  assert.ok(await page.locator('.symptom .cause').count() >= 3);
  await page.fill('#error-text', 'ERROR: stream disconnected before completion: builder error');
  await page.waitForSelector('.symptom[data-symptom="invalid-url"]');
  // The doctor confirms a cause from what is pasted into it.
  await page.fill('#doctor-input', 'api.4096bytes.com');
  await page.waitForSelector('.symptom .cause.confirmed');
  await page.fill('#error-text', 'something nobody has seen');
  await page.waitForSelector('#symptom-result .notice');
  // Not recognised is never the end: the relay's recommended order follows (issue 18, item 14).
  assert.equal(await page.locator('#symptom-result .checklist li').count(), 7);
  await page.context().close();
});

test('the doctor underlines each finding in place, masks keys, and announces', async () => {
  const page = await open();
  assert.ok(await page.isVisible('#doctor-accepts'), 'an empty doctor says what it reads');
  const text = '{\n  "OPENAI_API_KEY": " sk-underline-secret-0123456789",\n}\n';
  await page.fill('#doctor-input', text);
  await page.waitForSelector('.editor mark.error');
  const underlay = await page.textContent('.editor .underlay');
  assert.doesNotMatch(underlay, /underline-secret/, 'the key is masked where it is shown');
  assert.match(underlay, /6789/);
  assert.equal(await page.getAttribute('#doctor-summary', 'role'), 'status');
  assert.equal(await page.getAttribute('#doctor-findings', 'aria-live'), 'polite');
  assert.equal(await page.textContent('.editor .gutter'), '1\n2\n3\n4\n');
  // "Show" moves the caret to the finding.
  await page.click('#doctor-findings .finding[data-code="json/trailing-comma"] button.locate');
  const caret = await page.evaluate(() => document.activeElement.id + ':' + document.activeElement.selectionStart);
  assert.equal(caret, `doctor-input:${text.indexOf(',\n}')}`);
  await page.context().close();
});

test('a long paste draws only the lines in view, each where the text area shows it', async () => {
  const page = await open();
  // 5,000 comment lines, then the relay's block with a plain-http base URL, which is underlined.
  const comments = Array.from({ length: 5000 }, (_, index) => `# note ${index + 1}`).join('\n');
  const text = `model_provider = "OpenAI"\n${comments}\n[model_providers.OpenAI]\nname = "4096bytes"\n`
    + 'base_url = "http://api.4096bytes.com"\nwire_api = "responses"\n';
  const lineCount = text.split('\n').length;
  // Set as a paste does, in one input event (Playwright's fill inserts it as typing would).
  await page.evaluate((text) => {
    const area = document.querySelector('#doctor-input');
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.waitForSelector('#doctor-findings li');
  const scrollTo = (where) => page.evaluate((where) => {
    const area = document.querySelector('#doctor-input');
    area.scrollTop = where === 'end' ? area.scrollHeight : 0;
  }, where);

  await scrollTo('end');
  await page.waitForFunction((last) => document.querySelector('.editor .gutter').textContent.endsWith(`\n${last}\n`), lineCount);
  await page.waitForSelector('.editor mark');
  const drawn = await page.textContent('.editor .underlay');
  assert.ok(drawn.split('\n').length < 500, `the underlay draws the lines in view, not all ${lineCount}`);
  assert.match(drawn, /wire_api = "responses"/);
  assert.doesNotMatch(drawn, /# note 1\n/);
  // The scheme's underline sits where the text area lays out its line. A text area's lines are
  // evenly spaced, the text's height over its lines (neither the computed line height nor what
  // a pre with the same style gives: 78 px apart after 5,000 lines in Chromium 156); its line's
  // top, and the mark's, is that many pitches below the text's top, less what is scrolled.
  const place = await page.evaluate((line) => {
    const area = document.querySelector('#doctor-input');
    const style = getComputedStyle(area);
    const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
    const pitch = (area.scrollHeight - padding) / area.value.split('\n').length;
    const lineTop = area.getBoundingClientRect().top + area.clientTop + parseFloat(style.paddingTop)
      + line * pitch - area.scrollTop;
    const mark = [...document.querySelectorAll('.editor mark')].find((element) => element.textContent === 'http');
    const markBox = mark.getBoundingClientRect();
    // An inline box is as tall as its font, centred in its line.
    return { markMiddle: (markBox.top + markBox.bottom) / 2, lineMiddle: lineTop + pitch / 2 };
  }, text.split('\n').findIndex((line) => line.startsWith('base_url')));
  assert.ok(Math.abs(place.markMiddle - place.lineMiddle) < 2, `the underline is on its line: ${JSON.stringify(place)}`);

  await scrollTo('top');
  await page.waitForFunction(() => document.querySelector('.editor .gutter').textContent.startsWith('1\n2\n'));
  assert.match(await page.textContent('.editor .underlay'), /^model_provider = "OpenAI"\n# note 1\n/);
  await page.context().close();
});

/** Presses Tab until `selector` has the focus; fails after `limit` presses. */
async function tabTo(page, selector, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}

test('the Codex setup can be completed with the keyboard alone, the focus always visible', async () => {
  const page = await open('#client=codex&os=linux');
  await tabTo(page, '#key');
  await page.keyboard.type('sk-keyboard-0123456789');
  await tabTo(page, '#model');
  await page.keyboard.type('gpt-5.5');
  await tabTo(page, '.snippet[data-file="config.toml"] button.copy');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused control shows it');
  await page.keyboard.press('Enter');
  await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes('model = "gpt-5.5"'));
  await tabTo(page, '.snippet[data-file="auth.json"] button.copy');
  await page.keyboard.press('Enter');
  await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes('sk-keyboard-0123456789'));
  await page.context().close();
});

test('no serious or critical accessibility violation, in both languages and both themes', async () => {
  for (const lang of ['en', 'zh']) {
    for (const colorScheme of ['light', 'dark']) {
      const page = await open(`#lang=${lang}`, { colorScheme });
      await page.fill('#doctor-input', '[features]\nmodel_provider = "OpenAI"\n');
      await page.waitForSelector('#doctor-findings .finding');
      await page.selectOption('#symptom', 'not-found');
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, { resultTypes: ['violations'] });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(violations, [], `${lang}, ${colorScheme}`);
      await page.context().close();
    }
  }
});

test('at 320 px nothing scrolls sideways', async () => {
  const page = await open('#client=claude-code&os=windows', { viewport: { width: 320, height: 800 } });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow} px too wide`);
  await page.context().close();
});

// Issue 18 item 10: on a laptop the first file started 1.8 screens down. Side by side with
// the details and the client, it starts on the first screen, in both languages, and the
// chosen tab's label is not repeated as a heading under it.
test('on a 1280 × 720 screen the first file starts on the first screen, beside the fields', async () => {
  for (const lang of ['en', 'zh']) {
    const page = await open(`#lang=${lang}`, { viewport: { width: 1280, height: 720 } });
    const place = await page.evaluate(() => {
      const file = document.querySelector('[role="tabpanel"] .snippet').getBoundingClientRect();
      const key = document.getElementById('key').getBoundingClientRect();
      return { fileTop: file.top, fileLeft: file.left, keyRight: key.right };
    });
    assert.ok(place.fileTop < 720, `${lang}: the first file starts at ${place.fileTop} px`);
    assert.ok(place.fileLeft > place.keyRight, `${lang}: the files are beside the fields`);
    assert.equal(await page.locator('[role="tabpanel"] h3').count(), 0, `${lang}: no heading repeats the tab`);
    assert.ok(await page.isVisible('.install .snippet .copy'), `${lang}: the install commands are unfolded`);
    await page.context().close();
  }
});

// Issue 18 item 10 on a phone: the first file started 2.2 screens down, 1.9 with each choice in
// one row. The install commands start folded there (most visitors have the client already), so
// the choices are followed by the first file; unfolded, they are there to copy.
test('on a 390 × 844 phone the install commands start folded and the first file starts within 1.6 screens', async () => {
  for (const lang of ['en', 'zh']) {
    const page = await open(`#lang=${lang}`, { viewport: { width: 390, height: 844 } });
    const top = (selector) => page.evaluate((selector) => document.querySelector(selector).getBoundingClientRect().top + scrollY, selector);
    assert.ok((await top('#key')) < 844, `${lang}: the key field is on the first screen`);
    const fileTop = await top('[role="tabpanel"] .snippet');
    assert.ok(fileTop < 1.6 * 844, `${lang}: the first file starts at ${fileTop} px, ${(fileTop / 844).toFixed(2)} screens`);
    assert.equal(await page.isVisible('.install .snippet'), false, `${lang}: the install commands are folded`);
    await page.click('.install summary');
    await page.click('.install .snippet .copy');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.textContent('.install .snippet .content'));
    assert.ok((await top('[role="tabpanel"] .snippet')) > fileTop, `${lang}: unfolded, the commands come before the first file`);
    await page.context().close();
  }
});

test('at 390 px long lines wrap inside every code block, and Copy still copies exactly the snippet', async () => {
  const page = await open('#client=claude-code&os=linux', { viewport: { width: 390, height: 844 } });
  const key = `sk-4f9aQ2mZ${'x'.repeat(52)}`;
  await page.fill('#key', key);
  await page.fill('#model', 'claude-sonnet-4-5-20250929-with-a-long-suffix');
  // The install commands too: unfolded, they stay so from client to client.
  await page.click('.install summary');
  for (const client of ['claude-code', 'codex', 'openai-sdk', 'curl', 'gemini-cli', 'qwen-code', 'continue']) {
    if ((await page.locator(`input[name="client"][value="${client}"]`).count()) === 0) continue;
    await page.check(`input[name="client"][value="${client}"]`);
    const tabs = await page.$$eval('[role="tab"]', (buttons) => buttons.map((button) => button.dataset.section));
    for (const tab of tabs.length ? tabs : [null]) {
      if (tab) await page.click(`[role="tab"][data-section="${tab}"]`);
      const cut = await page.$$eval('pre:not(.underlay)', (blocks) =>
        blocks.filter((block) => block.offsetParent !== null && block.scrollWidth > block.clientWidth).map((block) => block.textContent.slice(0, 40)),
      );
      assert.deepEqual(cut, [], `${client} ${tab}: lines cut off`);
    }
  }
  await page.check('input[name="client"][value="claude-code"]');
  await page.click('[role="tab"][data-section="settings-file"]');
  const settings = '.snippet[data-file="settings.json"]';
  const shown = await page.textContent(`${settings} .content`);
  assert.equal(JSON.parse(shown).env.ANTHROPIC_AUTH_TOKEN, key);
  // The box holds the snippet and nothing else (no marker is text), and Copy copies it.
  assert.equal(await page.textContent(`${settings} pre`), shown);
  await page.click(`${settings} button.copy`);
  await page.waitForFunction(async (text) => (await navigator.clipboard.readText()) === text, shown);
  await page.context().close();
});

test('screenshots at 1280 and 390 px, light and dark, English and Chinese', async () => {
  for (const width of [1280, 390]) {
    for (const colorScheme of ['light', 'dark']) {
      for (const lang of ['en', 'zh']) {
        const page = await open(`#client=codex&os=macos&lang=${lang}`, { viewport: { width, height: 900 }, colorScheme });
        await page.fill('#key', 'sk-screenshot-0123456789 ');
        await page.fill('#model', 'gpt-5.5');
        await page.fill('#doctor-input', '[features]\ngoals = true\nmodel_provider = "OpenAI"\n');
        await page.waitForSelector('#doctor-findings .finding');
        const file = new URL(`onramp-${width}-${colorScheme}-${lang}.png`, ARTIFACTS);
        await page.screenshot({ path: file.pathname, fullPage: true });
        await page.context().close();
      }
    }
  }
});
