"""Hostile text in every field that reaches a page renders as text: no script, no handler, no bad URL."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from conftest import PROJECT
from explainer.jsonld import claim_review, script_json
from explainer.load import load_and_check
from explainer.markup import render_markdown, sanitise
from explainer.render import Renderer
from explainer.siteinfo import SiteInfo

PAYLOADS = [
    "<script>alert('x1')</script>",
    "<img src=x onerror=alert('x2')>",
    "[click](javascript:alert('x3'))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "</script><script>alert('x4')</script>",
    '"><svg onload=alert(\'x5\')>',
    "<a href='javascript:alert(6)'>x6</a>",
    "{{ 'PWN' ~ 'ED' }}",
    "<iframe src='https://evil.example/'></iframe>",
    "<style>body{display:none}</style>",
]
HOSTILE = " ".join(PAYLOADS)


class Audit(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "iframe", "style", "object", "embed", "svg", "img", "form"}:
            self.bad.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"{tag}[{name}]")
            if name in {"href", "src", "action", "xlink:href"} and value and re.match(r"^\s*(javascript|data|vbscript):", value, re.I):
                self.bad.append(f"{tag}[{name}={value[:20]}]")


def audit(html: str) -> list[str]:
    parser = Audit()
    parser.feed(html)
    return parser.bad


def hostile_tree(tree):
    from conftest import CLAIM, GLOSSARY, SECTIONS, SOURCES

    def q(text):  # a YAML double-quoted scalar
        return json.dumps(text)

    claim = (CLAIM
             .replace("title: The first claim", f"title: {q('T ' + PAYLOADS[0])}")
             .replace('quote: "China leads in one thing."', f"quote: {q(PAYLOADS[0] + ' ' + PAYLOADS[4])}")
             .replace("claim: China leads in one measurable thing.", f"claim: {q(HOSTILE)}")
             .replace("conclusion: The report shows it does.", f"conclusion: {q(HOSTILE)}")
             .replace("metric: Share of the thing", f"metric: {q(HOSTILE)}")
             .replace("      The report says so [@src-report], and so does the news [@src-news].",
                      "      The report says so about the GPU [@src-report]. " + HOSTILE.replace("\n", " ") + " [@src-news]")
             .replace("finding: China had 60% of the thing in 2023.", f"finding: {q(HOSTILE)}")
             .replace('figure: "60%"', f"figure: {q(HOSTILE)}")
             .replace("locator: Table 1", f"locator: {q(HOSTILE)}")
             .replace("    since: []", f"    since:\n      - date: 2025-06\n        note: {q(HOSTILE)}\n        sources: [src-report]\n    corrections:\n      - date: 2026-01-01\n        note: {q(HOSTILE)}"))
    sources = (SOURCES.replace("title: A research report", f"title: {q(HOSTILE)}")
               .replace("publisher: An Institute", f"publisher: {q(HOSTILE)}"))
    glossary = GLOSSARY.replace("definition: A graphics processor.", f"definition: {q(HOSTILE)}")
    sections = SECTIONS.replace("intro: The first section.", f"intro: {q(HOSTILE)}").replace("- One?", f"- {q(HOSTILE)}")
    from conftest import ARTICLE

    article = ARTICLE.replace('title: "How Big Is China’s Advantage in the AI Race?"', f"title: {q(HOSTILE)}").replace("author: null", f"author: {q(HOSTILE)}")
    return tree({"claims/alpha.yml": claim, "sources.yml": sources, "glossary.yml": glossary,
                 "sections.yml": sections, "article.yml": article})


@pytest.fixture
def renderer(tree):
    data = hostile_tree(tree)
    ds, problems = load_and_check(data)
    assert [p for p in problems if p.is_error] == [], [p.format() for p in problems]
    import datetime as dt

    return Renderer(ds, today=dt.date(2026, 11, 26), site=SiteInfo("Test site", "Test authors", "CC BY 4.0"))


def test_every_fragment_with_hostile_text_is_inert(renderer):
    url = "alpha/"
    fill = renderer.fill_slots
    fragments = {
        "card": fill(renderer.cards.claim_summary("first-claim", url)),
        "rows": fill(renderer.cards.claim_rows(renderer.cards.ctx.ds.claims_in("alpha"), url)),
        "page": fill(renderer.cards.claim_card("first-claim", "claims/first-claim/")),
        "intro": renderer.overview.section_intro("alpha", url),
        "questions": renderer.classroom.discussion_questions("alpha"),
        "explorer": fill(renderer.explorer.claim_explorer("claims/")),
        "quiz": fill(renderer.classroom.quiz("alpha", "quiz/alpha/")),
        "handout": fill(renderer.classroom.handout("alpha", "handouts/alpha/")),
        "sources": renderer.reference.sources_list("sources/"),
        "glossary": renderer.reference.glossary_list("glossary/"),
        "publishers": renderer.reference.publisher_ratings(),
        "corrections": renderer.reference.corrections_log("corrections/"),
        "recent": renderer.overview.recent_changes(""),
        "article": renderer.overview.article_box(),
    }
    for name, html in fragments.items():
        assert audit(html) == [], name
        assert "PWNED" not in html


def test_heading_text_cannot_inject_markdown_or_html(renderer):
    card = renderer.fill_slots(renderer.cards.claim_summary("first-claim", "alpha/"))
    heading = card.splitlines()[0]
    assert "<script>" not in heading and "&lt;script&gt;" in heading


def test_glossary_hovers_carry_escaped_definitions(renderer):
    card = renderer.fill_slots(renderer.cards.claim_card("first-claim", "claims/first-claim/"))
    assert audit(card) == []
    assert card.count('<abbr title="') == 1  # the term is explained once per card


def test_jsonld_cannot_close_its_script_element(renderer):
    claim = renderer.ctx.ds.claim("first-claim")
    text = script_json(claim_review(claim, renderer.ctx.ds.article, SiteInfo("Site"), "/claims/first-claim/"))
    assert "</script" not in text.lower() and "<" not in text
    assert json.loads(text)["claimReviewed"]  # still valid JSON, text preserved


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_renderer_strips_each_payload(payload):
    assert audit(render_markdown(payload)) == []


def test_external_links_get_noopener_noreferrer():
    html = render_markdown("See [the report](https://example.org/r).")
    assert 'rel="noopener noreferrer"' in html
    assert sanitise('<a href="https://x.example" rel="opener">x</a>').count("noopener noreferrer") == 1
