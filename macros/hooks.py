"""MkDocs hooks (``hooks:`` in mkdocs.yml): the entry points of the build adapter.

MkDocs loads this file once per process, so it stays tiny and delegates to ``macros.build``.
On every build (each rebuild under ``mkdocs serve`` included) it first drops the engine and adapter
modules from ``sys.modules``, so edits to ``explainer/`` or ``macros/`` take effect without a restart
(mkdocs-macros otherwise keeps an imported package cached for the life of the process).
"""

from __future__ import annotations

import importlib
import logging
import os
import sys

from mkdocs.plugins import event_priority

_OURS = ("explainer", "macros")

# mkdocs-macros announces its modules, variables and macros at INFO on every start (six long lines);
# keep its warnings and errors, drop the chatter, so `make serve` starts with the lines that matter.
logging.getLogger("mkdocs.plugins.mkdocs_macros.util").setLevel(logging.WARNING)


def _fresh_build():
    return importlib.import_module("macros.build")


@event_priority(100)  # before mkdocs-macros' own on_config, which imports the macros package
def on_config(config):
    project = os.path.dirname(os.path.abspath(config.config_file_path))
    if project not in sys.path:
        sys.path.insert(0, project)
    for name in list(sys.modules):
        if name.split(".")[0] in _OURS and name != __name__:
            del sys.modules[name]
    importlib.invalidate_caches()
    return _fresh_build().on_config(config)


def on_files(files, config):
    return _fresh_build().on_files(files, config)


def on_page_content(html, page, config, files):
    return _fresh_build().on_page_content(html, page, config, files)


def on_env(env, config, files):
    return _fresh_build().on_env(env, config, files)


def on_page_context(context, page, config, nav):
    return _fresh_build().on_page_context(context, page, config, nav)

