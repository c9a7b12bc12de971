// The browser half of `bench/run`: serves onramp's and the baseline's release builds from
// localhost, drives Debian's headless Chromium with playwright-core, and writes every raw
// measurement as JSON. Statistics, sizes and the table are bench/report.mjs's job.
//
//   node bench/page.mjs ONRAMP_DIST BASELINE_DIST OUT.json
//
// Every figure is taken inside the page with performance.now(), so the time Playwright needs to
// talk to the browser is never part of it. Progress goes to stderr.
import { chromium } from '../tests/node_modules/playwright-core/index.mjs';
import { serveDirectory } from '../tests/e2e/static-server.mjs';
import { createServer } from 'node:net';
import { cpus } from 'node:os';
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';

const [onrampDist, baselineDist, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error('usage: node bench/page.mjs ONRAMP_DIST BASELINE_DIST OUT.json');
  process.exit(2);
}

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** Rounds of fresh loads, one of each variant per round; issue 20 asks for at least 15. */
const ROUNDS = 20;
/** Edits of the key field. */
const KEYSTROKES = 200;
/** Runs of the doctor per input size (after its first answer). */
const DOCTOR_RUNS = { '100 KB': 15, '1 MB': 7 };

const log = (...parts) => console.error('[bench]', ...parts);

// What a user pastes into the doctor first: a Codex config.toml with a plain-http base URL.
const FIRST_PASTE = `model_provider = "OpenAI"
model = "gpt-5.5"

[model_providers.OpenAI]
name = "4096bytes"
base_url = "http://api.4096bytes.com"
wire_api = "responses"
`;

/**
 * A config.toml as people have them, grown to about `bytes`: the same text as
 * `realistic_config` in bench/doctor.rs (the native benchmark, when present), so the page and
 * native figures can be compared.
 */
function realisticConfig(bytes) {
  let text = '# Codex\nmodel_provider = "OpenAI"\nmodel = "gpt-5.5"\nreview_model = "gpt-5.5"\n\n'
    + '[model_providers.OpenAI]\nname = "4096bytes"\nbase_url = "https://api.4096bytes.com"\n'
    + 'wire_api = "responses"\nrequires_openai_auth = true\n\n[features]\nweb_search_request = true\n';
  for (let index = 0; text.length < bytes; index++) {
    text += `\n# server ${index}\n[mcp_servers.server${index}]\ncommand = "npx"\n`
      + `args = ["-y", "@example/server-${index}"]\nenv = { TOKEN_NAME = "EXAMPLE_${index}" }\n\n`
      + `[projects."/home/me/work/project-${index}"]\ntrust_level = "trusted"\n`;
  }
  return text;
}

/**
 * Many small TOML tables up to just under the doctor's 1 MiB limit: the first of
 * tests/support/inputs.rs's growing inputs at the size bench/doctor.rs times it.
 */
function manyTables(bytes) {
  let text = 'model_provider = "OpenAI"\n';
  for (let index = 0; text.length + 100 < bytes; index++) {
    text += `[t${index}] # table\nkey = "value \\"quoted\\""\nlist = [1, 2, 3]\n\n`;
  }
  return text;
}

const DOCTOR_INPUTS = {
  '100 KB': { text: realisticConfig(100 << 10), native: 'codex-config, realistic' },
  '1 MB': { text: manyTables((1 << 20) - 1024), native: 'input 0 (codex-config)' },
};

/**
 * Injected into every page and every dedicated worker before their own scripts run: keeps
 * every WebAssembly instance created there, by wrapping WebAssembly.instantiate and
 * instantiateStreaming (wasm-bindgen's loaders call one of them), and defines
 * `__benchWasmMemory()`, the linear memory of each in bytes (`exports.memory`).
 */
