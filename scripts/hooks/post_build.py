#!/usr/bin/env python3
"""Trunk's post_build hook (Trunk.toml): runs on the staged build, after Trunk has written
the final (minified) index.html and before it becomes dist/.

1. The page must have no inline script: its Content-Security-Policy allows scripts from
   'self' only. A release build with one fails here. `trunk serve` adds one of its own (the
   reload script, which it rewrites for each request, so no hash can match): debug builds
   get 'unsafe-inline' in script-src instead.
2. Release builds get their first view rendered at build time by Leptos, natively
   (`onramp prerender`, the crate's `prerender` feature; src/first_view.rs): the page shows
   the setup from its HTML and CSS before the wasm has loaded. It is put in here, after
   Trunk's minifier, which would strip Leptos's `<!>` markers. ONRAMP_PROFILE=FILE bakes an
   operator's profile.json in. `trunk serve` (debug builds) skips it: the page renders as
   without it, and a rebuild does not wait for a native build of the crate.
3. Release builds also get onramp-offline.html: the whole page in one file that works
   opened from disk, with no server (see offline_file below).
4. sw.js gets the build's id and list of files, for the service worker to keep (js/sw.js).
   Debug builds get none: under `trunk serve` nothing is cached.

Also run by the end-to-end tests on a copy of a build (`post_build.py --sw-only DIR`): a new
build id, as a new release would have.
"""

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

OFFLINE = "onramp-offline.html"
WORKER = "onramp-doctor"  # the doctor's files: onramp-doctor.js, onramp-doctor_bg.wasm
CSP_META = re.compile(r'<meta[^>]*http-equiv="?Content-Security-Policy"?[^>]*>', re.I)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>(.*?)</script>", re.S | re.I)
# The first view's bounds (src/first_view.rs, START and END).
FIRST_VIEW = re.compile(r"<!--onramp:first-view-->.*?<!--/onramp:first-view-->", re.S)


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def csp_of(html: str) -> str:
    meta = CSP_META.search(html)
    if not meta:
        sys.exit("post_build: index.html has no Content-Security-Policy meta tag")
    return re.search(r'content="([^"]*)"', meta.group(0)).group(1)


def check_scripts(stage: Path, release: bool) -> None:
    index = stage / "index.html"
    html = index.read_text()
    inline = [m.group(1) for m in INLINE_SCRIPT.finditer(html) if m.group(1).strip()]
    if release and inline:
        sys.exit("post_build: the release index.html has an inline script, which its CSP refuses")
    if inline:
        policy = csp_of(html)
        html = html.replace(policy, policy.replace("script-src ", "script-src 'unsafe-inline' ", 1))
        index.write_text(html)


def first_view(stage: Path) -> None:
    """Renders the first view into the staged index.html with the crate's native build."""
    profile = os.environ.get("ONRAMP_PROFILE")
    command = ["cargo", "run", "--quiet", "--locked", "--features", "prerender", "--bin", "onramp", "--"]
    command += ["prerender", str(stage / "index.html")] + (["--profile", profile] if profile else [])
    # Trunk's environment names the wasm target for its own cargo runs; this one is native.
    env = {k: v for k, v in os.environ.items() if k != "CARGO_BUILD_TARGET"}
    if subprocess.run(command, cwd=Path(__file__).resolve().parents[2], env=env).returncode != 0:
        sys.exit("post_build: onramp prerender failed")


