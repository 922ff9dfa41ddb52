"""The ``explainer`` MkDocs plugin. Each event delegates to ``explainer_mkdocs.build``, imported afresh
whenever the Python code changed, so that under ``mkdocs serve`` edits to the engine or the adapter take
effect without a restart (mkdocs keeps plugin objects alive between rebuilds; it would keep their modules
too). Data and template edits need no re-import: each build starts a new session and template environment.
"""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority

# mkdocs-macros announces its modules, variables and macros at INFO on every start (six long lines);
# keep its warnings and errors, drop the chatter, so `mkdocs serve` starts with the lines that matter.
logging.getLogger("mkdocs.plugins.mkdocs_macros.util").setLevel(logging.WARNING)

_RELOADED = ("explainer", "explainer_mkdocs.build", "explainer_mkdocs.macros", "macros")


class ExplainerConfig(Config):
    data_dir = c.Type(str, default="data")
    templates_dir = c.Optional(c.Type(str))          # a project's own templates, over the packaged ones
    edit_data_url = c.Optional(c.Type(str))          # base of "edit this claim" links (default: repo_url/blob/main)
    offline_zip = c.Optional(c.Type(str))            # name of the offline copy under downloads/ (default: from site_name)
    pagefind = c.Type(bool, default=True)            # a Pagefind search page, where the theme's own search is off


def _code_signature() -> tuple:
    """The engine's, the adapter's and the project's macros' Python files with their modification times."""
    import explainer

    roots = [Path(explainer.__file__).parent, Path(__file__).parent, Path.cwd() / "macros"]
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for root in roots if root.is_dir() for p in root.rglob("*.py")))


_LAST: dict = {}


def _fresh_build():
    """The build module, re-imported (with the engine) only when Python code changed since the last build:
    a data or template edit keeps the engine's caches (Markdown conversions, charts) warm."""
    signature = _code_signature()
    if _LAST.get("signature") == signature and "build" in _LAST:
        return _LAST["build"]
    for name in list(sys.modules):
        if name == "explainer" or name.startswith("explainer.") or name.split(".")[0] == "macros" or name in _RELOADED:
            del sys.modules[name]
    importlib.invalidate_caches()
    _LAST.update(signature=_code_signature(), build=importlib.import_module("explainer_mkdocs.build"))
    return _LAST["build"]


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    serving = False

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"  # under `mkdocs serve` search is indexed beside the reload

    @event_priority(100)  # before mkdocs-macros' own on_config, which imports the macros
    def on_config(self, config):
        self._build = _fresh_build()
        return self._build.on_config(config, self.config)

    def on_files(self, files, config):
        return self._build.on_files(files, config, self.config)

    def on_page_content(self, html, page, config, files):
        return self._build.on_page_content(html, page, config, files)

    def on_env(self, env, config, files):
        return self._build.on_env(env, config, files)

    def on_page_context(self, context, page, config, nav):
        return self._build.on_page_context(context, page, config, nav)

    def on_post_build(self, config):
        return self._build.on_post_build(config, self.config, serving=self.serving)