function captureWasmInstances() {
  const instances = [];
  globalThis.__benchWasmMemory = () => instances.map((instance) => instance.exports.memory?.buffer.byteLength ?? 0);
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = async function (...args) {
      const result = await original.apply(this, args);
      // Given a compiled module, instantiate resolves to the instance itself; otherwise to
      // { module, instance }.
      instances.push(result instanceof WebAssembly.Instance ? result : result.instance);
      return result;
    };
  }
}

/**
 * Injected into every dedicated worker with captureWasmInstances: times each answer inside the
 * worker, from the moment the worker's own message handler is called to the answer's
 * postMessage, and keeps `__benchAnswers`: the request's length in characters and that time. So
 * the figure is the doctor's work in its worker (reading the request, checking, writing the
 * answer), without the wait for the page's main thread, which receives the answer only once it
 * is free.
 *
 * It wraps the handler itself (the doctor's worker sets `onmessage`, src/worker.rs) rather than
 * adding a listener of its own: Chromium does not always hold a new worker until it is
 * instrumented, and a listener added after the worker's own would time the wrong request. A
 * handler set before this runs is wrapped where it is; one set later, as it is set.
 */
function timeWorkerAnswers() {
  const answers = [];
  globalThis.__benchAnswers = answers;
  let request;
  const timed = (handler) => function (event) {
    request = { chars: String(event.data).length, receivedAt: performance.now() };
    return handler.call(this, event);
  };
  let owner = globalThis;
  while (!Object.hasOwn(owner, 'onmessage')) owner = Object.getPrototypeOf(owner);
  const { get, set } = Object.getOwnPropertyDescriptor(owner, 'onmessage');
  const handlerSoFar = get.call(globalThis);
  Object.defineProperty(globalThis, 'onmessage', {
    configurable: true,
    get: () => get.call(globalThis),
    set: (handler) => set.call(globalThis, typeof handler === 'function' ? timed(handler) : handler),
  });
  if (handlerSoFar) globalThis.onmessage = handlerSoFar;
  const post = globalThis.postMessage.bind(globalThis);
  globalThis.postMessage = (message, ...rest) => {
    // The worker's first message says it listens; it answers no request.
    if (request) answers.push({ chars: request.chars, ms: performance.now() - request.receivedAt });
    request = undefined;
    return post(message, ...rest);
  };
}

/**
 * The pages, and how each is used: the field a visitor types into that feeds the snippet
 * (onramp's key; the baseline's only field, its model), and the selector for the page once its
 * wasm has rendered it (onramp's own view, not the first view rendered at build time:
 * tests/e2e/support.mjs, LIVE).
 */
const PAGES = {
  onramp: { field: '#key', ready: 'body > main .snippet .content' },
  baseline: { field: '#model', ready: '.snippet .content' },
  floor: { field: null, ready: '#first-view .snippet .content' },
};

/** The visits timed from navigation start, each against the baseline's plain load. */
const VARIANTS = {
  onramp: { site: 'onramp', path: '/' },
  deepLink: { site: 'onramp', path: '/#client=claude-code&lang=zh' },
  embed: { site: 'onramp', path: '/?embed=1' },
  baseline: { site: 'baseline', path: '/' },
  floor: { site: 'floor', path: '/' },
};

/** The pages whose files and memory are measured besides their start-up. */
const MEASURED_SITES = ['onramp', 'baseline'];

/**
 * The floor: onramp's own index.html with its scripts and their preloads taken out, so that
 * the first view rendered at build time shows from the HTML and CSS alone and nothing else
 * loads. No page that shows this view can paint it sooner; with no wasm, it is never
 * interactive.
 */
async function floorPage(dist) {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const withoutScripts = html
    .replace(/<script\b[^>]*>\s*<\/script>/g, '')
    .replace(/<link\b[^>]*\brel="?(?:modulepreload|preload)"?[^>]*>/g, '');
  if (withoutScripts.includes('<script') || !withoutScripts.includes('id="first-view"')) {
    throw new Error('the floor page: index.html still has a script, or has no first view');
  }
  return { '/': withoutScripts, '/index.html': withoutScripts };
}

