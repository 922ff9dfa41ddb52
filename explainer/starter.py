"""``explainer init``: a new explainer project for another article, from the packaged skeleton.

The new project holds only what is specific to it (mkdocs.yml, docs/, data/, a README): the engine, the
adapter, the templates, the theme and the assets come from the installed package.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

from explainer import clock
from explainer.schema import write_schemas

SKELETON = Path(__file__).resolve().parent / "skeleton"


class InitError(ValueError):
    """The project cannot be created as asked (nothing was written)."""


def _values(article_title: str, article_url: str, site_name: str | None) -> dict[str, str]:
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", article_url):
        raise InitError(f"--article-url '{article_url}' is not an http(s) URL")
    if not article_title.strip():
        raise InitError("--article-title must not be empty")
    today = clock.today()
    host = (urlsplit(article_url).hostname or "").removeprefix("www.")
    name = (site_name or f"{article_title.strip()}, annotated").strip()
    return {
        "site_name": name.replace("\n", " "),
        "article_title": article_title.strip().replace("\n", " "),
        "article_title_yaml": json.dumps(article_title.strip(), ensure_ascii=False),
        "article_url": article_url,
        "outlet": json.dumps(host or "Unknown outlet"),
        "today": today.isoformat(),
        "month": today.strftime("%Y-%m"),
        "year": str(today.year),
    }


def init_project(dest: str | Path, article_title: str, article_url: str, site_name: str | None = None) -> list[Path]:
    """Write the skeleton into ``dest`` (which must be empty or missing); return the files written."""
    dest = Path(dest)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise InitError(f"{dest} already exists and is not an empty folder; choose a new one (nothing was written)")
    values = _values(article_title, article_url, site_name)
    files = {
        source.relative_to(SKELETON): Template(source.read_text(encoding="utf-8")).substitute(values)
        for source in sorted(p for p in SKELETON.rglob("*") if p.is_file())
    }  # every template filled before anything is written
    written = []
    for relative, text in files.items():
        target = dest / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    written.extend(write_schemas(dest / "schema"))
    return written
