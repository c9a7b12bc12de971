// Starts the page. It is a file, not the inline <script> Trunk would write, so that the page's
// Content-Security-Policy allows scripts from 'self' only, with no hash that changes with
// every build (see README, "Privacy"). Trunk writes the hashed names of the page's module
// into <meta name="onramp-main"> (Trunk.toml, pattern_script).
const main = document.querySelector('meta[name="onramp-main"]').dataset;

// After a panic the wasm is dead, so the crash banner's button (src/web/browser.rs) is
// answered here, from the first moment on.
document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('[data-onramp-reload]')) location.reload();
});
const query = new URLSearchParams(location.search);

// A host's theme (?theme=light|dark: a frame that matches its help center, whatever the
// visitor's system says), set before the first paint: index.html makes this script block
// rendering until it has run. The page (src/web/app.rs, view::host_theme) starts from it.
const hostTheme = query.get('theme');
if (hostTheme === 'light' || hostTheme === 'dark') document.documentElement.dataset.theme = hostTheme;

// An operator's profile.json next to index.html, fetched while the wasm loads. The page
// (src/web/mod.rs) reads this promise: text, or null when there is none (a 404).
window.onrampProfile = fetch('./profile.json', { cache: 'no-cache' })
  .then((response) => (response.ok ? response.text() : null))
  .catch(() => null);

// Embedded (?embed=1): only the tool, on the host's background (style/main.css, html.embed).
if (query.get('embed') === '1') {
  document.documentElement.classList.add('embed');
  reportHeight(query.get('parent'));
}

const { default: init } = await import(main.js);
await init({ module_or_path: main.wasm });

// Offline after one visit: the service worker next to this page (js/sw.js) keeps the build.
// Service workers need http(s); a page opened from a file has none.
if ((location.protocol === 'https:' || location.protocol === 'http:') && navigator.serviceWorker) {
  navigator.serviceWorker.register('./sw.js').catch(() => {});
}

// Tells the embedding page the height of the content, in CSS pixels, whenever it changes,
// and only if `parent` is exactly an origin (scheme://host[:port], as the browser writes
// it): the browser then delivers the message to that origin only. The page listens to no
// message from outside: nothing it could receive is acted on.
function reportHeight(parent) {
  let origin;
  try {
    origin = new URL(parent).origin;
  } catch {
    return;
  }
  if (origin !== parent || !/^https?:$/.test(new URL(parent).protocol) || window.parent === window) return;
  let last = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'onramp:height', height }, origin);
  }).observe(document.body);
}