/**
 * Injected into every page before its own scripts run (page.addInitScript), with `field`, the
 * page's field (PAGES), and for a timed load `key`, a key to type (else null). Keeps in
 * `window.__startUp`, in milliseconds from navigation start:
 * - `painted`: when the first frame showing a snippet's text was presented, by the browser's
 *   paint timing. The snippets' text carries `elementtiming="snippet"` (onramp's lines,
 *   src/web/snippet.rs; the baseline's <pre>; Chromium reports text at the block that lays it
 *   out, so the attribute is on the lines, not on `.content`), and the Element Timing API's
 *   first entry (`elementPainted`) is that frame's renderTime, if Chromium reports it: Chromium
 *   156 drops an entry whose element is removed before the frame's presentation time has
 *   reached the page, and the wasm replaces onramp's first view while it holds the main thread,
 *   so the first view's entries are lost on most loads and the first entry is then the wasm's
 *   own view's, later (largest-contentful-paint entries are lost the same way). The first
 *   contentful paint is bound to no element and is never lost: it is the snippet's frame when
 *   no contentful paint had been reported yet as a rAF loop first found a snippet displayed in
 *   the viewport (a snippet in the DOM but not displayed, like the first view js/boot.js hides
 *   until it knows it is the visitor's, is not painted). Onramp shows nothing outside its first
 *   view until the wasm takes over and the baseline mounts its field and snippet together, so
 *   that holds on every load here; `painted` is then the first contentful paint (`paintedBy`
 *   'fcp'), else the element entry ('element').
 * - `interactive`: when the key, typed into the field, shows in a snippet the visitor can see
 *   (in the DOM and displayed), or the first paint if that came later (what is not painted yet
 *   is not seen), and `interactiveFrame`, the next animation frame after it. At every animation
 *   frame from the first, the key is put into the field with an `input` event, as typing does,
 *   whenever the field exists and holds anything else, and the displayed `.snippet .content`s
 *   are searched for it, both before the frame's own style and layout (see below). In onramp's
 *   first view rendered at build time, js/boot.js writes a plain key into the snippets at once,
 *   and the wasm carries it over when it takes over (src/web/mod.rs); in the baseline, it shows
 *   once its field exists and was filled in.
 * - `takenOver`: when the page's own view (`ready`, PAGES), rendered by its wasm, is first in
 *   the DOM: from then on every control works.
 */
