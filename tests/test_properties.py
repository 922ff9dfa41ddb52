"""Property tests: whatever the data, loading and checking never raise; valid data renders and round-trips."""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BASE, PROJECT, write_tree
from explainer.dataset import claim_source_ids
from explainer.export import render_exports
from explainer.load import load_and_check
from explainer.render import Renderer
from explainer.siteinfo import SiteInfo

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
    st.text(max_size=30), st.sampled_from(["2025-01-01", "2025-13-01", "yes", "supported", "src-report", "https://x.org"]),
)
keys = st.one_of(st.sampled_from(["id", "title", "quote", "claim", "kind", "verdict", "evidence", "source",
                                  "since", "as_of", "reviewed", "related", "aliases", "tags", "claims"]),
                 st.text(min_size=1, max_size=12))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=6)), max_leaves=25)


_TMP: list[tempfile.TemporaryDirectory] = []


def _tmp() -> Path:
    """A fresh folder per Hypothesis example (examples cannot take pytest's tmp_path), removed at exit."""
    folder = tempfile.TemporaryDirectory(prefix="prop-")
    _TMP.append(folder)
    return Path(folder.name)


def teardown_module(module) -> None:
    while _TMP:
        _TMP.pop().cleanup()


@SETTINGS
@given(st.text(max_size=400))
def test_any_text_as_a_claims_file_never_raises(text):
    data = write_tree(_tmp(), {"claims/alpha.yml": text})
    _, problems = load_and_check(data)
    assert all(p.line >= 1 and p.code for p in problems)


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_never_raise(raw):
    data = write_tree(_tmp(), {"sources.yml": raw})
    load_and_check(data)


@SETTINGS
@given(values)
def test_any_structure_as_claims_never_raises(structure):
    data = write_tree(_tmp(), {"claims/alpha.yml": yaml.safe_dump({"claims": [structure]})})
    _, problems = load_and_check(data)
    for p in problems:
        assert re.match(r"^\S+:\d+: ", p.format())


words = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd", "Zs"), whitelist_characters="&<>'\"%$#_,;:()"), min_size=1, max_size=40).filter(lambda s: s.strip())
ids = st.from_regex(r"[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
dates = st.dates(dt.date(2020, 1, 1), dt.date(2026, 11, 1)).map(lambda d: d.isoformat())


@st.composite
def claims(draw):
    cid = draw(ids)
    as_of = draw(dates)
    return {
        "id": cid,
        "title": draw(words),
        "quote": draw(words).replace(".", ""),
        "claim": draw(words),
        "kind": "fact",
        "verdict": draw(st.sampled_from(["supported", "partly-supported", "contested", "outdated", "unsupported"])),
        "conclusion": draw(words),
        "metric": draw(words),
        "leader": draw(st.sampled_from(["china", "us", "contested", "neither", "n/a"])),
        "annotation": draw(words) + " [@src-report]",
        "evidence": [
            {"source": "src-report", "finding": draw(words), "locator": draw(words), "stance": "supports"},
            {"source": "src-news", "finding": draw(words), "locator": draw(words), "stance": draw(st.sampled_from(["supports", "contradicts", "context"]))},
        ],
        "as_of": as_of,
        "reviewed": as_of,
    }


@SETTINGS
@given(st.lists(claims(), min_size=1, max_size=6, unique_by=lambda c: c["id"]))
def test_valid_claims_render_once_with_anchor_and_exports_round_trip(records):
    text = yaml.safe_dump({"claims": records}, allow_unicode=True, sort_keys=False)
    data = write_tree(_tmp(), {"claims/alpha.yml": text})
    ds, problems = load_and_check(data)
    assert [p.format() for p in problems if p.is_error] == []
    renderer = Renderer(ds, today=dt.date(2026, 11, 26), site=SiteInfo("Test site", "Test authors", "CC BY 4.0"))
    page = renderer.cards.section_claims("alpha", "alpha/")
    for record in records:
        assert len(re.findall(rf"\{{ #{re.escape(record['id'])} ", page)) == 1
    exported = json.loads(render_exports(ds)["claims.json"])["claims"]
    assert [
        {k: r[k] for k in ("id", "title", "verdict", "leader", "as_of", "reviewed")} for r in exported
    ] == [{k: c[k] for k in ("id", "title", "verdict", "leader", "as_of", "reviewed")} for c in records]
    for r, claim in zip(exported, ds.claims):
        assert r["sources"] == claim_source_ids(claim)
