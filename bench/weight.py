"""What a browser downloads on a first visit to one page of a built site, raw and gzip (level 9).

Counted: the HTML; every local stylesheet and script the page references; the favicon; and, with
Material's search (the offline copy), the worker and the whole ``search/search_index.json``, fetched on every
first page load. Pagefind's files load only when a reader searches: ``bench/firstuse.py`` measures that.
Fonts are not fetched (``theme.font: false``).
"gzip" is what a server sending gzip -9 would transfer (images and fonts are counted as they are).
"""

from __future__ import annotations

import gzip
import json
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.css: list[str] = []
        self.js: list[str] = []
        self.icons: list[str] = []
        self.config = ""
        self._in_config = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("href"):
            rel = (a.get("rel") or "").lower().split()
            if "stylesheet" in rel:
                self.css.append(a["href"])
            elif "icon" in rel:
                self.icons.append(a["href"])
        elif tag == "script":
            if a.get("src"):
                self.js.append(a["src"])
            elif a.get("id") == "__config":
                self._in_config = True

    def handle_data(self, data):
        if self._in_config:
            self.config += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_config = False


def _local(site: Path, page_path: str, ref: str) -> Path | None:
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    base = posixpath.dirname(page_path)
    rel = posixpath.normpath(posixpath.join(base, parts.path))
    target = site / rel
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


BINARY = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2")


def _sizes(data: bytes, name: str = "") -> dict[str, int]:
    """Raw and gzip -9 sizes; already-compressed formats (PNG, fonts...) are sent as they are."""
    if name.lower().endswith(BINARY):
        return {"raw": len(data), "gzip": len(data)}
    return {"raw": len(data), "gzip": len(gzip.compress(data, compresslevel=9))}


def page_weight(site: Path, page_path: str) -> dict:
    """``page_path`` is the HTML file relative to ``site`` (e.g. ``leads/index.html``)."""
    site = Path(site)
    html = (site / page_path).read_bytes()
    refs = _Refs()
    refs.feed(html.decode("utf-8", "replace"))
    files: list[tuple[str, Path]] = []
    for kind, items in (("css", refs.css), ("js", refs.js), ("icon", refs.icons)):
        for ref in items:
            target = _local(site, page_path, ref)
            if target is not None:
                files.append((kind, target))
    try:
        config = json.loads(refs.config) if refs.config.strip() else {}
    except ValueError:
        config = {}
    if config.get("search"):
        worker = _local(site, page_path, config["search"])
        if worker is not None:
            files.append(("js", worker))
        index = site / "search" / "search_index.json"
        if index.is_file():
            files.append(("search_index", index))
    by_kind: dict[str, dict[str, int]] = {"html": _sizes(html)}
    listed = [{"file": page_path, "kind": "html", **by_kind["html"]}]
    seen: set[Path] = set()
    for kind, path in files:
        if path in seen:
            continue
        seen.add(path)
        size = _sizes(path.read_bytes(), path.name)
        listed.append({"file": str(path.relative_to(site)), "kind": kind, **size})
        slot = by_kind.setdefault(kind, {"raw": 0, "gzip": 0})
        slot["raw"] += size["raw"]
        slot["gzip"] += size["gzip"]
    total = {"raw": sum(v["raw"] for v in by_kind.values()), "gzip": sum(v["gzip"] for v in by_kind.values())}
    return {"page": page_path, "by_kind": by_kind, "total": total, "requests": len(listed), "files": listed}