function timeStartUp(field, ready, key) {
  const startUp = {};
  window.__startUp = startUp;
  let firstContentfulPaintIsSnippet;
  const settle = () => {
    const firstContentfulPaint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    if (firstContentfulPaint === undefined || firstContentfulPaintIsSnippet === undefined) return;
    // No element is painted before the first contentful paint.
    if (firstContentfulPaintIsSnippet) Object.assign(startUp, { painted: firstContentfulPaint, paintedBy: 'fcp' });
    else if (startUp.elementPainted !== undefined) Object.assign(startUp, { painted: startUp.elementPainted, paintedBy: 'element' });
  };
  new PerformanceObserver((list, observer) => {
    const [entry] = list.getEntries().filter((candidate) => candidate.identifier === 'snippet');
    if (!entry) return;
    startUp.elementPainted = entry.renderTime || entry.loadTime;
    observer.disconnect();
    settle();
  }).observe({ type: 'element', buffered: true });
  new PerformanceObserver(settle).observe({ type: 'paint', buffered: true });
  const snippetShown = () => [...document.querySelectorAll('[elementtiming="snippet"]')].some((text) => {
    if (!text.checkVisibility()) return false;
    const { top, bottom, height } = text.getBoundingClientRect();
    return height > 0 && top < innerHeight && bottom > 0;
  });
  requestAnimationFrame(function watch() {
    if (!snippetShown()) {
      requestAnimationFrame(watch);
      return;
    }
    firstContentfulPaintIsSnippet = performance.getEntriesByName('first-contentful-paint').length === 0;
    settle();
  });
  if (key === null) return;
  const shown = () => [...document.querySelectorAll('.snippet .content')]
    .some((content) => content.textContent.includes(key) && content.checkVisibility());
  new MutationObserver((_, observer) => {
    if (!document.querySelector(ready)) return;
    startUp.takenOver = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
  // Typed and looked for at each animation frame, before the frame's own style and layout:
  // a value set or a visibility asked for between frames would force a style and layout of
  // their own (before the stylesheet has arrived, or in the middle of the wasm's mount), which
  // no visitor's typing causes and which slowed the timed pages by up to 180 ms.
  requestAnimationFrame(function type() {
    if (shown()) {
      startUp.keyShown = performance.now();
      requestAnimationFrame(() => {
        startUp.keyShownFrame = performance.now();
      });
      return;
    }
    const input = document.querySelector(field);
    if (input && input.value !== key) {
      input.value = key;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    requestAnimationFrame(type);
  });
}

/**
 * Injected into every page before its own scripts run (page.addInitScript), after
 * captureWasmInstances and timeStartUp. Keeps its findings in `window.__bench`:
 * - until(done): resolves when done() holds after a DOM change, with two times: `updatedAt`,
 *   after forcing the style and layout the change needs (so they count, as they would before
 *   any paint), and `frameAt`, in the next requestAnimationFrame callback. Headless Chromium
 *   draws at 60 Hz, so `frameAt` adds 0 to 16.7 ms of waiting for the frame to the work itself.
 */
function instrumentPage() {
  const bench = {};
  window.__bench = bench;

  bench.until = (done) => new Promise((resolveChange) => {
    const finish = () => {
      document.documentElement.getBoundingClientRect();
      const updatedAt = performance.now();
      requestAnimationFrame(() => resolveChange({ updatedAt, frameAt: performance.now() }));
    };
    if (done()) {
      finish();
      return;
    }
    const observer = new MutationObserver(() => {
      if (done()) {
        observer.disconnect();
        finish();
      }
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  });

  // The doctor has answered once it shows a summary or a finding. A doctor that answers
  // asynchronously (in a worker) and shows a summary while it works is expected to mark it
  // aria-busy="true" until the answer is in.
  bench.doctorAnswered = () => {
    const summary = document.querySelector('#doctor-summary');
    const findings = document.querySelector('#doctor-findings');
    const busy = [summary, findings].some((element) => element?.closest('[aria-busy="true"]'));
    return !busy && (Boolean(summary?.textContent.trim()) || findings?.querySelector('li') != null);
  };
  bench.doctorCleared = () => !document.querySelector('#doctor-summary')
    && !document.querySelector('#doctor-findings li');
}

/**
 * A TCP listener used as Chromium's proxy for everything but 127.0.0.1: a request for anywhere
 * else reaches it, is recorded, and is refused, so nothing leaves the machine.
 */
async function startTrap() {
  const seen = {};
  const trap = createServer((socket) => {
    // The first line names the host: `CONNECT host:443 HTTP/1.1` or `GET http://host/… HTTP/1.1`.
    socket.once('data', (data) => {
      const target = data.toString('latin1').split(' ')[1] ?? '';
      const host = target.includes('://') ? new URL(target).host : target;
      seen[host] = (seen[host] ?? 0) + 1;
    });
    socket.on('error', () => {});
    socket.end();
  });
  await new Promise((ready) => trap.listen(0, '127.0.0.1', ready));
  return { port: trap.address().port, seen, close: () => new Promise((done) => trap.close(done)) };
}

/**
 * The share of all cores busy during one second, from the kernel's counters. Taken while this
 * script is idle, it is what other processes use: the machine is shared, and its timings are
 * only as steady as it is quiet.
 */
async function busyShare() {
  const totals = () => cpus().reduce((sum, { times }) => {
    const all = times.user + times.nice + times.sys + times.irq + times.idle;
    return { all: sum.all + all, idle: sum.idle + times.idle };
  }, { all: 0, idle: 0 });
  const before = totals();
  await new Promise((wait) => setTimeout(wait, 1000));
  const after = totals();
  return 1 - (after.idle - before.idle) / (after.all - before.all);
}

const trap = await startTrap();
const sites = {
  onramp: await serveDirectory(pathToFileURL(resolve(onrampDist) + '/')),
  baseline: await serveDirectory(pathToFileURL(resolve(baselineDist) + '/')),
  floor: await serveDirectory(pathToFileURL(resolve(onrampDist) + '/'), { files: await floorPage(resolve(onrampDist)) }),
};
const origins = new Set(Object.values(sites).map((site) => site.origin));
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--proxy-server=http://127.0.0.1:${trap.port}`, '--proxy-bypass-list=127.0.0.1',
    // Exact (not bucketed) performance.memory figures, and gc() to read live data only.
    '--enable-precise-memory-info', '--js-flags=--expose-gc',
  ],
});
log(`Chromium ${browser.version()}`);

/** Requests from pages that are not for the two local servers: the run fails if any. */
const foreignRequests = [];

/**
 * Instruments the dedicated workers a page starts, which page.addInitScript does not reach:
 * Chromium's auto-attach (Target.setAutoAttach, waitForDebuggerOnStart) is meant to hold each
 * new worker before its first line runs (it does not always: see timeWorkerAnswers);
 * captureWasmInstances and timeWorkerAnswers are evaluated in it, then it is released. Returns
 * a function evaluating an expression in every worker started so far, with the value of each.
 */
async function instrumentWorkers(context, page) {
  const cdp = await context.newCDPSession(page);
  const workers = [];
  const replies = new Map();
  let lastId = 0;
  // Commands to a worker travel inside Target.sendMessageToTarget; the answers come back as
  // Target.receivedMessageFromTarget events carrying the command's id.
  const call = (sessionId, method, params) => {
    const id = ++lastId;
    const reply = new Promise((resolveReply) => replies.set(id, resolveReply));
    // A worker (or its page) may be gone by the time the command is sent: no answer then.
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
      .catch(() => {
        replies.get(id)?.(null);
        replies.delete(id);
      });
    return reply;
  };
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const { id, result } = JSON.parse(message);
    replies.get(id)?.(result);
    replies.delete(id);
  });
  cdp.on('Target.attachedToTarget', async ({ sessionId, targetInfo }) => {
    if (targetInfo.type === 'worker') {
      workers.push(sessionId);
      await call(sessionId, 'Runtime.evaluate', {
        expression: `(${captureWasmInstances})(); (${timeWorkerAnswers})();`,
      });
    }
    await call(sessionId, 'Runtime.runIfWaitingForDebugger', {});
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  return async (expression) => {
    const values = await Promise.all(workers.map((sessionId) => call(sessionId, 'Runtime.evaluate', {
      expression, returnByValue: true,
    })));
    return values.map((value) => value?.result?.value ?? []);
  };
}

/**
 * A fresh context (empty cache, no state) with the instrumentation, whose requests are
 * recorded, on `site`'s page (PAGES) at `path`. With `key`, a timed load (timeStartUp): it
 * resolves once the key typed shows in a snippet; else once the page's wasm has rendered it.
 * With `workers`, its dedicated workers are instrumented too (not for the timed loads:
 * holding a worker at its start would delay it).
 */
async function freshPage(site, { path = '/', key: keyToType = null, workers = false } = {}) {
  // A page with no field to type into (the floor) is timed until painted only.
  const key = PAGES[site].field === null ? null : keyToType;
  const context = await browser.newContext();
  await context.addInitScript({
    content: `(${captureWasmInstances})(); (${timeStartUp})(${JSON.stringify(PAGES[site].field)}, ${JSON.stringify(PAGES[site].ready)}, ${JSON.stringify(key)}); (${instrumentPage})();`,
  });
  const requests = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (!origins.has(url.origin)) {
      foreignRequests.push(url.href);
      return;
    }
    // The service worker's copies of the build, for offline use, are not what the page
    // needs to show itself; they load at the same time.
    if (request.serviceWorker()) return;
    requests.push({ path: url.pathname, request });
  });
  const page = await context.newPage();
  const inWorkers = workers ? await instrumentWorkers(context, page) : async () => [];
  await page.goto(sites[site].origin + path);
  if (PAGES[site].field === null) await page.waitForFunction(() => window.__startUp.painted !== undefined);
  else if (key === null) await page.waitForSelector(PAGES[site].ready);
  else {
    await page.waitForFunction(() => ['painted', 'keyShownFrame', 'takenOver'].every((figure) => window.__startUp[figure] !== undefined))
      .catch((error) => {
        throw new Error(`${site} ${path}: no snippet painted, or the key typed never showed in one`, { cause: error });
      });
  }
  // With where onramp's start-up time goes: js/boot.js's marks.
  const startUp = await page.evaluate(() => ({
    ...window.__startUp,
    // Not seen before it is painted (timeStartUp).
    ...window.__startUp.keyShown !== undefined && {
      interactive: Math.max(window.__startUp.keyShown, window.__startUp.painted),
      interactiveFrame: Math.max(window.__startUp.keyShownFrame, window.__startUp.painted),
    },
    marks: Object.fromEntries(performance.getEntriesByType('mark')
      .filter((mark) => mark.name.startsWith('onramp:'))
      .map((mark) => [mark.name.slice('onramp:'.length), mark.startTime])),
    timeOrigin: performance.timeOrigin,
  }));
  return { context, page, requests, startUp, inWorkers };
}

