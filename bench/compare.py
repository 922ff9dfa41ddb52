"""Are the data-driven site and its plain-Markdown twin the same site? Compared page by page.

Each page's ``<article>`` (the content Material renders, TOC anchors included; runs of white space
count as one space) and ``<title>`` are compared as text; navigation and assets are the same theme
output on both sides.
"""

from __future__ import annotations

import re
from pathlib import Path

_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_SPACE = re.compile(r"\s+")


def _parts(path: Path) -> tuple[str, str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    article = _ARTICLE.search(text)
    title = _TITLE.search(text)
    body = article.group(1) if article else text
    return _SPACE.sub(" ", body).strip(), (title.group(1) if title else "")


def compare_sites(data_site: Path, plain_site: Path, limit: int = 10) -> dict:
    pages = sorted(p.relative_to(data_site) for p in data_site.rglob("*.html"))
    identical = 0
    titles_differ = 0
    missing: list[str] = []
    different: list[dict] = []
    for rel in pages:
        other = plain_site / rel
        if not other.exists():
            missing.append(str(rel))
            continue
        (a, ta), (b, tb) = _parts(data_site / rel), _parts(other)
        if ta != tb:
            titles_differ += 1
        if a == b:
            identical += 1
        elif len(different) < limit:
            different.append({"page": str(rel), "data_bytes": len(a), "plain_bytes": len(b)})
    extra = sum(1 for p in plain_site.rglob("*.html") if not (data_site / p.relative_to(plain_site)).exists())
    return {"pages": len(pages), "identical_content": identical, "titles_differ": titles_differ,
            "missing_in_plain": missing[:limit], "extra_in_plain": extra, "first_differences": different}
