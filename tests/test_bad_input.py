"""The bad-input suite: each case is a small data tree with one fault, and asserts the exact code and line.

Line numbers are computed from the case's own text (``line_of``), never typed by hand.
"""

from __future__ import annotations

import time
import tracemalloc

import pytest

from conftest import BASE, CLAIM, DOMAINS, GLOSSARY, PUBLISHERS, SECTIONS, SOURCES, line_of
from explainer.load import load_and_check
from explainer.yamlfile import MAX_BYTES


def sub(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


C = "claims/alpha.yml"
S = "sources.yml"
P = "publishers.yml"
D = "domains.yml"

_BODY2 = sub(sub(CLAIM, "claims:\n", ""), "id: first-claim", "id: second-claim")  # a second claim, no header

# (case id, {file: new text}, file, needle on the expected line (or an int line), code)
CASES = [
    # --- YAML syntax, several kinds
    ("syntax-unclosed-flow", {C: sub(CLAIM, "tags: [thing]", "tags: [thing")}, C, "tags: [thing", "yaml-syntax"),
    ("syntax-unclosed-quote", {C: sub(CLAIM, 'quote: "China leads in one thing."', 'quote: "China leads in one thing.')}, C, "quote: ", "yaml-syntax"),
    ("syntax-bad-indent", {C: sub(CLAIM, "    kind: fact", "      kind: fact")}, C, "kind: fact", "yaml-syntax"),
    ("syntax-colon-in-plain", {C: sub(CLAIM, "    metric: Share of the thing", "    metric: Share: of: the thing")}, C, "metric: Share", "yaml-syntax"),
    ("tab-indent", {C: sub(CLAIM, "    kind: fact", "\tkind: fact")}, C, "kind: fact", "yaml-tab"),
    # --- duplicate keys at every level
    ("dup-key-claim-field", {C: sub(CLAIM, "    kind: fact\n", "    kind: fact\n    kind: opinion\n")}, C, "kind: opinion", "duplicate-key"),
    ("dup-key-evidence-item", {C: sub(CLAIM, "        locator: Table 1\n", "        locator: Table 1\n        locator: Table 2\n")}, C, "locator: Table 2", "duplicate-key"),
    ("dup-key-top-level", {C: CLAIM + "claims: []\n"}, C, 2 + CLAIM.count("\n") - 1, "duplicate-key"),
    ("dup-key-source", {S: sub(SOURCES, "    type: research\n", "    type: research\n    type: data\n")}, S, "type: data", "duplicate-key"),
    ("dup-key-section", {"sections.yml": sub(SECTIONS, "    title: Alpha\n", "    title: Alpha\n    title: Beta\n")}, "sections.yml", "title: Beta", "duplicate-key"),
    # --- wrong types, booleans, missing and unknown fields
    ("wrong-type-title-list", {C: sub(CLAIM, "    title: The first claim", "    title: [The, first]")}, C, "title: [The", "wrong-type"),
    ("wrong-type-evidence-mapping", {C: sub(CLAIM, "    evidence:\n      - source: src-report", "    evidence:\n      source: src-report\n    evidence_x:\n      - source: src-report")}, C, "evidence:", "wrong-type"),
    ("bare-yes-title", {C: sub(CLAIM, "    title: The first claim", "    title: yes")}, C, "title: yes", "yaml-boolean"),
    ("bare-off-metric", {C: sub(CLAIM, "    metric: Share of the thing", "    metric: off")}, C, "metric: off", "yaml-boolean"),
    ("missing-conclusion", {C: sub(CLAIM, "    conclusion: The report shows it does.\n", "")}, C, "  - id: first-claim", "missing-field"),
    ("missing-locator", {C: sub(CLAIM, "        locator: Paragraph 2\n", "")}, C, "      - source: src-news", "missing-field"),
    ("unknown-field-typo", {C: sub(CLAIM, "    verdict: supported", "    verdict: supported\n    verdit: supported")}, C, "verdit:", "unknown-field"),
    ("unknown-field-source", {S: sub(SOURCES, "    type: research\n", "    type: research\n    publisherr: X\n")}, S, "publisherr", "unknown-field"),
    ("unknown-top-level-key", {C: CLAIM + "claimz: []\n"}, C, "claimz", "unknown-field"),
    ("empty-text-title", {C: sub(CLAIM, "    title: The first claim", '    title: "   "')}, C, 'title: "   "', "empty-text"),
    # --- empty files and wrong shapes
    ("empty-file", {C: ""}, C, 1, "empty-file"),
    ("whitespace-only-file", {C: "   \n\n# just a comment\n"}, C, 1, "empty-file"),
    ("file-is-list", {C: "- id: first-claim\n  title: x\n"}, C, 1, "wrong-shape"),
    ("claim-is-string", {C: "claims:\n  - just a string\n"}, C, "just a string", "wrong-shape"),
    ("sources-not-list", {S: "sources: a string\n"}, S, "sources:", "wrong-shape"),
    # --- bad dates, ids and values
    ("bad-date-month-13", {C: sub(CLAIM, "as_of: 2026-11-01", "as_of: 2026-13-01")}, C, "as_of:", "invalid-date"),
    ("bad-date-word", {C: sub(CLAIM, "reviewed: 2026-11-02", "reviewed: yesterday")}, C, "reviewed:", "invalid-date"),
    ("bad-date-feb-30", {S: sub(SOURCES, "date: 2024-05-01", "date: 2024-02-30")}, S, "date: 2024-02-30", "invalid-date"),
    ("bad-id", {C: sub(CLAIM, "  - id: first-claim", "  - id: First_Claim")}, C, "id: First_Claim", "invalid-id"),
    ("bad-verdict", {C: sub(CLAIM, "verdict: supported", "verdict: true-ish")}, C, "verdict:", "invalid-value"),
    ("bad-leader", {C: sub(CLAIM, "leader: china", "leader: china-us")}, C, "leader:", "invalid-value"),
    ("bad-url-ftp", {S: sub(SOURCES, "url: https://institute.example.org/report", "url: ftp://institute.example.org/report")}, S, "ftp://", "bad-url"),
    ("bad-url-javascript", {S: sub(SOURCES, "url: https://news.example.com/story", "url: javascript:alert(1)")}, S, "javascript:", "bad-url"),
    ("quote-two-sentences", {C: sub(CLAIM, '"China leads in one thing."', '"China leads. It also wins."')}, C, "quote:", "quote-too-long"),
    ("too-few-questions", {"sections.yml": sub(SECTIONS, "      - Three?\n", "")}, "sections.yml", "questions:", "too-few-items"),
    # --- references
    ("unknown-source-evidence", {C: sub(CLAIM, "      - source: src-news", "      - source: src-newz")}, C, "source: src-newz", "unknown-source"),
    ("unknown-source-cite", {C: sub(CLAIM, "[@src-news]", "[@src-nope]")}, C, "[@src-nope]", "unknown-source"),
    ("unknown-related", {C: sub(CLAIM, "related: []", "related: [no-such-claim]")}, C, "related:", "unknown-claim"),
    ("self-related", {C: sub(CLAIM, "related: []", "related: [first-claim]")}, C, "related:", "self-reference"),
    ("unknown-term-source", {"glossary.yml": sub(GLOSSARY, "source: src-report", "source: src-gone")}, "glossary.yml", "source: src-gone", "unknown-source"),
    # --- sourcing rules
    ("too-few-sources", {C: sub(sub(sub(CLAIM, "[@src-news]", ""), "      - source: src-news\n        finding: The news repeats it.\n        locator: Paragraph 2\n        stance: supports\n", ""), "", "")}, C, "evidence:", "too-few-sources"),
    ("weak-sources", {S: sub(SOURCES, "type: research", "type: opinion")}, C, "verdict:", "weak-sources"),
    ("verdict-kind", {C: sub(CLAIM, "verdict: supported", "verdict: opinion")}, C, "verdict:", "verdict-kind"),
    # --- dates across fields
    ("reviewed-before-as-of", {C: sub(CLAIM, "reviewed: 2026-11-02", "reviewed: 2026-10-01")}, C, "reviewed:", "reviewed-before-as-of"),
    ("future-date", {C: sub(sub(CLAIM, "as_of: 2026-11-01", "as_of: 2030-01-01"), "reviewed: 2026-11-02", "reviewed: 2030-01-02")}, C, "as_of:", "future-date"),
    # --- ids across files
    ("duplicate-claim-across-files", {"claims/beta.yml": CLAIM, "sections.yml": SECTIONS + "  - id: beta\n    title: Beta\n    intro: B.\n    questions: [a?, b?, c?]\n"}, "claims/beta.yml", "  - id: first-claim", "duplicate-id"),
    ("duplicate-source-id", {S: SOURCES + "  - id: src-news\n    title: Again\n    publisher: P\n    date: 2025\n    url: https://news.example.com/again\n    type: news\n    accessed: 2026-11-01\n"}, S, 1 + SOURCES.count("\n"), "duplicate-id"),
    ("alias-conflict", {C: sub(CLAIM, "    related: []", "    aliases: [second-claim]\n    related: []") + sub(sub(CLAIM, "claims:\n", ""), "id: first-claim", "id: second-claim")}, C, "aliases: [second-claim]", "alias-conflict"),
    ("orphan-claim-file", {"claims/gamma.yml": sub(CLAIM, "id: first-claim", "id: lonely-claim")}, "claims/gamma.yml", "id: lonely-claim", "orphan-claim"),
    # --- hostile files
    ("python-tag", {C: sub(CLAIM, "    title: The first claim", "    title: !!python/object/apply:os.system ['echo pwned']")}, C, "!!python", "unsafe-tag"),
    ("custom-tag", {C: sub(CLAIM, "    title: The first claim", "    title: !secret value")}, C, "!secret", "unsafe-tag"),
    ("missing-sources-file", {S: None}, S, 1, "missing-file"),
    # --- the publisher registry
    ("unregistered-host", {S: sub(SOURCES, "https://news.example.com/story", "https://blog.example.net/story")}, S, "blog.example.net", "unregistered-publisher"),
    ("unreliable-publisher", {P: sub(PUBLISHERS, "    rating: reliable\n    note: A newspaper", "    rating: unreliable\n    note: A newspaper")}, S, "https://news.example.com/story", "unreliable-publisher"),
    ("only-use-with-care-support", {P: PUBLISHERS.replace("rating: reliable", "rating: use-with-care")}, C, "    evidence:", "no-reliable-source"),
    ("bad-rating-value", {P: sub(PUBLISHERS, "rating: reliable", "rating: trustworthy")}, P, "rating: trustworthy", "invalid-value"),
    ("bad-publisher-kind", {P: sub(PUBLISHERS, "kind: newspaper", "kind: tabloid")}, P, "kind: tabloid", "invalid-value"),
    ("publisher-missing-note", {P: sub(PUBLISHERS, "    note: A newspaper of record with a corrections policy.\n", "")}, P, "  - id: a-newspaper", "missing-field"),
    ("publisher-no-domains", {P: sub(PUBLISHERS, "domains: [news.example.com]", "domains: []")}, P, "domains: []", "too-few-items"),
    ("duplicate-domain", {P: sub(PUBLISHERS, "domains: [news.example.com]", "domains: [news.example.com, institute.example.org]")}, P, "domains: [news.example.com, institute", "duplicate-domain"),
    ("duplicate-publisher-id", {P: sub(PUBLISHERS, "id: a-newspaper", "id: an-institute  # again")}, P, "# again", "duplicate-id"),
    ("outlet-under-review", {S: sub(SOURCES, "https://news.example.com/story", "https://www.theepochtimes.com/business/story")}, S, "theepochtimes.com/business", "outlet-under-review"),
    ("missing-publishers-file", {P: None}, P, 1, "missing-file"),
    ("publishers-file-broken", {P: sub(PUBLISHERS, "domains: [news.example.com]", "domains: [news.example.com")}, P, "domains: [news.example.com", "yaml-syntax"),
    # --- the lead map (data/domains.yml)
    ("domain-unknown-claim", {D: sub(DOMAINS, "claims: [first-claim]", "claims: [first-claim, no-such-claim]")}, D, "claims: [first-claim, no-such", "unknown-claim"),
    ("domain-unknown-figure", {D: sub(DOMAINS, "    as_of:", "    figures: [no-such-chart]\n    as_of:")}, D, "figures: [no-such-chart]", "unknown-figure"),
    ("domain-unknown-source", {D: sub(DOMAINS, "[@src-report]", "[@src-gone]")}, D, "[@src-gone]", "unknown-source"),
    ("domain-bad-trend", {D: sub(DOMAINS, "trend: steady", "trend: shrinking")}, D, "trend: shrinking", "invalid-value"),
    ("domain-two-sentences", {D: sub(DOMAINS, "China makes most of the thing [@src-report].", "China makes most of the thing. The US makes the rest [@src-report].")}, D, "summary:", "quote-too-long"),
    ("claim-in-no-domain", {D: DOMAINS, C: CLAIM + _BODY2}, C, CLAIM.count("\n") + line_of(_BODY2, "leader: china"), "no-domain"),
    ("domain-future-date", {D: sub(DOMAINS, "as_of: 2026-11-01", "as_of: 2031-01-01")}, D, "as_of: 2031", "future-date"),
    ("verified-via-not-a-url", {S: sub(SOURCES, "    type: news\n", "    type: news\n    verified_via: a copy somewhere\n")}, S, "verified_via:", "bad-url"),
]


# Problems a case genuinely causes besides its expected one (independent faults, not follow-ons).
ALSO = {
    "wrong-type-evidence-mapping": [(C, "evidence_x:", "unknown-field")],
    "too-few-sources": [(S, "  - id: src-news", "unused-source")],
    "future-date": [(C, "reviewed:", "future-date")],
}


@pytest.mark.parametrize("case_id, files, where, needle, code", CASES, ids=[c[0] for c in CASES])
def test_bad_input_reports_exact_code_and_line(tree, case_id, files, where, needle, code):
    data = tree(files)
    text = (data / where).read_text(encoding="utf-8") if (data / where).exists() else ""
    line = needle if isinstance(needle, int) else line_of(text, needle)
    expected = [(where, line, code)]
    for other, other_needle, other_code in ALSO.get(case_id, []):
        expected.append((other, line_of((data / other).read_text(encoding="utf-8"), other_needle), other_code))
    _, problems = load_and_check(data)
    found = [(p.path.split("data/", 1)[-1], p.line, p.code) for p in problems]
    assert found == sorted(expected), "\n".join(p.format() for p in problems)


def test_case_count_meets_the_floor():
    assert len(CASES) >= 40


def test_every_problem_formats_in_the_one_shape(tree):
    data = tree({C: sub(CLAIM, "verdict: supported", "verdict: nope")})
    _, problems = load_and_check(data)
    for p in problems:
        text = p.format()
        assert text.startswith(f"{p.path}:{p.line}: ")
        assert text.rstrip(" (warning)").endswith(f"[{p.code}]")


def test_several_errors_in_several_files_all_reported_in_one_run(tree):
    data = tree({
        C: sub(sub(CLAIM, "verdict: supported", "verdict: nope"), "      - source: src-news", "      - source: ghost"),
        S: sub(SOURCES, "url: https://news.example.com/story", "url: mailto:x@example.com"),
        "glossary.yml": sub(GLOSSARY, "source: src-report", "source: ghost-2"),
    })
    _, problems = load_and_check(data)
    codes = {(p.path.split("data/", 1)[-1], p.code) for p in problems}
    assert {(C, "invalid-value"), (S, "bad-url"), ("glossary.yml", "unknown-source")} <= codes


def test_a_bad_claim_does_not_hide_the_good_ones(tree):
    second = sub(sub(CLAIM, "claims:\n", ""), "id: first-claim", "id: second-claim")
    data = tree({C: sub(CLAIM, "verdict: supported", "verdict: nope") + second})
    dataset, problems = load_and_check(data)
    assert [c.id for c in dataset.claims] == ["second-claim"]
    assert any(p.code == "invalid-value" for p in problems)


def test_alias_bomb_is_refused_quickly_with_bounded_memory(tree):
    bomb = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        bomb.append(f"a{i}: &a{i} [" + ",".join([f"*a{i-1}"] * 9) + "]")
    bomb.append("claims: *a9\n")
    data = tree({C: "\n".join(bomb)})
    tracemalloc.start()
    started = time.perf_counter()
    _, problems = load_and_check(data)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert (C, 1, "alias-bomb") in [(p.path.split("data/", 1)[-1], p.line, p.code) for p in problems]
    assert elapsed < 5 and peak < 50 * 1024 * 1024


def test_oversized_file_is_refused_without_reading_it(tree):
    data = tree({C: "claims:\n" + "# padding\n" * (MAX_BYTES // 10 + 100)})  # just over the limit
    tracemalloc.start()
    _, problems = load_and_check(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert (C, 1, "file-too-large") in [(p.path.split("data/", 1)[-1], p.line, p.code) for p in problems]
    assert peak < MAX_BYTES // 2  # the file was never read into memory


def test_invalid_utf8_names_the_line(tree):
    raw = CLAIM.encode("utf-8").replace(b"The first claim", b"The first \xff claim")
    data = tree({C: raw})
    _, problems = load_and_check(data)
    line = line_of(CLAIM, "The first claim")
    assert (C, line, "encoding") in [(p.path.split("data/", 1)[-1], p.line, p.code) for p in problems]


@pytest.mark.parametrize(
    "variant",
    ["bom", "crlf", "mixed-endings", "chinese"],
)
def test_harmless_variants_load_cleanly(tree, variant):
    text = CLAIM
    if variant == "chinese":
        text = sub(text, "title: The first claim", "title: 中国在人工智能领域领先吗？")
    raw = text.encode("utf-8")
    if variant == "bom":
        raw = b"\xef\xbb\xbf" + raw
    elif variant == "crlf":
        raw = raw.replace(b"\n", b"\r\n")
    elif variant == "mixed-endings":
        lines = raw.split(b"\n")
        raw = b"".join(line + (b"\r\n" if i % 2 else b"\n") for i, line in enumerate(lines[:-1]))
    data = tree({C: raw})
    dataset, problems = load_and_check(data)
    assert [p for p in problems if p.is_error] == []
    claim = dataset.claim("first-claim")
    assert claim is not None
    assert claim.line_of("verdict") == line_of(text, "verdict:")
    if variant == "chinese":
        assert claim.title == "中国在人工智能领域领先吗？"


# --- one cause, one problem: what fails to load is reported once, never its consequences
SECOND = sub(sub(sub(CLAIM, "id: first-claim", "id: second-claim"), "related: []", "related: [first-claim]"), "title: The first claim", "title: The second claim")
TWO_SECTIONS = SECTIONS + "  - id: beta\n    title: Beta\n    intro: The second section.\n    questions: [One?, Two?, Three?]\n"
LINKED = {"sections.yml": TWO_SECTIONS, C: sub(CLAIM, "related: []", "related: [second-claim]"), "claims/beta.yml": SECOND}
B = "claims/beta.yml"

FOLLOW_ON_CASES = [
    # a tab in one file: not "second-claim does not exist", not "beta has no claims", no unused sources
    ("tab", {B: sub(SECOND, "    kind: fact", "\tkind: fact")}, B, "kind: fact", "yaml-tab"),
    # a broken file: the same
    ("syntax", {B: sub(SECOND, "tags: [thing]", "tags: [thing")}, B, "tags: [thing", "yaml-syntax"),
    # a claim missing a required field: links to it are not "unknown"
    ("missing-field", {B: sub(SECOND, "    conclusion: The report shows it does.\n", "")}, B, "  - id: second-claim", "missing-field"),
    # a source missing its url: the claims citing it do not say it "is not in data/sources.yml"
    ("source-no-url", {S: sub(SOURCES, "    url: https://news.example.com/story\n", "")}, S, "  - id: src-news", "missing-field"),
    # a broken sections file: claims are not "orphans"
    ("sections-broken", {"sections.yml": TWO_SECTIONS.replace("questions: [One?, Two?, Three?]", "questions: [One?, Two?")}, "sections.yml", "questions: [One?, Two?", "yaml-syntax"),
    # a broken sources file: no claim "cites an unknown source"
    ("sources-broken", {S: sub(SOURCES, "    type: news", "    type: [news")}, S, "type: [news", "yaml-syntax"),
]


@pytest.mark.parametrize("case_id, files, where, needle, code", FOLLOW_ON_CASES, ids=[c[0] for c in FOLLOW_ON_CASES])
def test_one_cause_gives_one_problem_and_no_follow_ons(tree, case_id, files, where, needle, code):
    data = tree({**LINKED, **files})
    text = (data / where).read_text(encoding="utf-8")
    line = needle if isinstance(needle, int) else line_of(text, needle)
    _, problems = load_and_check(data)
    assert [(p.path.split("data/", 1)[-1], p.line, p.code) for p in problems] == [(where, line, code)], "\n".join(
        p.format() for p in problems
    )


def test_the_linked_fixture_is_clean(tree):
    _, problems = load_and_check(tree(LINKED))
    assert [p.format() for p in problems] == []


def test_a_real_unknown_link_is_still_reported_beside_a_broken_file(tree):
    data = tree({**LINKED, B: sub(SECOND, "    kind: fact", "\tkind: fact"), C: sub(CLAIM, "related: []", "related: [second-claim, no-such-claim]")})
    _, problems = load_and_check(data)
    assert [(p.path.split("data/", 1)[-1], p.code) for p in problems] == [(C, "unknown-claim"), (B, "yaml-tab")]


def test_the_file_limit_can_be_raised_by_setting_and_a_bad_setting_keeps_it(tmp_path, monkeypatch):
    from explainer.yamlfile import LIMIT_ENV, read_yaml

    path = tmp_path / "big.yml"
    path.write_text("x: 1\n" + "# padding\n" * (MAX_BYTES // 10 + 100), encoding="utf-8")
    refused = [(p.line, p.code) for p in read_yaml(path, "big.yml").problems]
    assert refused == [(1, "file-too-large")]
    monkeypatch.setenv(LIMIT_ENV, "not a number")
    assert [(p.line, p.code) for p in read_yaml(path, "big.yml").problems] == [(1, "file-too-large")]
    monkeypatch.setenv(LIMIT_ENV, "16")
    raised = read_yaml(path, "big.yml")
    assert raised.problems == [] and raised.data == {"x": 1}