/** Resolves once no request has started for `quietMs`. */
async function networkQuiet(requests, quietMs = 500) {
  let count = -1;
  while (count !== requests.length) {
    count = requests.length;
    await new Promise((wait) => setTimeout(wait, quietMs));
  }
}

/** The paths fetched, in order, by the requests that started in [from, to) (epoch ms). */
function pathsBetween(requests, from, to) {
  return requests
    .filter(({ request }) => {
      const startedAt = request.timing().startTime;
      return startedAt >= from && startedAt < to;
    })
    .map(({ path }) => path);
}

/**
 * The start-up (timeStartUp): fresh loads of every variant (VARIANTS), ROUNDS rounds of one
 * each, the order turned by one in each round so that no variant always follows another; one
 * warm-up round first, not counted, whose plain loads of onramp and the baseline give the files
 * each page fetched until the key typed showed (its first load).
 */
async function measureStartUp() {
  const names = Object.keys(VARIANTS);
  const loads = Object.fromEntries(names.map((name) => [name, []]));
  const fetched = {};
  for (let round = -1; round < ROUNDS; round++) {
    const turn = ((round % names.length) + names.length) % names.length;
    for (const name of [...names.slice(turn), ...names.slice(0, turn)]) {
      const { site, path } = VARIANTS[name];
      const { context, requests, startUp } = await freshPage(site, { path, key: `sk-bench-${round + 1}-${name}` });
      if (round === -1) {
        if (path === '/') fetched[site] = pathsBetween(requests, 0, startUp.timeOrigin + startUp.takenOver);
      } else {
        loads[name].push(startUp);
      }
      await context.close();
    }
    if (round >= 0) {
      const figures = names.map((name) => {
        const { painted, interactive } = loads[name].at(-1);
        return `${name} ${painted.toFixed(0)}/${interactive?.toFixed(0) ?? '-'}`;
      });
      log(`round ${round + 1}/${ROUNDS}, painted/interactive ms: ${figures.join(', ')}`);
    }
  }
  return { loads, fetched };
}

