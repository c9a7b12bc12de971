// When the page's first snippet shows, for the size test (tests/e2e/budget.test.mjs) and the
// benchmark (bench/page.mjs): both must mean the same moment by "first load".

/**
 * Injected before the page's own scripts run (`addInitScript`, as `(${watchFirstSnippet})()`):
 * when a MutationObserver, watching the whole document from before the first byte of HTML is
 * parsed, first sees a `.snippet .content` with text, sets `window.__firstSnippet` to `at`,
 * performance.now() (milliseconds since navigation start), and `fetched`, the paths of the
 * page and of every file it had fetched by then. Mutation records are delivered right after
 * the script that made the change, so this is when the snippet is in the DOM; it is painted in
 * the next frame.
 */
export function watchFirstSnippet() {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('.snippet .content')?.textContent) return;
    const at = performance.now();
    const resources = performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
    window.__firstSnippet = { at, fetched: [location.pathname, ...resources] };
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}
