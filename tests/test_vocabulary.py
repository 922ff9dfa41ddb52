"""One vocabulary: every table keyed by a verdict, leader, kind, stance, source type or rating covers it exactly."""

from __future__ import annotations

from explainer import cite, model, scale


def test_model_and_scale_declare_the_same_values_in_the_same_order():
    for name in ("VERDICTS", "LEADERS", "KINDS", "STANCES", "SOURCE_TYPES", "RATINGS", "PUBLISHER_KINDS", "TRENDS"):
        assert tuple(getattr(model, name)) == tuple(getattr(scale, name)), name


def test_citation_formats_cover_every_source_type():
    assert set(cite._BIB_TYPES) == set(model.SOURCE_TYPES)
    assert set(cite._CSL_TYPES) == set(model.SOURCE_TYPES)


def test_every_rated_verdict_has_a_claimreview_value_and_opinion_has_none():
    assert set(scale.RATING_VALUES) == set(model.VERDICTS) - {"opinion"}