/**
 * Keystroke to updated snippets: the key is typed character by character, four times over
 * (each round replaces the whole key, like select-all and typing), and each edit is timed from
 * its input event until auth.json shows exactly the new key.
 */
async function measureKeystrokes(page) {
  return page.evaluate(async (edits) => {
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    const input = document.querySelector('#key');
    const authJson = () => document.querySelector('.snippet[data-file="auth.json"] .content')?.textContent ?? '';
    const roundLength = Math.ceil(edits / 4);
    const times = [];
    let key = '';
    for (let edit = 0; edit < edits; edit++) {
      key = edit % roundLength === 0 ? 'sk' : key + alphabet[(edit * 7) % alphabet.length];
      const expected = `"${key}"`;
      const shown = window.__bench.until(() => authJson().includes(expected));
      const startedAt = performance.now();
      input.value = key;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const { updatedAt, frameAt } = await shown;
      times.push({ updated: updatedAt - startedAt, frame: frameAt - startedAt });
    }
    return times;
  }, KEYSTROKES);
}

/**
 * Sets the doctor's text as a paste does (one input event) and times it until the answer. The
 * text area's own layout of the new text (over 100 ms for 100 KB here, paid with or without a
 * doctor) is forced before the clock starts, so the figure is the doctor's: its check, its
 * DOM updates, and the style and layout they cause.
 */
