// Starts the page. It is a file, not the inline <script> Trunk would write, so that the page's
// Content-Security-Policy allows scripts from 'self' only, with no hash that changes with
// every build (see README, "Privacy"). Trunk writes the hashed names of the page's module
// into <meta name="onramp-main"> (Trunk.toml, pattern_script).
// The performance.mark()s say where the start-up time goes (bench/page.mjs reads them).
performance.mark('onramp:boot');
const main = document.querySelector('meta[name="onramp-main"]').dataset;

// After a panic the wasm is dead, so the crash banner's button (src/web/browser.rs) is
// answered here, from the first moment on.
document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('[data-onramp-reload]')) location.reload();
});
const query = new URLSearchParams(location.search);

// A host's theme (?theme=light|dark: a frame that matches its help center, whatever the
// visitor's system says), set before the first paint: index.html makes this script block
// rendering until it has run. The page (src/web/masthead.rs, view::host_theme) starts from it.
// The visitor's own pick, remembered, is set as early: the page (src/web/masthead.rs) starts from
// the same.
const hostTheme = query.get('theme');
const rememberedTheme = remembered('theme');
if (hostTheme === 'light' || hostTheme === 'dark') document.documentElement.dataset.theme = hostTheme;
else if (rememberedTheme === 'light' || rememberedTheme === 'dark') document.documentElement.dataset.theme = rememberedTheme;

// An operator's profile.json next to index.html, fetched while the wasm loads. The page
// (src/web/mod.rs) reads this promise: text, or null when there is none (a 404).
window.onrampProfile = fetch('./profile.json', { cache: 'no-cache' })
  .then((response) => (response.ok ? response.text() : null))
  .catch(() => null)
  .finally(() => performance.mark('onramp:profile'));

// The first view, rendered at build time into the page (src/first_view.rs), shows from the
// first paint only where the wasm will show the same view; else it stays hidden and the page
// waits for the wasm as it would without it. Its Copy buttons work at once; its other controls
// wait for the wasm, which takes over what was typed and picked in it (src/web/mod.rs).
// `firstViewShows` resolves to whether it shows.
const firstView = document.getElementById('first-view');
let firstViewShows = Promise.resolve(false);
if (firstView) {
  document.documentElement.classList.add('first-view-hidden');
  if (showsTheVisitorsView(firstView.dataset)) {
    firstViewShows = window.onrampProfile.then((text) => {
      const rendered = firstView.dataset.profile;
      const same = text === null ? rendered === '' : digest(text) === rendered;
      if (same) document.documentElement.classList.remove('first-view-hidden');
      return same;
    });
  }
  for (const control of firstView.querySelectorAll('button:not(.copy), select, textarea')) control.disabled = true;
  // The install commands are folded where the stylesheet says (on a phone: style/main.css,
  // `--install`), as the page folds them (src/web/browser.rs).
  const install = firstView.querySelector('details.install');
  if (install && getComputedStyle(document.documentElement).getPropertyValue('--install').trim() === 'folded') install.open = false;
  firstView.addEventListener('click', copySnippet);
  const { keyPlaceholder, keyCharacters } = firstView.dataset;
  if (keyPlaceholder) fillInTheKey(firstView, keyPlaceholder, keyCharacters);
}

// Embedded (?embed=1): only the tool, on the host's background (style/main.css, html.embed).
if (query.get('embed') === '1') {
  document.documentElement.classList.add('embed');
  reportHeight(query.get('parent'));
}

// The page's wasm is compiled from the start, while the first view is laid out and painted:
// a streamed module compiles on the browser's own threads, not on the main thread, which
// paints. Only instantiating and starting it (start()) holds the main thread, so where the
// first view shows, that waits until it has had a frame to paint in; where it stays hidden
// there is nothing to paint, and the wasm starts at once (it waits for profile.json itself:
// src/web/mod.rs). The fetch is answered by Trunk's <link rel="preload"> of the same file.
// Where the server does not send the wasm as application/wasm, which streamed compiling
// needs, the glue fetches it itself. A tab or frame out of sight gets no frames: there a
// timer starts it.
const compiledWasm = WebAssembly.compileStreaming(fetch(main.wasm)).catch(() => main.wasm);
const glue = import(main.js);
firstViewShows.then((shows) => {
  if (!shows) {
    start();
    return;
  }
  let started = false;
  const once = () => started || ((started = true), start());
  requestAnimationFrame(() => setTimeout(once));
  setTimeout(once, 100);
});

