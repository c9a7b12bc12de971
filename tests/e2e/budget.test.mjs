// Size budgets, read off the release build that scripts/test has just made (it builds nothing):
// what the browser needs before the first snippet is painted (the HTML with its first view
// rendered at build time, the CSS and the script that blocks rendering: issue 20's 40 KB),
// what the page fetches until its wasm has taken over, and the doctor's module with its glue,
// each file compressed with gzip -9 as a server would send it.
//
// The page's and the doctor's limits are the sizes of the build of 2026-12-02 (321,877 and
// 209,662 bytes: the operator's page of issue 22, the copy-artifact and key-source rules of
// issue 19, the merge and doctor fixes of issue 18, the takeover of the first view of issue 20)
// and about 2 % more, so that growth fails here and not later in a help center. The doctor's
// limit was set anew on 2026-12-03, when it learnt two more kinds of files (issue 21's
// opencode-config and continue-config, +21.8 KB of checkers): 234,407 bytes and 2 % more. Since issue 20
// the page's limit counts its module only (its JS and wasm): the HTML, CSS and js/boot.js come
// before the first paint and have their own 40 KB, the HTML holding the first view rendered at
// build time. Issue 9's budgets for the module and the doctor (150 KB and 130 KB) are not met
// yet: the test prints how far each size is from them (README, "Sizes").
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { serveDirectory } from './static-server.mjs';
import { DIST, HANG_GUARD, appReady, launch } from './support.mjs';
import { watchFirstSnippet } from './first-snippet.mjs';

const LIMITS = { firstPaint: 40_000, pageModule: 328_000, doctor: 239_000 };
const ISSUE_BUDGET = { firstPaint: 40_000, pageModule: 150_000, doctor: 130_000 };

const cleanup = [];
after(async () => {
  for (const step of cleanup.reverse()) await step();
});

/** `gzip -9` sizes (GNU gzip, as bench/run measures; zlib's level 9 differs) of the build's
 * files at `paths`. A path the build has not, like the profile a plain build lacks, costs
 * nothing here. */
async function gzipSizes(paths) {
  const sizes = {};
  for (const path of new Set(paths)) {
    const file = new URL(`.${path === '/' ? '/index.html' : path}`, DIST);
    const bytes = await readFile(file).catch(() => null);
    if (bytes) sizes[path] = execFileSync('gzip', ['-9', '-c'], { input: bytes, maxBuffer: 1 << 26 }).length;
  }
  return sizes;
}

const total = (sizes) => Object.values(sizes).reduce((sum, size) => sum + size, 0);

/** A fresh visit: the paths the page had fetched when its first snippet showed, and those its
 * doctor's worker fetched, which starts once the page is idle. */
async function visit() {
  const server = await serveDirectory(DIST);
  const browser = await launch();
  cleanup.push(() => server.close(), () => browser.close());
  const context = await browser.newContext();
  await context.addInitScript({ content: `(${watchFirstSnippet})();` });
  // The service worker fetches the whole build for offline use; what counts is what the page
  // and its worker ask for.
  const ownResponse = (pattern) => (response) => !response.request().serviceWorker() && pattern.test(response.url());
  const doctorLoaded = context.waitForEvent('response', { predicate: ownResponse(/onramp-doctor_bg\.wasm$/), timeout: HANG_GUARD });
  const doctor = [];
  context.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (!request.serviceWorker() && path.includes('onramp-doctor')) doctor.push(path);
  });
  const page = await context.newPage();
  await page.goto(server.origin + '/');
  const firstSnippet = await page
    .waitForFunction(() => window.__firstSnippet?.fetched, null, { timeout: HANG_GUARD })
    .then((handle) => handle.jsonValue());
  await appReady(page);
  const firstLoad = await page.evaluate(() => [
    location.pathname,
    ...performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
  ]);
  await (await doctorLoaded).finished();
  return { firstSnippet, firstLoad: firstLoad.filter((path) => !path.includes('onramp-doctor')), doctor };
}

/** What the browser needs before it paints the first snippet, read off index.html: the page,
 * its stylesheets and the scripts that block rendering (js/boot.js). */
async function firstPaintPaths() {
  const html = await readFile(new URL('index.html', DIST), 'utf8');
  const tags = html.match(/<(link|script)\b[^>]*>/g) ?? [];
  const url = (tag, name) => tag.match(new RegExp(`\\s${name}="?\\.?([^"\\s>]+)`))?.[1];
  const paths = tags.flatMap((tag) => {
    if (/rel="?stylesheet/.test(tag)) return [url(tag, 'href')];
    if (tag.startsWith('<script') && /blocking="?render/.test(tag)) return [url(tag, 'src')];
    return [];
  });
  return ['/', ...paths];
}

test('the first paint, the first load and the doctor module stay within their size limits', async () => {
  const fetched = await visit();
  const firstPaint = await gzipSizes(await firstPaintPaths());
  const firstLoad = await gzipSizes(fetched.firstLoad);
  const pageModule = Object.fromEntries(Object.entries(firstLoad).filter(([path]) => /^\/onramp-[0-9a-f]+(_bg\.wasm|\.js)$/.test(path)));
  const doctor = await gzipSizes(fetched.doctor);
  console.log(`until the wasm took over: ${total(firstLoad)} B gzip -9`, firstLoad);
  for (const [name, sizes] of Object.entries({ firstPaint, pageModule, doctor })) {
    console.log(`${name}: ${total(sizes)} B gzip -9 (limit ${LIMITS[name]}, issue 9's budget ${ISSUE_BUDGET[name]})`, sizes);
  }
  // What was measured is what the budget means: the page's own module and its wasm before the
  // first snippet, the doctor's three files (loader, glue, wasm) only after it.
  assert.ok(Object.keys(firstLoad).some((p) => /^\/onramp-[0-9a-f]+_bg\.wasm$/.test(p)), fetched.firstLoad.join(' '));
  assert.deepEqual(Object.keys(doctor).map((p) => p.replace(/^\//, '')).sort(),
    ['onramp-doctor.js', 'onramp-doctor_bg.wasm', 'onramp-doctor_loader.js']);
  // The first snippet is in the page before any wasm was fetched: it came with the HTML.
  assert.ok(!fetched.firstSnippet.some((p) => p.endsWith('.wasm')), fetched.firstSnippet.join(' '));
  assert.deepEqual(Object.keys(firstPaint).length, 3, `the page, its stylesheet and js/boot.js: ${Object.keys(firstPaint)}`);
  assert.ok(total(firstPaint) <= LIMITS.firstPaint, `first paint ${total(firstPaint)} B > ${LIMITS.firstPaint} B`);
  assert.equal(Object.keys(pageModule).length, 2, `the page's JS and wasm: ${Object.keys(firstLoad)}`);
  assert.ok(total(pageModule) <= LIMITS.pageModule, `page module ${total(pageModule)} B > ${LIMITS.pageModule} B`);
  assert.ok(total(doctor) <= LIMITS.doctor, `doctor module ${total(doctor)} B > ${LIMITS.doctor} B`);
});
