"""Raise the loader's per-file safety limits in a child process (``install()``), for large datasets.

The engine refuses a data file over ``explainer.yamlfile.MAX_BYTES`` (8 MiB) or expanding to more than
``MAX_EXPANDED_NODES``. Synthetic claims are about 4.5 KB each, so a section file holds at most about
450 of them: at 5,000 claims (7 section files, about 3.3 MB each) the real limit makes ``explainer
check`` and the build refuse the data. To measure speed at those sizes the benchmark raises both
limits, by patching the module each time it is imported (the MkDocs hooks re-import the engine on
every build). The record of each size says whether this was needed (``limit_raised``).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys

RAISED_BYTES = 1 << 30
RAISED_NODES = 100_000_000
TARGET = "explainer.yamlfile"


class _RaiseLimits(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != TARGET:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        original = spec.loader.exec_module

        def exec_module(module):
            original(module)
            module.MAX_BYTES = RAISED_BYTES
            module.MAX_EXPANDED_NODES = RAISED_NODES

        spec.loader.exec_module = exec_module
        return spec


def install() -> None:
    if not any(isinstance(f, _RaiseLimits) for f in sys.meta_path):
        sys.meta_path.insert(0, _RaiseLimits())
    module = sys.modules.get(TARGET)
    if module is not None:
        module.MAX_BYTES = RAISED_BYTES
        module.MAX_EXPANDED_NODES = RAISED_NODES
