"""The file cache changes nothing but speed: the same problems, lines and codes with it (cold and warm)
as without it, on a generated dataset with faults in several files."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bench.synth import generate
from conftest import PROJECT
from explainer.load import load_and_check


def _faulty(data):
    """Break the generated data in ways that need line numbers, follow-on suppression and cross-file checks."""
    claims = sorted((data / "claims").glob("*.yml"))
    text = claims[0].read_text(encoding="utf-8")
    text = text.replace("verdict: supported", "verdict: sort-of", 1)
    text = re.sub(r"^( +)kind: (\w+)$", r"\1kind: \2\n\1kindd: \2", text, count=1, flags=re.M)  # an unknown field
    claims[0].write_text(text, encoding="utf-8")
    text = claims[1].read_text(encoding="utf-8")
    claims[1].write_text(text.replace("[@src-", "[@srcx-", 2), encoding="utf-8")
    text = claims[2].read_text(encoding="utf-8")
    claims[2].write_text(re.sub(r"^ +(quote:)", r"\t\1", text, count=1, flags=re.M), encoding="utf-8")  # a tab: the file fails
    text = (data / "article.yml").read_text(encoding="utf-8")
    (data / "article.yml").write_text(text.replace("url: https://", "url: gopher://", 1), encoding="utf-8")
    text = (data / "sources.yml").read_text(encoding="utf-8")
    (data / "sources.yml").write_text(text.replace("url: https://example.org/", "url: ftp://example.org/", 1), encoding="utf-8")


def _run(data, monkeypatch, **env):
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    _, problems = load_and_check(data, today=dt.date(2026, 11, 30))
    return [p.format() for p in problems]


def test_problems_are_identical_without_the_cache_and_with_it_cold_and_warm(tmp_path, monkeypatch):
    data = tmp_path / "data"
    generate(300, data, PROJECT / "data", PROJECT / "docs")
    _faulty(data)
    cache = str(tmp_path / "cache")
    without = _run(data, monkeypatch, EXPLAINER_CACHE="0")
    codes = {p.rsplit("[", 1)[1].split("]")[0] for p in without}
    assert codes == {"invalid-value", "unknown-field", "unknown-source", "yaml-tab", "bad-url"}, without
    cold = _run(data, monkeypatch, EXPLAINER_CACHE="1", EXPLAINER_CACHE_DIR=cache)
    warm = _run(data, monkeypatch, EXPLAINER_CACHE="1", EXPLAINER_CACHE_DIR=cache)
    assert cold == without
    assert warm == without
    assert any((tmp_path / "cache").rglob("*.pickle")), "the cache was never written"


def test_an_edited_file_is_read_again(tmp_path, monkeypatch):
    data = tmp_path / "data"
    generate(60, data, PROJECT / "data", PROJECT / "docs")
    cache = str(tmp_path / "cache")
    assert _run(data, monkeypatch, EXPLAINER_CACHE_DIR=cache) == []
    path = sorted((data / "claims").glob("*.yml"))[0]
    path.write_text(path.read_text(encoding="utf-8").replace("verdict: supported", "verdict: nope", 1), encoding="utf-8")
    found = _run(data, monkeypatch, EXPLAINER_CACHE_DIR=cache)
    assert [p.rsplit("[", 1)[1] for p in found] == ["invalid-value]"]


@pytest.fixture(autouse=True)
def _no_pinned_day(monkeypatch):
    monkeypatch.delenv("EXPLAINER_TODAY", raising=False)
