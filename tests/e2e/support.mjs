// What the end-to-end tests share: Debian's Chromium, started so that it makes no request of
// its own, and a recorder of every request a browser context makes.
import { chromium } from 'playwright-core';

// Requests made by service workers reach context.route() only with this (Chromium only).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

export const DIST = new URL('../../dist/', import.meta.url);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// Without the background-networking flags Chromium calls home, which the checks would see.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
// A guard against a hang, not a speed check: every wait in the tests is for an event.
export const HANG_GUARD = 120_000;

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Routes every request of `context` (pages, workers, service workers) through a recorder:
 * those for `origins` go on, any other is recorded in `foreign` and refused. */
export async function recordRequests(context, origins) {
  const all = [];
  const foreign = [];
  await context.route('**/*', (route) => {
    const request = route.request();
    all.push(request);
    const url = new URL(request.url());
    if (origins.includes(url.origin) || url.protocol === 'blob:' || url.protocol === 'data:') return route.continue();
    foreign.push(request.url());
    return route.abort();
  });
  context.on('page', (page) => page.on('websocket', (ws) => foreign.push(ws.url())));
  return { all, foreign };
}

/** Records every Content-Security-Policy violation a page or its frames report, and every
 * "Refused to …" console message (workers' violations show there). */
export async function recordViolations(context) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  const console = [];
  context.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) console.push(message.text());
  });
  return {
    async of(page) {
      const reported = [];
      for (const frame of page.frames()) reported.push(...(await frame.evaluate(() => window.__cspViolations ?? [])));
      return [...reported, ...console];
    },
  };
}

/** Waits for `page` to have mounted the app: the first generated file is shown. */
/** A selector for the page once the wasm has taken over, and its setup. */
export const LIVE = 'body > main';

export function appReady(page) {
  // The page's own setup, which the wasm mounts under <body>: not the first view rendered at
  // build time (inside #first-view), which shows before it and does not react.
  return page.waitForSelector(`${LIVE} .snippet[data-file="auth.json"] .content`, { timeout: HANG_GUARD });
}
