"""Load a data directory into a Dataset plus the list of problems found. Never raises on bad data.

Layout::

    data/article.yml      the article being annotated (a mapping)
    data/sections.yml     sections: [...]   (reading order)
    data/sources.yml      sources: [...]
    data/glossary.yml     terms: [...]
    data/figures.yml      figures: [...]   (optional)
    data/claims/<section>.yml   claims: [...]
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explainer.cache import FileCache
from explainer.dataset import Dataset, Unloaded
from explainer.filekinds import FILE_KINDS
from explainer.model import Article, Claim, Record
from explainer.problems import Problem, display_path, sort_problems
from explainer.validation import subject_for, validate_record
from explainer.yamlfile import LineDict, LineList, limits, read_yaml

_ID_LINE = re.compile(r"^\s*-?\s*id:\s*[\"']?([A-Za-z0-9_-]+)", re.M)


def _declared_ids(path: Path) -> set[str]:
    """Ids a file declares, read from its text: used only when the file itself cannot be loaded."""
    try:
        if path.stat().st_size > limits().max_bytes:
            return set()
        return set(_ID_LINE.findall(path.read_text(encoding="utf-8", errors="replace")))
    except OSError:
        return set()


@dataclass
class FileResult:
    """What one data file yields on its own: its valid records, its problems, what failed to load."""

    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unloaded: Unloaded = field(default_factory=Unloaded)


def _read_records(kind: str, path: Path, shown: str) -> FileResult:
    """Read a file of the form ``<key>: [records]`` and validate each record on its own."""
    key, noun, model, _ = FILE_KINDS[kind]
    out = FileResult()
    result = read_yaml(path, shown)
    out.problems.extend(result.problems)
    items = _record_list(result.data, key, shown, out.problems)
    if items is None:
        if out.problems:
            out.unloaded.add(shown, noun, _declared_ids(path), whole=True)
        return out
    for index, raw in enumerate(items):
        record, found = validate_record(model, raw, shown, items.item_lines[index], subject_for(noun, raw, index))
        out.problems.extend(found)
        if record is not None:
            if isinstance(record, Claim):
                record.source_ids()  # computed before caching, so a cache hit skips the citation scan
            out.records.append(record)
        else:
            _note_unloaded(out.unloaded, shown, noun, raw)
    return out


def _read_article(path: Path, shown: str) -> FileResult:
    """The article: one mapping, validated as a whole."""
    out = FileResult()
    result = read_yaml(path, shown)
    out.problems.extend(result.problems)
    if result.data is not None:
        article, found = validate_record(Article, result.data, shown, getattr(result.data, "line", 1), "article")
        out.problems.extend(found)
        out.records.extend([article] if article is not None else [])
    return out


def _cached(cache: FileCache, kind: str, path: Path, shown: str, read: Callable[[], FileResult]) -> FileResult:
    """``read()``'s result for this file, from the cache when the file, the limits and the engine are unchanged."""
    current = limits()  # part of the key: a result under raised limits is not one under the defaults
    return cache.get(path, f"{kind}\0{shown}\0{current}", read, current.max_bytes)


def _records(
    kind: str, path: Path, problems: list[Problem], unloaded: Unloaded, cache: FileCache, required: bool = True
) -> list[Record]:
    """A file's records (from the cache when the file and the engine are unchanged); its problems and
    what failed to load are added to ``problems`` and ``unloaded``, so checks skip their consequences."""
    key, noun, _, _ = FILE_KINDS[kind]
    shown = display_path(path)
    if not path.exists():
        if required:
            problems.append(Problem(shown, 1, "", f"required file is missing (expected '{key}: [...]')", "missing-file"))
            unloaded.add(shown, noun, whole=True)
        return []
    result = _cached(cache, kind, path, shown, lambda: _read_records(kind, path, shown))
    problems.extend(result.problems)
    unloaded.merge(result.unloaded)
    return result.records


def _note_unloaded(unloaded: Unloaded, shown: str, noun: str, raw: Any) -> None:
    """Remember the id (and a publisher's domains) of a record that failed validation."""
    raw = raw if isinstance(raw, dict) else {}
    ident = raw.get("id")
    unloaded.add(shown, noun, [ident] if isinstance(ident, str) else [])
    if noun == "publisher":
        domains = raw.get("domains")
        named = [d.lower() for d in domains if isinstance(d, str)] if isinstance(domains, list) else []
        unloaded.add(shown, "domain", named or ["*"])  # "*": its hosts are unknown