def offline_file(stage: Path) -> None:
    """One HTML file with everything inlined. Module scripts and fetch() do not work from
    file://, so the page's glue is imported from a blob: URL and each wasm is given to its glue
    as bytes. The doctor's worker is a module holding its glue and wasm, started from a data:
    URL: from file:// Chromium 156 runs module workers from data: URLs but not from blob: URLs
    (classic workers run from both, but the glue is a module). The inline boot script and style
    are allowed by their hashes; nothing may be fetched (connect-src 'none'). It has no first
    view: js/boot.js, which decides when to show it, does not run here, so the page waits for
    the wasm as it did before."""
    html = FIRST_VIEW.sub("", (stage / "index.html").read_text())
    main = re.search(r'<meta[^>]*name="?onramp-main"?[^>]*>', html).group(0)
    js, wasm = (re.search(rf'data-{n}="?\./([^">\s]+)', main).group(1) for n in ("js", "wasm"))
    css = re.search(r'<link[^>]*href="?\./([^">\s]+\.css)', html).group(1)
    b64 = lambda name: base64.b64encode((stage / name).read_bytes()).decode()

    # The worker: the doctor's glue, then a call to its init function (the default export)
    # with the wasm's bytes.
    glue = (stage / f"{WORKER}.js").read_text()
    init = re.search(r"export\s*\{[^}]*?(\w+) as default[^}]*\}", glue)
    if not init:
        sys.exit(f"post_build: no default export found in {WORKER}.js")
    worker = (
        glue
        + f'\nawait {init.group(1)}({{ module_or_path: Uint8Array.from(atob("{b64(WORKER + "_bg.wasm")}"), (c) => c.charCodeAt(0)) }});\n'
    )
    # Browsers take URLs up to 2 MB; the worker's data: URL must stay well under.
    if len(worker) > 1_500_000:
        sys.exit(f"post_build: the doctor's worker ({len(worker)} bytes) is too large for a data: URL")
    blocks = {"onramp-glue": (stage / js).read_text(), "onramp-wasm": b64(wasm), "onramp-worker": worker}
    for name, text in blocks.items():
        # Inside <script> the HTML parser ends the text at "</script" and treats "<!--" apart.
        if "</script" in text.lower() or "<!--" in text:
            sys.exit(f"post_build: {name} contains </script or <!-- and cannot be inlined")
    boot = (
        "const text = (id) => document.getElementById(id).textContent;"
        "const url = (id) => URL.createObjectURL(new Blob([text(id)], { type: 'text/javascript' }));"
        # The page's checker (src/web/checker.rs) starts this worker instead of the file.
        "window.onrampWorker = 'data:text/javascript;charset=utf-8,' + encodeURIComponent(text('onramp-worker'));"
        "const { default: init } = await import(url('onramp-glue'));"
        "await init({ module_or_path: Uint8Array.from(atob(text('onramp-wasm')), (c) => c.charCodeAt(0)) });"
    )
    style = (stage / css).read_text()
    policy = (
        f"default-src 'none'; script-src {sha256(boot)} blob: 'wasm-unsafe-eval'; "
        f"style-src {sha256(style)}; img-src data:; worker-src data:; connect-src 'none'; "
        "base-uri 'none'; form-action 'none'; object-src 'none'"
    )
    head = html[: html.index("<title>")]
    head = CSP_META.sub(f'<meta http-equiv=Content-Security-Policy content="{policy}">', head)
    title = re.search(r"<title>.*?</title>", html).group(0)
    body = html[html.index("<body") :]
    data = "".join(f'<script type=text/plain id={name}>{text}</script>' for name, text in blocks.items())
    out = f"{head}{title}<style>{style}</style>{data}<script type=module>{boot}</script></head>{body}"
    (stage / OFFLINE).write_text(out)


def service_worker(stage: Path, release: bool) -> None:
    """Writes the build id and files into sw.js. The id is a digest of every file, so an
    unchanged build keeps its cache and a changed one replaces it."""
    skip = {"sw.js", OFFLINE}
    files = sorted(
        p.relative_to(stage).as_posix() for p in stage.rglob("*") if p.is_file() and p.name not in skip
    )
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0" + (stage / name).read_bytes() + b"\0")
    sw = stage / "sw.js"
    text = sw.read_text()
    build = json.dumps(digest.hexdigest()[:16]) if release else "null"
    listed = json.dumps(["./" + name for name in files]) if release else "[]"
    text, n = re.subn(r"^const BUILD = [^;]*;", f"const BUILD = {build};", text, count=1, flags=re.M)
    text, m = re.subn(r"^const FILES = [^;]*;", f"const FILES = {listed};", text, count=1, flags=re.M)
    if n != 1 or m != 1:
        sys.exit("post_build: sw.js has no `const BUILD = …;` or `const FILES = …;` line")
    sw.write_text(text)


def main() -> None:
    if sys.argv[1:2] == ["--sw-only"]:
        service_worker(Path(sys.argv[2]), release=True)
        return
    stage = Path(os.environ["TRUNK_STAGING_DIR"])
    release = os.environ.get("TRUNK_PROFILE") == "release"
    check_scripts(stage, release)
    if release:
        first_view(stage)
        offline_file(stage)
    service_worker(stage, release)


if __name__ == "__main__":
    main()
