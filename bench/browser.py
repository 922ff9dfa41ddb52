"""The built site in a browser: served with gzip as a real host would, a first visit and one search
measured in Chromium, and Lighthouse (mobile preset). Chromium must be installed (``/usr/bin/chromium``):
a browser is never downloaded. Lighthouse is installed with npm into ``/tmp/lh`` (``BENCH_LIGHTHOUSE_DIR``).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import threading
from functools import partial
from html import unescape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

CHROME = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".bib")
LH_DIR = Path(os.environ.get("BENCH_LIGHTHOUSE_DIR", "/tmp/lh"))
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = ("largest-contentful-paint", "total-blocking-time")


class GzipHandler(SimpleHTTPRequestHandler):
    """Text sent gzipped (level 6) with ``Cache-Control: max-age=600``, as GitHub Pages sends it."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "public, max-age=600")
        super().end_headers()

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if not ("gzip" in (self.headers.get("Accept-Encoding") or "") and path.endswith(COMPRESSIBLE)
                and os.path.isfile(path)):
            return super().do_GET()
        with open(path, "rb") as handle:
            body = gzip.compress(handle.read(), compresslevel=6)
        self.send_response(200)
        for name, value in (("Content-Type", self.guess_type(path)), ("Content-Encoding", "gzip"),
                            ("Content-Length", str(len(body)))):
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve(site: Path):
    """Serve ``site`` on a free port in a background thread; yields the base URL (ending in /)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def query_for(site: Path) -> str:
    """Three words of a claim's title: what a reader looking for that claim would type."""
    for page in sorted((site / "claims").glob("*/index.html")):
        m = re.search(r"<h1[^>]*>(.*?)</h1>", page.read_text(encoding="utf-8"), re.S)
        words = re.findall(r"[A-Za-z]{4,}", unescape(re.sub(r"<[^>]+>", " ", m.group(1)))) if m else []
        if len(words) >= 3:
            return " ".join(words[:3])
    return "chips"


def first_use(site: Path, page: str) -> dict:
    """Bytes on the wire (gzip) for a fresh visit to ``page`` (e.g. ``leads/``), by kind, and then for one
    search on the site's search page (Pagefind's script, WebAssembly, index chunks, result fragments)."""
    from playwright.sync_api import sync_playwright

    query = query_for(site)
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROME, args=ARGS)
        got: list[tuple[str, int]] = []  # a body served from the browser's cache reports -1: nothing on the wire
        context = browser.new_context()
        context.on("requestfinished", lambda r: got.append((r.resource_type, max(0, r.sizes()["responseBodySize"]))))
        tab = context.new_page()
        tab.goto(base + page, wait_until="networkidle")
        on_page = list(got)
        tab.goto(base + "search/?q=" + quote(query), wait_until="networkidle")
        tab.locator("#ax-search-results li").first.wait_for(timeout=15_000)
        tab.wait_for_load_state("networkidle")
        browser.close()
    by_kind: dict[str, int] = {}
    for kind, size in on_page:
        by_kind[kind] = by_kind.get(kind, 0) + size
    return {"page": page, "query": query, "page_gzip_bytes": sum(n for _, n in on_page), "page_by_kind": by_kind,
            "page_requests": len(on_page), "first_load_gzip_bytes": sum(n for _, n in got), "requests": len(got)}


def _lighthouse() -> Path:
    binary = LH_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        LH_DIR.mkdir(parents=True, exist_ok=True)
        (LH_DIR / "package.json").write_text('{"name": "bench-lighthouse", "private": true}\n')
        subprocess.run([shutil.which("npm") or "npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
                        "lighthouse@12"], cwd=LH_DIR, check=True, capture_output=True, timeout=900,
                       env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"})
    return binary


def _one(binary: Path, url: str, out: Path) -> dict:
    flags = " ".join(["--headless", "--disable-gpu", "--disable-sync", "--disable-quic", *ARGS])
    subprocess.run([str(binary), url, "--output=json", f"--output-path={out}", "--quiet", f"--chrome-flags={flags}"],
                   check=True, capture_output=True, timeout=300, env={**os.environ, "CHROME_PATH": CHROME})
    report = json.loads(out.read_text())
    return {"scores": {c: report["categories"][c]["score"] for c in CATEGORIES},
            "metrics": {m: report["audits"][m]["numericValue"] for m in METRICS}}


def lighthouse(site: Path, pages: dict[str, str], scratch: Path, runs: int) -> dict:
    """Median scores and metrics per page kind (``pages``: kind -> URL path), ``runs`` runs each."""
    binary = _lighthouse()
    version = subprocess.run([str(binary), "--version"], capture_output=True, text=True).stdout.strip()
    result: dict = {"version": version, "runs": runs, "pages": {}}
    with serve(site) as base:
        for kind, path in pages.items():
            reports = [_one(binary, base + path.lstrip("/"), scratch / f"lh-{kind}-{i}.json") for i in range(runs)]
            result["pages"][kind] = {
                "url": path, "performance_runs": [r["scores"]["performance"] for r in reports],
                "scores": {c: statistics.median(r["scores"][c] for r in reports) for c in CATEGORIES},
                "metrics_ms": {m: round(statistics.median(r["metrics"][m] for r in reports)) for m in METRICS}}
    return result
