"""The committed data validates with zero problems, fast, and holds what the explainer promises."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import PROJECT
from explainer.dataset import claim_source_ids
from explainer.load import load_and_check

DATA = PROJECT / "data"


def test_real_data_has_zero_problems():
    _, problems = load_and_check(DATA)
    assert [p.format() for p in problems] == []


def test_explainer_check_on_real_data_prints_nothing_and_exits_0():
    result = subprocess.run([sys.executable, "-m", "explainer", "check"], cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "" and result.stderr == ""


def test_every_claim_has_two_distinct_sources_and_every_section_claims():
    ds, _ = load_and_check(DATA)
    assert len(ds.claims) >= 40
    for claim in ds.claims:
        assert len(set(claim_source_ids(claim))) >= 2, claim.id
    for section in ds.sections:
        assert ds.claims_in(section.id), section.id
        assert 3 <= len(section.questions) <= 5


def test_sources_are_https_publisher_pages_with_access_dates():
    ds, _ = load_and_check(DATA)
    for source in ds.sources.values():
        assert source.accessed, source.id
        assert re.match(r"^https?://", source.url), source.id


def test_reference_files_meet_the_content_floor():
    ds, _ = load_and_check(DATA)
    assert len(ds.terms) >= 25
    assert len(ds.figures) >= 5
    assert ds.article is not None and ds.article.url.startswith("https://")
