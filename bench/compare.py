"""How much of the data-driven site's text the plain twin carries, page by page.

The twin is the same content written as plain Markdown (bench/render_plain.py), so its HTML differs
(no classes, no data attributes, no inline SVG); what must match is the text readers see. For each
page of the data site, the share of its words (in ``<article>``) that the twin's page also has.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)
_DROP = re.compile(r"<(script|style|svg)\b.*?</\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+")


def _words(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    article = _ARTICLE.search(text)
    body = _DROP.sub(" ", article.group(1) if article else "")
    return _WORD.findall(html.unescape(_TAG.sub(" ", body)).lower())


def compare_sites(data_site: Path, plain_site: Path, limit: int = 10) -> dict:
    shares, missing, low = [], [], []
    for rel in sorted(p.relative_to(data_site) for p in data_site.rglob("*.html")):
        words = _words(data_site / rel)
        if not words:
            continue  # redirect pages and the like
        other = plain_site / rel
        if not other.exists():
            missing.append(str(rel))
            continue
        have = set(_words(other))
        share = sum(w in have for w in words) / len(words)
        shares.append(share)
        if share < 0.98 and len(low) < limit:
            low.append({"page": str(rel), "word_share": round(share, 3)})
    return {"pages": len(shares) + len(missing), "mean_word_share": round(sum(shares) / len(shares), 4) if shares else None,
            "min_word_share": round(min(shares), 4) if shares else None, "missing_in_plain": missing[:limit],
            "pages_below_98pct": low}
