"""``python bench/unlimited.py MODULE [ARGS...]``: ``python -m MODULE ARGS`` with the loader limits raised.

Used for the dataset sizes whose files exceed the engine's per-file limit (see bench/limits.py).
"""

from __future__ import annotations

import os
import runpy
import sys

if __name__ == "__main__":
    import limits  # bench/ is sys.path[0] while this runs as a script

    limits.install()
    sys.path[0] = os.getcwd()  # as ``python -m`` would have it
    module = sys.argv[1]
    sys.argv = [module, *sys.argv[2:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)
