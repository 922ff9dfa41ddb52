"""MkDocs hook used only by the benchmark: save what the data-driven build rendered, as plain files.

Added after ``macros/hooks.py`` (see bench/project.py). For every page it writes the final Markdown
(after mkdocs-macros and the glossary abbreviations) with the page's metadata as front matter (the
description and JSON-LD set in ``on_page_context`` included), and it copies every generated non-page
file (data exports, alias redirects), so a plain MkDocs build of that folder gives the same site.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.plugins import event_priority

_markdown: dict[str, str] = {}


def _out(config) -> Path:
    return Path(config.extra["bench_capture_dir"])


@event_priority(-100)  # after macros/hooks.py added the claim pages and exports
def on_files(files, config):
    out = _out(config)
    for file in files:
        if file.generated_by and not file.src_uri.endswith(".md"):
            target = out / file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.content_bytes)
    return files


@event_priority(-100)  # after mkdocs-macros rendered the page and the hooks appended abbreviations
def on_page_markdown(markdown, page, config, files):
    _markdown[page.file.src_uri] = markdown
    return markdown


@event_priority(-100)  # after macros/hooks.py set the description and the JSON-LD
def on_page_context(context, page, config, nav):
    target = _out(config) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    meta = {k: v for k, v in (page.meta or {}).items()}
    front = ""
    if meta:
        front = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10**9) + "---\n\n"
    target.write_text(front + _markdown.get(page.file.src_uri, ""), encoding="utf-8")
    return context
