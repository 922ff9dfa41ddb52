"""Shared fixtures: a minimal valid data tree that tests break one piece at a time."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent

ARTICLE = """\
title: "How Big Is China’s Advantage in the AI Race?"
outlet: The Epoch Times
label: Commentary
url: https://www.theepochtimes.com/opinion/example
author: null
date: 2025-02
date_estimated: true
"""

SECTIONS = """\
sections:
  - id: alpha
    title: Alpha
    intro: The first section.
    questions:
      - One?
      - Two?
      - Three?
"""

SOURCES = """\
sources:
  - id: src-report
    title: A research report
    publisher: An Institute
    date: 2024-05-01
    url: https://institute.example.org/report
    type: research
    accessed: 2026-11-01
  - id: src-news
    title: A news story
    publisher: A Newspaper
    date: 2025-01
    url: https://news.example.com/story
    type: news
    accessed: 2026-11-01
"""

PUBLISHERS = """\
publishers:
  - id: an-institute
    name: An Institute
    domains: [institute.example.org]
    kind: research-institute
    rating: reliable
    note: Publishes its own research with a stated method.
  - id: a-newspaper
    name: A Newspaper
    domains: [news.example.com]
    kind: newspaper
    rating: reliable
    note: A newspaper of record with a corrections policy.
"""

DOMAINS = """\
domains:
  - id: things
    title: Things
    metric: Share of the thing
    leader: china
    leader_at_publication: china
    trend: steady
    summary: China makes most of the thing [@src-report].
    claims: [first-claim]
    as_of: 2026-11-01
"""

GLOSSARY = """\
terms:
  - id: gpu
    term: GPU
    definition: A graphics processor.
    source: src-report
"""

CLAIM = """\
claims:
  - id: first-claim
    title: The first claim
    quote: "China leads in one thing."
    claim: China leads in one measurable thing.
    kind: fact
    verdict: supported
    conclusion: The report shows it does.
    metric: Share of the thing
    leader: china
    annotation: |
      The report says so [@src-report], and so does the news [@src-news].
    evidence:
      - source: src-report
        finding: China had 60% of the thing in 2023.
        figure: "60%"
        year: 2023
        locator: Table 1
        stance: supports
      - source: src-news
        finding: The news repeats it.
        locator: Paragraph 2
        stance: supports
    since: []
    as_of: 2026-11-01
    reviewed: 2026-11-02
    related: []
    tags: [thing]
"""

BASE = {
    "article.yml": ARTICLE,
    "sections.yml": SECTIONS,
    "sources.yml": SOURCES,
    "publishers.yml": PUBLISHERS,
    "glossary.yml": GLOSSARY,
    "claims/alpha.yml": CLAIM,
}


def write_tree(root: Path, overrides: dict[str, str | bytes | None] | None = None) -> Path:
    """Write the base data tree under ``root/data`` with files replaced (None deletes a file)."""
    data = root / "data"
    files = dict(BASE)
    files.update(overrides or {})
    for name, content in files.items():
        path = data / name
        if content is None:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return data


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing ``needle`` (so tests never hard-code line numbers)."""
    seen = 0
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not found")


FIXTURE_TODAY = "2026-11-26"


@pytest.fixture
def fixed_today(monkeypatch):
    """Pin "today" for synthetic data only (its dates are written for this day). Real data never pins it."""
    monkeypatch.setenv("EXPLAINER_TODAY", FIXTURE_TODAY)
    return FIXTURE_TODAY


@pytest.fixture(autouse=True)
def _real_clock_by_default(monkeypatch):
    """No test inherits a pinned day from the environment: real data is judged by the real clock."""
    monkeypatch.delenv("EXPLAINER_TODAY", raising=False)


@pytest.fixture
def tree(tmp_path, fixed_today):
    """Call ``tree(overrides)`` to get a data dir built from the base plus overrides."""

    def make(overrides=None):
        return write_tree(tmp_path, overrides)

    return make


def dedent(text: str) -> str:
    return textwrap.dedent(text)


def chromium_path() -> str | None:
    path = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    return path if os.path.exists(path) else None


def pytest_configure(config):
    """Block outbound network for the whole test run: the build and the tests must not need it."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("_nonet", Path(__file__).parent / "support" / "nonet" / "sitecustomize.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