def _record_list(data: Any, key: str, shown: str, problems: list[Problem]) -> LineList | None:
    """The file's list of raw records, or None after reporting why the file has none."""
    if data is None:
        return None
    if not isinstance(data, LineDict):
        what = "a list" if isinstance(data, LineList) else "a single value"
        problems.append(
            Problem(shown, getattr(data, "line", 1), "", f"the file should be a mapping with a '{key}:' list, not {what}", "wrong-shape")
        )
        return None
    for extra in data:
        if extra != key:
            problems.append(
                Problem(shown, data.key_lines.get(extra, 1), "", f"unknown top-level key '{extra}' (expected only '{key}')", "unknown-field")
            )
    if key not in data:
        problems.append(Problem(shown, data.line, "", f"the file has no '{key}:' list", "missing-field"))
        return None
    items = data.get(key)
    if items is None:
        return LineList(data.line)  # an explicitly empty list ("claims:") is allowed
    if not isinstance(items, LineList):
        problems.append(
            Problem(shown, data.key_lines.get(key, 1), "", f"'{key}' should be a list of records", "wrong-shape")
        )
        return None
    return items


@contextlib.contextmanager
def gc_paused():
    """Loading and checking build many small objects that all stay alive: the cyclic garbage collector
    would rescan them again and again (most of the time at 10,000 claims), so it waits until we are done."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_dataset(root: str | os.PathLike) -> tuple[Dataset, list[Problem]]:
    """Read every data file under ``root``; return what could be read and every problem found."""
    with gc_paused():
        return _load_dataset(root)


def _load_dataset(root: str | os.PathLike) -> tuple[Dataset, list[Problem]]:
    root = Path(root)
    problems: list[Problem] = []
    dataset = Dataset(root=str(root))
    if not root.is_dir():
        problems.append(Problem(display_path(root), 1, "", "data directory not found", "missing-file"))
        return dataset, problems

    cache = FileCache.for_data(root)
    article_path = root / "article.yml"
    shown = display_path(article_path)
    if article_path.exists():
        result = _cached(cache, "article", article_path, shown, lambda: _read_article(article_path, shown))
        problems.extend(result.problems)
        dataset.article = result.records[0] if result.records else None  # type: ignore[assignment]
        if dataset.article is None:
            dataset.unloaded.add(shown, "article")
    else:
        problems.append(Problem(shown, 1, "", "required file is missing", "missing-file"))
        dataset.unloaded.add(shown, "article")

    unloaded = dataset.unloaded
    dataset.sections = _records("sections", root / "sections.yml", problems, unloaded, cache)  # type: ignore[assignment]
    sources = _records("sources", root / "sources.yml", problems, unloaded, cache)
    for source in sources:
        dataset.sources.setdefault(source.id, source)  # type: ignore[attr-defined]
    dataset.all_sources = sources  # type: ignore[assignment]
    dataset.publishers = _records("publishers", root / "publishers.yml", problems, unloaded, cache)  # type: ignore[assignment]
    dataset.terms = _records("glossary", root / "glossary.yml", problems, unloaded, cache)  # type: ignore[assignment]
    dataset.figures = _records("figures", root / "figures.yml", problems, unloaded, cache, required=False)  # type: ignore[assignment]
    dataset.domains = _records("domains", root / "domains.yml", problems, unloaded, cache, required=False)  # type: ignore[assignment]

    claims_dir = root / "claims"
    if not claims_dir.is_dir():
        problems.append(Problem(display_path(claims_dir), 1, "", "the claims folder is missing", "missing-file"))
    else:
        for path in sorted(claims_dir.glob("*.yml")) + sorted(claims_dir.glob("*.yaml")):
            for claim in _records("claims", path, problems, unloaded, cache):
                assert isinstance(claim, Claim)
                claim._section = path.stem
                dataset.claims.append(claim)
    dataset.index()
    return dataset, problems


def load_and_check(root: str | os.PathLike, today: Any = None) -> tuple[Dataset, list[Problem]]:
    """Load, run the cross-file checks, and return every problem sorted."""
    from explainer.checks import run_checks

    with gc_paused():
        dataset, problems = load_dataset(root)
        problems.extend(run_checks(dataset, today=today))
    return dataset, sort_problems(problems)
