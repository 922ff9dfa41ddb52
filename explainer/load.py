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

import gc
import os
import re
from pathlib import Path
from typing import Any

from explainer.dataset import Dataset, Unloaded
from explainer.model import FILE_KINDS, Article, Claim, Record
from explainer.problems import Problem, display_path, sort_problems
from explainer.validation import subject_for, validate_record
from explainer.yamlfile import MAX_BYTES, LineDict, LineList, read_yaml

_ID_LINE = re.compile(r"^\s*-?\s*id:\s*[\"']?([A-Za-z0-9_-]+)", re.M)


def _declared_ids(path: Path) -> set[str]:
    """Ids a file declares, read from its text: used only when the file itself cannot be loaded."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return set()
        return set(_ID_LINE.findall(path.read_text(encoding="utf-8", errors="replace")))
    except OSError:
        return set()


def _records(kind: str, path: Path, problems: list[Problem], unloaded: Unloaded, required: bool = True) -> list[Record]:
    """Read a file of the form ``<key>: [records]`` and validate each record on its own.

    What fails to load is noted in ``unloaded`` so that checks do not report its consequences.
    """
    key, noun, model, _ = FILE_KINDS[kind]
    shown = display_path(path)
    if not path.exists():
        if required:
            problems.append(Problem(shown, 1, "", f"required file is missing (expected '{key}: [...]')", "missing-file"))
            unloaded.add(shown, noun, whole=True)
        return []
    before = len(problems)
    result = read_yaml(path, shown)
    problems.extend(result.problems)
    items = _record_list(result.data, key, shown, problems)
    if items is None:
        if len(problems) > before:
            unloaded.add(shown, noun, _declared_ids(path), whole=True)
        return []
    records: list[Record] = []
    for index, raw in enumerate(items):
        line = items.item_lines[index]
        record, found = validate_record(model, raw, shown, line, subject_for(noun, raw, index))
        problems.extend(found)
        if record is not None:
            records.append(record)
        else:
            _note_unloaded(unloaded, shown, noun, raw)
    return records


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


def load_dataset(root: str | os.PathLike) -> tuple[Dataset, list[Problem]]:
    """Read every data file under ``root``; return what could be read and every problem found."""
    # Loading builds many small objects that all stay alive: the cyclic garbage collector would
    # rescan them again and again (most of the time at 10,000 claims), so pause it while loading.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_dataset(root)
    finally:
        if enabled:
            gc.enable()


def _load_dataset(root: str | os.PathLike) -> tuple[Dataset, list[Problem]]:
    root = Path(root)
    problems: list[Problem] = []
    dataset = Dataset(root=str(root))
    if not root.is_dir():
        problems.append(Problem(display_path(root), 1, "", "data directory not found", "missing-file"))
        return dataset, problems

    article_path = root / "article.yml"
    shown = display_path(article_path)
    if article_path.exists():
        result = read_yaml(article_path, shown)
        problems.extend(result.problems)
        if result.data is not None:
            article, found = validate_record(Article, result.data, shown, getattr(result.data, "line", 1), "article")
            problems.extend(found)
            dataset.article = article  # type: ignore[assignment]
        if dataset.article is None:
            dataset.unloaded.add(shown, "article")
    else:
        problems.append(Problem(shown, 1, "", "required file is missing", "missing-file"))
        dataset.unloaded.add(shown, "article")

    unloaded = dataset.unloaded
    dataset.sections = _records("sections", root / "sections.yml", problems, unloaded)  # type: ignore[assignment]
    sources = _records("sources", root / "sources.yml", problems, unloaded)
    for source in sources:
        dataset.sources.setdefault(source.id, source)  # type: ignore[attr-defined]
    dataset.all_sources = sources  # type: ignore[assignment]
    dataset.publishers = _records("publishers", root / "publishers.yml", problems, unloaded)  # type: ignore[assignment]
    dataset.terms = _records("glossary", root / "glossary.yml", problems, unloaded)  # type: ignore[assignment]
    dataset.figures = _records("figures", root / "figures.yml", problems, unloaded, required=False)  # type: ignore[assignment]
    dataset.domains = _records("domains", root / "domains.yml", problems, unloaded, required=False)  # type: ignore[assignment]

    claims_dir = root / "claims"
    if not claims_dir.is_dir():
        problems.append(Problem(display_path(claims_dir), 1, "", "the claims folder is missing", "missing-file"))
    else:
        for path in sorted(claims_dir.glob("*.yml")) + sorted(claims_dir.glob("*.yaml")):
            for claim in _records("claims", path, problems, unloaded):
                assert isinstance(claim, Claim)
                claim._section = path.stem
                dataset.claims.append(claim)
    dataset.index()
    return dataset, problems


def load_and_check(root: str | os.PathLike, today: Any = None) -> tuple[Dataset, list[Problem]]:
    """Load, run the cross-file checks, and return every problem sorted."""
    from explainer.checks import run_checks

    dataset, problems = load_dataset(root)
    problems.extend(run_checks(dataset, today=today))
    return dataset, sort_problems(problems)