async function timeDoctor(page, text) {
  return page.evaluate(async (text) => {
    const bench = window.__bench;
    const input = document.querySelector('#doctor-input');
    const cleared = bench.until(bench.doctorCleared);
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await cleared;
    input.value = text;
    document.documentElement.getBoundingClientRect();
    const answered = bench.until(bench.doctorAnswered);
    const startedAt = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const { updatedAt, frameAt } = await answered;
    return { updated: updatedAt - startedAt, frame: frameAt - startedAt };
  }, text);
}

/**
 * The doctor: its first answer on a loaded page (pasted with Playwright's fill, timed in the page
 * from the input event), the files fetched meanwhile (a lazily loaded doctor module), then
 * repeated runs on the larger inputs, each also timed inside the worker (timeWorkerAnswers).
 */
async function measureDoctor(page, requests, inWorkers) {
  await page.evaluate(() => {
    const bench = window.__bench;
    bench.firstAnswer = new Promise((resolveAnswer) => {
      document.querySelector('#doctor-input').addEventListener('input', () => {
        const startedAt = performance.now();
        bench.until(bench.doctorAnswered).then(({ updatedAt, frameAt }) => {
          resolveAnswer({ updated: updatedAt - startedAt, frame: frameAt - startedAt, startedAt });
        });
      }, { capture: true, once: true });
    });
  });
  const before = requests.length;
  await page.fill('#doctor-input', FIRST_PASTE);
  const first = await page.evaluate(() => window.__bench.firstAnswer);
  await networkQuiet(requests);
  // The doctor's module: fetched on this first paste, or already when the browser was idle
  // after the setup showed (its files are named for it either way).
  const fetched = [...new Set(requests.map(({ path }) => path)
    .filter((path, index) => index >= before || path.includes('onramp-doctor')))];
  log(`doctor, first answer: ${first.updated.toFixed(1)} ms${fetched.length ? `, fetched ${fetched.join(' ')}` : ''}`);

  const runs = {};
  for (const [size, { text, native }] of Object.entries(DOCTOR_INPUTS)) {
    runs[size] = { bytes: text.length, native, times: [] };
    for (let run = 0; run < DOCTOR_RUNS[size]; run++) {
      const time = await timeDoctor(page, text);
      // The page sends its latest text only, after the answer before it: the last answer is
      // this text's (the request holds the text and the relay's profile).
      const answer = (await inWorkers('__benchAnswers')).flat().at(-1);
      // The worker's part lies within the page's: a longer one was paired with the wrong answer.
      const workerMs = answer?.chars >= text.length && answer.ms <= time.updated ? answer.ms : null;
      runs[size].times.push({ ...time, worker: workerMs });
    }
    const list = (key) => runs[size].times.map((time) => time[key]?.toFixed(1) ?? '–').join(', ');
    log(`doctor, ${size}: ${list('updated')} ms in the page, ${list('worker')} ms in the worker`);
  }
  return { first, fetched, runs };
}