async function start() {
  performance.mark('onramp:wasm-start');
  const [{ default: init }, wasm] = await Promise.all([glue, compiledWasm]);
  await init({ module_or_path: wasm });
  performance.mark('onramp:started');
  // Offline after one visit: the service worker next to this page (js/sw.js) keeps the build.
  // Service workers need http(s); a page opened from a file has none.
  if ((location.protocol === 'https:' || location.protocol === 'http:') && navigator.serviceWorker) {
    navigator.serviceWorker.register('./sw.js').catch(() => {});
  }
}

/** A choice remembered on this device (src/web/browser.rs, `preference`), or null. */
function remembered(name) {
  try {
    return localStorage.getItem(`onramp.${name}`);
  } catch {
    return null;
  }
}

/** Whether the page, for this visitor, opens with the view the first view was rendered for
 * (`rendered`: its client, os, shell, lang), as src/view.rs (`Choices::starting`) decides:
 * no view in the link, and each remembered choice, else the browser's system and language,
 * the same. Anything else counts as different: the first view then stays hidden. */
function showsTheVisitorsView(rendered) {
  if (location.hash.length > 1) return false;
  const userAgent = navigator.userAgent.toLowerCase();
  // Os::from_user_agent and Lang::from_tag (src/platform.rs, src/i18n.rs).
  const os = /windows/.test(userAgent) ? 'windows' : /mac os|macintosh|iphone|ipad/.test(userAgent) ? 'macos' : 'linux';
  const lang = /^zh([-_]|$)/.test((navigator.language ?? '').trim().toLowerCase()) ? 'zh-Hans' : 'en';
  const visitor = { client: rendered.client, os, shell: rendered.shell, lang };
  return Object.entries(visitor).every(([name, usual]) => (remembered(name) ?? usual) === rendered[name]);
}

/** src/first_view.rs, `profile_digest`: FNV-1a over the UTF-8 bytes, as 8 hex digits. */
function digest(text) {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** The key typed into the first view, written into its snippets at once, in place of the
 * placeholder: src/first_view.rs (`key_to_fill`) has found at build time that the wasm would
 * write a key of these `characters` exactly there and change nothing else. Any other key (a
 * space, a quote, an invisible character) leaves the placeholder until the wasm takes over,
 * escapes it where it goes and says what is wrong with it. The key stays in the page. */
function fillInTheKey(view, placeholder, characters) {
  const field = view.querySelector('#key');
  if (!field) return;
  // The lines that hold the placeholder, with their text as rendered: looked for at the first
  // key, not here, where this script still holds back the first paint.
  let lines;
  const fill = () => {
    lines ??= [...view.querySelectorAll('.snippet .line')]
      .filter((line) => line.textContent.includes(placeholder))
      .map((line) => [line, line.textContent]);
    const key = field.value;
    const plain = key !== '' && [...key].every((character) => characters.includes(character));
    for (const [line, text] of lines) line.textContent = text.replaceAll(placeholder, plain ? key : placeholder);
  };
  field.addEventListener('input', fill);
  // What the field holds already (a value the browser put back).
  if (field.value !== '') fill();
}

/** Copy in the first view: its snippet's text, exactly (src/web/snippet.rs); where the
 * clipboard is refused, the text is selected for the visitor to copy. */
function copySnippet(event) {
  const button = event.target instanceof Element && event.target.closest('.copy');
  const content = button?.closest('.snippet')?.querySelector('.content');
  if (!content) return;
  (navigator.clipboard?.writeText(content.textContent) ?? Promise.reject(new Error('no clipboard')))
    .then(() => {
      button.textContent = button.dataset.copied;
    })
    .catch(() => getSelection().selectAllChildren(content));
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
