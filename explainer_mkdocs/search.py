"""The online site's search: a search page and a Pagefind index, built where the theme's own search is off.

Material's search (used by the offline copy, because it works from ``file://``) makes every reader download
the whole index on their first visit. Pagefind splits its index into chunks that a query fetches on first
use, so a page costs nothing for search until someone searches.
"""

from __future__ import annotations

import os
import subprocess
import sys

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

PAGE = "search.md"
SCRIPT = "assets/explainer-search.js"
# Never indexed: what the card marks for exclusion (previews, evidence, tools), heading anchors.
EXCLUDE = "[data-search-exclude], .headerlink"
# Word positions per index chunk. Pagefind's default (20,000) makes a chunk about 25 KB compressed, and a
# query fetches one chunk per word: three words would cost 75 KB. At 2,000 a chunk is about 5 KB, for a
# larger index in total (more, smaller files). The setting is marked unstable by Pagefind: the version is
# pinned, a site test checks the chunk sizes, and the benchmark measures a search's bytes.
CHUNK_ENV = {"PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": "2000"}
PAGE_TEXT = """---
title: Search
search:
  exclude: true
ax_search: true
---

# Search

<form class="ax-search" role="search" action="" method="get" data-ax-search>
<label class="ax-search__label" for="ax-search-q">Words from a claim, its evidence summary or the glossary</label>
<span class="ax-search__row"><input type="search" id="ax-search-q" name="q" autocomplete="off" spellcheck="false"> <button type="submit" class="md-button md-button--primary">Search</button></span>
</form>
<p class="ax-search__status" id="ax-search-status" role="status" aria-live="polite"></p>
<ol class="ax-search__results" id="ax-search-results"></ol>

Search runs in your browser: what you type is never sent anywhere. It needs JavaScript; without it,
the [claim explorer](claims/index.md) lists every claim, and the [sources](sources.md) and
[glossary](glossary.md) pages list the rest.
"""


def active(config: MkDocsConfig, options) -> bool:
    """Pagefind serves search when the adapter's option is on and the theme's own search is not."""
    theme_search = config.plugins.get("material/search") or config.plugins.get("search")
    return bool(options.pagefind) and not (theme_search is not None and getattr(theme_search.config, "enabled", True))


def page_url(config: MkDocsConfig) -> str:
    return "search/" if config.use_directory_urls else "search.html"


_BACKGROUND: dict = {}


def build_index(site_dir: str, wait: bool = True) -> None:
    """Index the built site with the pinned Pagefind binary (``pagefind`` on PyPI); fail the build if it fails.

    Under ``mkdocs serve`` (``wait=False``) the index is built beside the reload instead of before it, so an
    edit shows at once and search catches up a moment later; a run still going from the previous edit is
    stopped first."""
    command = [sys.executable, "-m", "pagefind", "--site", site_dir, "--exclude-selectors", EXCLUDE, "--silent"]
    env = {**os.environ, **CHUNK_ENV}
    if not wait:
        previous = _BACKGROUND.get("run")
        if previous is not None and previous.poll() is None:
            previous.kill()
        _BACKGROUND["run"] = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PluginError(f"Pagefind could not index {site_dir}: {exc}") from exc
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()[-2000:]
        raise PluginError(f"Pagefind could not index {site_dir} (exit {result.returncode}): {detail}"
                          " (is `pagefind` installed? `pip install -r requirements.lock`)")
