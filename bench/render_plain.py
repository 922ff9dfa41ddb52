"""Write the site's content as plain Markdown, for the plain twin the data-driven build is measured against.

Run as a script in a child process: ``python bench/render_plain.py BUILT_SITE OUT_DIR``.

Every page of a site built by the data-driven project becomes one Markdown file at the same address:
the page's ``<article>`` converted to Markdown with markdownify (headings, paragraphs, lists, tables,
links, emphasis), front matter for the title. No pre-rendered HTML is kept, so the plain build parses
all of its content as Markdown, as a hand-written site would; the generated data files and the assets
are copied as they are. ``OUT_DIR/docs/`` is the result.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

from markdownify import markdownify

_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)
_TITLE = re.compile(r"<title>(.*?)(?: - [^<]*)?</title>", re.S)
_SKIP = re.compile(r"<(script|style|svg)\b.*?</\1>|<a [^>]*class=\"headerlink\"[^>]*>.*?</a>", re.S)


def page_markdown(html: str) -> str | None:
    article = _ARTICLE.search(html)
    if article is None:
        return None  # a redirect page or a file that is not a content page
    body = _SKIP.sub("", article.group(1))
    title = _TITLE.search(html)
    front = f"---\ntitle: {title.group(1).strip()!r}\n---\n\n" if title else ""
    return front + markdownify(body, heading_style="ATX", bullets="-", strip=["button", "input", "select", "form"]).strip() + "\n"


def write_plain(site: Path, out: Path) -> int:
    docs = out / "docs"
    pages = 0
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site)
        if path.is_dir() or rel.parts[0] in ("search", "assets") or rel.name in ("404.html", "sitemap.xml", "sitemap.xml.gz"):
            continue
        if path.suffix != ".html":
            target = docs / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
            continue
        markdown = page_markdown(path.read_text(encoding="utf-8", errors="replace"))
        if markdown is None:
            continue
        name = "index.md" if rel.as_posix() == "index.html" else (rel.parent.as_posix() + ".md" if rel.name == "index.html" else rel.with_suffix(".md").as_posix())
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
        pages += 1
    assets = site / "assets"
    for extra in ("explainer.css", "explainer.js"):
        if (assets / extra).exists():
            (docs / "assets").mkdir(parents=True, exist_ok=True)
            shutil.copy2(assets / extra, docs / "assets" / extra)
    return pages


if __name__ == "__main__":
    print(write_plain(Path(sys.argv[1]), Path(sys.argv[2]).resolve()))