/**
 * Linear memory of each wasm instance of the page and of its workers, and the page's live JS
 * heap after a full GC.
 */
async function readMemory({ page, inWorkers }) {
  const pageMemory = await page.evaluate(() => {
    window.gc();
    return { wasmBytes: window.__benchWasmMemory(), jsHeapBytes: performance.memory.usedJSHeapSize };
  });
  return { ...pageMemory, workerWasmBytes: (await inWorkers('__benchWasmMemory()')).flat() };
}

/**
 * A user's whole session on onramp: a key and a model typed, every client on every system with
 * every shell it offers, then the doctor used (a broken file pasted, fixed, and merged).
 */
async function scriptedSession(page) {
  await page.type('#key', 'sk-session-0123456789abcdefghijklmnopqrstuvwxyz');
  await page.type('#model', 'gpt-5.5');
  const valuesOf = (name) => page.$$eval(`input[name="${name}"]`, (inputs) => inputs.map((input) => input.value));
  for (const client of await valuesOf('client')) {
    await page.check(`input[name="client"][value="${client}"]`);
    for (const os of await valuesOf('os')) {
      await page.check(`input[name="os"][value="${os}"]`);
      for (const shell of await valuesOf('shell')) {
        await page.check(`input[name="shell"][value="${shell}"]`);
      }
    }
  }
  await page.fill('#doctor-input', FIRST_PASTE);
  await page.waitForFunction(() => window.__bench.doctorAnswered());
  if (await page.isVisible('button.fix-all')) await page.click('button.fix-all');
  if (await page.isVisible('button.merge')) await page.click('button.merge');
}

const results = { chromium: browser.version(), sites: {}, busyShare: {} };
try {
  results.busyShare.before = await busyShare();
  log(`CPU busy with other work before measuring: ${Math.round(results.busyShare.before * 100)} %`);
  log(`${ROUNDS} rounds of fresh loads, one of each of ${Object.keys(VARIANTS).join(', ')}`);
  const { loads, fetched } = await measureStartUp();
  results.startUp = loads;
  for (const name of MEASURED_SITES) results.sites[name] = { firstLoadFiles: fetched[name] };

  for (const name of MEASURED_SITES) {
    const loaded = await freshPage(name, { workers: true });
    results.sites[name].memoryAfterLoad = await readMemory(loaded);
    await loaded.context.close();
  }

  log(`${KEYSTROKES} edits of the key`);
  {
    // Its worker is held at its start until instrumented: the doctor's module starts when the
    // browser is idle after the setup showed, before the first paste.
    const { context, page, requests, inWorkers } = await freshPage('onramp', { workers: true });
    results.sites.onramp.keystroke = await measureKeystrokes(page);
    const doctor = await measureDoctor(page, requests, inWorkers);
    results.sites.onramp.doctorFirstAnswer = doctor.first;
    results.sites.onramp.doctorModuleFiles = doctor.fetched;
    results.sites.onramp.doctorRuns = doctor.runs;
    await context.close();
  }

  log('scripted session, then memory');
  {
    const session = await freshPage('onramp', { workers: true });
    await scriptedSession(session.page);
    results.sites.onramp.memoryAfterSession = await readMemory(session);
    await session.context.close();
  }
} finally {
  await browser.close();
  await Promise.all(Object.values(sites).map((site) => site.close()));
  await trap.close();
}
results.busyShare.after = await busyShare();
log(`CPU busy with other work after measuring: ${Math.round(results.busyShare.after * 100)} %`);

// Chromium's own calls home (its update service, autofill) end at the trap too: requests per
// host, none of them the pages'.
results.stoppedAtProxy = trap.seen;
await writeFile(outPath, JSON.stringify(results, null, 2));
if (foreignRequests.length > 0) {
  console.error(`error: the pages asked for something other than their own files: ${foreignRequests.join(', ')}`);
  process.exit(1);
}
