"""The ``explainer`` MkDocs plugin. Each event delegates to ``explainer_mkdocs.build``, imported afresh on
every build, so that under ``mkdocs serve`` edits to the engine, the adapter or the templates take effect
without a restart (mkdocs keeps plugin objects alive between rebuilds; it would keep their modules too).
"""

from __future__ import annotations

import importlib
import logging
import sys

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


def _fresh_build():
    for name in list(sys.modules):
        if name == "explainer" or name.startswith("explainer.") or name.split(".")[0] == "macros" or name in _RELOADED:
            del sys.modules[name]
    importlib.invalidate_caches()
    return importlib.import_module("explainer_mkdocs.build")


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
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
