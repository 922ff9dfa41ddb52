"""Section pages list every claim once: as compact cards, or as rows past CARDS_PER_SECTION_PAGE claims."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import CLAIM
from explainer.cards import CARDS_PER_SECTION_PAGE
from explainer.load import load_and_check
from explainer.render import Renderer
from explainer.siteinfo import SiteInfo


def _section_of(tree, n: int) -> tuple[Renderer, str]:
    one = CLAIM.split("claims:\n", 1)[1]
    records = "".join(one.replace("id: first-claim", f"id: claim-{i:03d}")
                      .replace("title: The first claim", f"title: Claim number {i}") for i in range(n))
    ds, problems = load_and_check(tree({"claims/alpha.yml": "claims:\n" + records}))
    assert [p.format() for p in problems if p.is_error] == []
    renderer = Renderer(ds, today=dt.date(2026, 11, 26), site=SiteInfo("Test site", "Test authors", "CC BY 4.0"))
    return renderer, renderer.fill_slots(renderer.cards.section_claims("alpha", "alpha/"))


def test_a_section_up_to_the_limit_shows_compact_cards(tree):
    renderer, page = _section_of(tree, CARDS_PER_SECTION_PAGE)
    ids = re.findall(r"\{ #(claim-\d+) \.ax-claim__title", page)
    assert ids == [f"claim-{i:03d}" for i in range(CARDS_PER_SECTION_PAGE)]
    assert page.count('class="ax-claim-row') == 0
    assert renderer.cards.ctx.rendered == set(ids)


def test_a_longer_section_shows_one_row_per_claim_with_its_anchor_verdict_and_leader(tree):
    n = CARDS_PER_SECTION_PAGE + 1
    renderer, page = _section_of(tree, n)
    rows = re.findall(r'<li class="ax-claim-row ax-claim--(\w[\w-]*)" id="(claim-\d+)"><a href="([^"]+)">([^<]+)</a> '
                      r'<span class="ax-verdict ax-verdict--supported"><span aria-hidden="true">✔</span> Supported</span> '
                      r'<span class="ax-claim-row__leader">Who leads: China</span></li>', page)
    assert rows == [("supported", f"claim-{i:03d}", f"../claims/claim-{i:03d}/", f"Claim number {i}") for i in range(n)]
    assert "ax-claim__title" not in page  # no headings: a 150-claim table of contents would bury the page
    assert re.search(r'<ol class="ax-claim-rows" data-pagefind-ignore>', page)
    assert f"<p class=\"ax-claim-rows__intro\">{n} claims." in page
    assert renderer.cards.ctx.rendered == {f"claim-{i:03d}" for i in range(n)}


@pytest.mark.parametrize("n", [1, CARDS_PER_SECTION_PAGE + 1])
def test_section_copies_are_left_out_of_the_online_search(tree, n):
    _, page = _section_of(tree, n)
    assert page.count("data-pagefind-ignore") == (n if n <= CARDS_PER_SECTION_PAGE else 1)
