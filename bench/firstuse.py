"""What a reader downloads on a first visit to one page and one search, measured in Chromium.

The site is served with gzip (``bench/gzserve.py``), a fresh browser context opens the page and waits for the
network to go quiet, then searches as a reader would: the site's search page with a query (Pagefind: its
script, WebAssembly, the index chunks and the result fragments that query needs), or, with Material's search,
nothing more than the page load already fetched (its whole index). Every response's body size on the wire
is summed (``Request.sizes()``), repeats included.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import quote

from bench import gzserve
from bench.lighthouse import CHROME
from bench.reload import free_port

ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"]


def query_for(site: Path) -> str:
    """Three words of a claim page's title: what a reader looking for that claim would type."""
    for page in sorted((Path(site) / "claims").glob("*/index.html")):
        m = re.search(r"<h1[^>]*>(.*?)</h1>", page.read_text(encoding="utf-8"), re.S)
        words = re.findall(r"[A-Za-z]{4,}", unescape(re.sub(r"<[^>]+>", " ", m.group(1)))) if m else []
        if len(words) >= 3:
            return " ".join(words[:3])
    return "chips"


def first_use(site: Path, page_path: str) -> dict:
    """Bytes on the wire for ``page_path`` (e.g. ``leads/``), then for one search; skipped without a browser."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"skipped": "Playwright is not installed (make bench installs requirements-test.lock)"}
    if not Path(CHROME).exists():
        return {"skipped": f"{CHROME} not found (a browser is never downloaded)"}
    site = Path(site)
    query = query_for(site)
    server, base = gzserve.start(site, free_port())
    base += "/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROME, args=ARGS)
            context = browser.new_context()
            got: list[tuple[str, int]] = []
            # a body served from the browser's cache reports a negative size: nothing crossed the wire
            context.on("requestfinished", lambda r: got.append((r.url, max(0, r.sizes()["responseBodySize"]))))
            tab = context.new_page()
            tab.goto(base + page_path, wait_until="networkidle")
            page_bytes, page_requests = sum(n for _, n in got), len(got)
            how = "search page"
            if (site / "search" / "index.html").is_file():
                tab.goto(base + "search/?q=" + quote(query), wait_until="networkidle")
                tab.locator("#ax-search-results li").first.wait_for(timeout=15_000)
                tab.wait_for_load_state("networkidle")
            else:
                how = "none beyond the page load (the theme's search fetched its whole index already)"
            browser.close()
    finally:
        server.kill()
    return {"page": page_path, "query": query, "search": how,
            "page_gzip_bytes": page_bytes, "page_requests": page_requests,
            "first_use_gzip_bytes": sum(n for _, n in got), "requests": len(got)}
