"""The benchmark's synthetic data is the real format: it checks clean (the speed numbers live in make bench)."""

from __future__ import annotations

from collections import Counter

from conftest import PROJECT
from explainer.dataset import claim_source_ids
from explainer.load import load_and_check


def test_synthetic_data_checks_clean_with_five_sources_per_claim(tmp_path):
    from bench.synth import generate

    out = tmp_path / "data"
    generate(60, out, PROJECT / "data", PROJECT / "docs")
    dataset, problems = load_and_check(out)
    assert [p.format() for p in problems if p.is_error] == []
    assert len(dataset.claims) == 60
    assert Counter(len(set(claim_source_ids(c))) for c in dataset.claims) == {5: 60}
    assert {c.section for c in dataset.claims} == {s.id for s in dataset.sections}
