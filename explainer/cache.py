"""A cache of each data file's parsed and validated records, so `explainer check` re-reads only what changed.

An entry is keyed on the file's bytes, its displayed path, its kind and the source of the engine
modules that read and validate it, so any edit to the data or to that code misses the cache. What a
hit returns is exactly what reading the file would give (records with their line information, the
file's own problems, what failed to load); cross-file checks always run. The cache lives in
``<project>/.cache/explainer/`` (``EXPLAINER_CACHE_DIR`` moves it, ``EXPLAINER_CACHE=0`` turns it off);
it only ever holds what this engine wrote, and a missing, stale or unreadable entry is simply rebuilt.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
_ENGINE = (
    "model.py", "fields.py", "filekinds.py", "validation.py", "yamlfile.py", "lines.py", "load.py", "scale.py",
    "problems.py", "dataset.py", "citations.py", "cache.py",
)


@functools.lru_cache(maxsize=1)
def engine_key() -> bytes:
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in _ENGINE:
        digest.update(name.encode() + b"\0" + (here / name).read_bytes())
    return digest.digest()


class FileCache:
    def __init__(self, folder: Path | None):
        self.folder = folder

    @classmethod
    def for_data(cls, data_dir: Path) -> "FileCache":
        if os.environ.get("EXPLAINER_CACHE", "1") == "0":
            return cls(None)
        folder = os.environ.get("EXPLAINER_CACHE_DIR")
        return cls(Path(folder) if folder else Path(data_dir).resolve().parent / ".cache" / "explainer")

    def get(self, path: Path, tag: str, compute: Callable[[], T], limit: int) -> T:
        """``compute()``'s result for this file, from the cache when the file and the engine are unchanged.

        The result's records keep their line-tracking trees (``_raw``) in a second entry, read only if a
        problem needs a line: a clean check never pays for it.
        """
        if self.folder is None:
            return compute()
        try:
            if path.stat().st_size > limit:
                return compute()
            digest = hashlib.sha256(engine_key() + tag.encode() + b"\0" + path.read_bytes()).hexdigest()
        except OSError:
            return compute()
        entry = self.folder / digest[:2] / f"{digest}.pickle"
        lines = entry.with_suffix(".lines")
        try:
            with open(entry, "rb") as handle:
                result = pickle.load(handle)
            _attach(result.records, _Lines(lines))
            return result
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            pass
        result = compute()
        raws = [r._raw for r in result.records]
        for record in result.records:
            record._raw = None
        self._write(entry, result)
        self._write(lines, raws)
        for record, raw in zip(result.records, raws):
            record._raw = raw
        return result

    @staticmethod
    def _write(entry: Path, result) -> None:
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, entry)
        except OSError:
            pass  # a cache that cannot be written is only slower


class _Lines:
    """The line-tracking trees of one file's records, read from the cache on first use."""

    def __init__(self, path: Path):
        self.path = path
        self.raws: list | None = None

    def get(self, index: int):
        if self.raws is None:
            try:
                with open(self.path, "rb") as handle:
                    self.raws = pickle.load(handle)
            except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
                self.raws = []
        return self.raws[index] if index < len(self.raws) else None


def _attach(records: list, lines: _Lines) -> None:
    for index, record in enumerate(records):
        record._raw = functools.partial(lines.get, index)
