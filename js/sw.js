// The page's service worker: after one visit the page works with the network off.
// scripts/hooks/post_build.py writes the build's id and files below; a build that changes
// any file gets a new id, so the browser installs this worker anew, which fills a new cache
// and, once no page of the old build is open, deletes the old one. Only the page's own
// files are ever fetched: the page's CSP allows no other origin.
const BUILD = null; // the build's id; null in debug builds (trunk serve): nothing is cached
const FILES = []; // the build's files, relative to this worker

// Caches are shared by the whole origin: the name carries this worker's folder, so two
// copies of the page on one site keep their own.
const PREFIX = `onramp ${self.registration.scope} `;
const CACHE = PREFIX + BUILD;
const PROFILE = new URL('./profile.json', self.registration.scope).href;
const PAGE = new URL('./index.html', self.registration.scope).href;

self.addEventListener('install', (event) => {
  if (BUILD === null) {
    event.waitUntil(self.skipWaiting());
    return;
  }
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((names) =>
      Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name))),
    ),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (BUILD === null || request.method !== 'GET') return;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  if (url.href === PROFILE) {
    event.respondWith(profile(request));
    return;
  }
  // The page itself, by its folder or by index.html, with whatever query it was opened with
  // (?embed=1, ?utm_source=…): the cache holds it once, without a query.
  const isPage = url.href === self.registration.scope || url.href === PAGE;
  const key = request.mode === 'navigate' && isPage ? PAGE : request;
  // Read without opening: opening creates the cache, and the next build's worker may have
  // deleted this one's while it answers a last fetch of a closing page; an old cache opened
  // again would stay behind. (The same holds for profile.json below.)
  event.respondWith(caches.match(key, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
});

// An operator's profile.json is not part of the build: fetched from the network when it can
// be, kept for when it cannot; a 404 means there is none (any more).
async function profile(request) {
  try {
    const response = await fetch(request);
    if (await caches.has(CACHE)) {
      const cache = await caches.open(CACHE);
      if (response.ok) await cache.put(PROFILE, response.clone());
      else if (response.status === 404) await cache.delete(PROFILE);
    }
    return response;
  } catch (error) {
    const kept = await caches.match(PROFILE, { cacheName: CACHE });
    if (kept) return kept;
    throw error;
  }
}
