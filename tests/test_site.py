"""Site tests: build the real site (strict, network blocked) and check the built HTML, not the exit code."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import PROJECT
from explainer.dataset import claim_source_ids
from explainer.load import load_and_check
from explainer.markup import plain_text
from sitebuild import build, copy_project

pytestmark = pytest.mark.site


class Page(HTMLParser):
    """Collects ids, links, scripts, meta tags, headings and every attribute of one HTML page."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[str] = []
        self.scripts: list[dict] = []
        self.meta: dict[str, str] = {}
        self.attrs: list[tuple[str, str, str]] = []
        self._script: dict | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k, v in attrs:
            self.attrs.append((tag, k, v or ""))
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "a" and a.get("href") is not None:
            self.links.append(a["href"])
        if tag == "meta":
            key = a.get("name") or a.get("property")
            if key:
                self.meta[key] = a.get("content", "")
        if tag == "script":
            self._script = {"attrs": a, "text": ""}

    def handle_data(self, data):
        if self._script is not None:
            self._script["text"] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append(self._script)
            self._script = None


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("project"))
    out = tmp_path_factory.mktemp("site")
    result = build(project, out)
    assert result.returncode == 0, result.stderr[-4000:]
    warnings = [l for l in result.stderr.splitlines() if "WARNING" in l]
    assert warnings == [], warnings
    return out


@pytest.fixture(scope="session")
def dataset():
    ds, problems = load_and_check(PROJECT / "data")
    assert not problems
    return ds


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def parse(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def test_every_claim_appears_once_on_its_section_page_and_has_its_own_page(site, dataset):
    for section in dataset.sections:
        page = parse(site / section.id / "index.html")
        for claim in dataset.claims_in(section.id):
            assert page.ids.count(claim.id) == 1, (section.id, claim.id)
    for claim in dataset.claims:
        own = site / "claims" / claim.id / "index.html"
        assert own.exists(), claim.id
        assert parse(own).ids.count(claim.id) == 1
    # a claim card is on exactly one section page
    for claim in dataset.claims:
        holders = [s.id for s in dataset.sections if claim.id in parse(site / s.id / "index.html").ids]
        assert holders == [claim.section], (claim.id, holders)


def test_every_alias_reaches_its_claim(site, dataset):
    aliases = dataset.aliases()
    for alias, target in aliases.items():
        redirect = (site / "claims" / alias / "index.html").read_text(encoding="utf-8")
        assert f'url=../{target}/"' in redirect and f'href="../{target}/"' in redirect
        section = dataset.claim(target).section
        assert alias in parse(site / section / "index.html").ids  # old #anchor still lands on the card


def test_every_citation_points_to_an_existing_source_entry(site, dataset):
    entries = set(parse(site / "sources" / "index.html").ids)
    assert {f"src-{sid}" for sid in dataset.sources} <= entries
    checked = 0
    for path in html_files(site):
        for href in parse(path).links:
            if "sources/#src-" in href:
                assert href.split("#", 1)[1] in entries, (path, href)
                checked += 1
    assert checked > 100


def _resolve(page: Path, href: str, site: Path) -> tuple[Path, str]:
    parts = urlsplit(href)
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def test_no_internal_link_or_anchor_is_broken(site):
    cache: dict[Path, set[str]] = {}
    broken = []
    for path in html_files(site):
        if path.name == "404.html" and path.parent == site:
            continue  # Material's 404 page links to "/" on purpose: it is served from any path
        for href in parse(path).links:
            if re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith("//"):
                continue
            target, anchor = _resolve(path, href, site)
            if not target.exists():
                broken.append((str(path.relative_to(site)), href))
                continue
            if anchor and target.suffix == ".html":
                ids = cache.setdefault(target, set(parse(target).ids))
                if anchor not in ids:
                    broken.append((str(path.relative_to(site)), href))
    assert broken == []


def test_exports_parse_with_standard_tools_and_agree_with_the_data(site, dataset):
    claims = json.loads((site / "data" / "claims.json").read_text())["claims"]
    assert [c["id"] for c in claims] == [c.id for c in dataset.claims]
    for record, claim in zip(claims, dataset.claims):
        assert record["url"] == f"/claims/{claim.id}/"
        assert record["verdict"] == claim.verdict and record["leader"] == claim.leader
        assert record["sources"] == claim_source_ids(claim)
        assert set(record) == {"id", "title", "section", "kind", "verdict", "leader", "conclusion", "as_of", "reviewed", "url", "sources"}
    sources = json.loads((site / "data" / "sources.json").read_text())["sources"]
    assert {s["id"] for s in sources} == set(dataset.sources)
    cited = dataset.cited_by()
    for s in sources:
        assert s["cited_by"] == cited[s["id"]]
    rows = list(csv.DictReader(io.StringIO((site / "data" / "claims.csv").read_text())))
    assert [r["id"] for r in rows] == [c.id for c in dataset.claims]
    rows = list(csv.DictReader(io.StringIO((site / "data" / "sources.csv").read_text())))
    assert {r["id"] for r in rows} == set(dataset.sources)

    import bibtexparser

    bib = bibtexparser.loads((site / "data" / "bibliography.bib").read_text())
    assert {e["ID"] for e in bib.entries} == set(dataset.sources)
    for entry in bib.entries:
        assert entry["url"] == dataset.sources[entry["ID"]].url

    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads((site / "data" / "bibliography.json").read_text())
    assert {i["id"] for i in items} == set(dataset.sources)
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == len(items)


def test_each_claim_page_has_one_claimreview_naming_its_claim_and_rating(site, dataset):
    from explainer import scale

    for claim in dataset.claims:
        page = parse(site / "claims" / claim.id / "index.html")
        blocks = [s for s in page.scripts if s["attrs"].get("type") == "application/ld+json"]
        assert len(blocks) == 1, claim.id
        data = json.loads(blocks[0]["text"])
        assert data["@type"] == "ClaimReview"
        assert data["url"].endswith(f"claims/{claim.id}/")
        assert data["itemReviewed"]["name"] == claim.quote
        assert data["reviewRating"]["alternateName"] == scale.VERDICTS[claim.verdict][0]


def test_every_chart_is_inline_svg_with_title_and_matching_table(site, dataset):
    text = (site / "charts" / "index.html").read_text(encoding="utf-8")
    for figure in dataset.figures:
        block = text[text.index(f'id="fig-{figure.id}"'):]
        block = block[: block.index("</figure>")]
        assert "<svg" in block and 'role="img"' in block
        assert f'<title id="fig-{figure.id}-title">' in block
        assert "<desc" in block
        headers = re.findall(r'<th scope="col">(.*?)</th>', block)
        assert headers[1:] == [s.name for s in figure.series]
        rows = re.findall(r'<tr><th scope="row">(.*?)</th>', block)
        assert rows == [str(p.x) for p in figure.series[0].points]
        assert "<script" not in block


def test_every_page_has_description_and_opengraph_meta(site):
    for path in html_files(site):
        if "claims" in path.parts and "index.html" == path.name and "url=" in path.read_text()[:600]:
            continue  # alias redirect stubs
        if path.name == "404.html":
            continue
        page = parse(path)
        for key in ("description", "og:title", "og:description", "og:type"):
            assert page.meta.get(key), (path, key)


def search_records(site: Path) -> list[dict]:
    """What the online search (Pagefind) holds: one record per indexed page (its fragment files)."""
    import gzip

    records = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(b"pagefind_dcd"), path
        records.append(json.loads(raw[len(b"pagefind_dcd"):]))
    return records


def test_each_claim_is_indexed_for_search_once(site, dataset):
    records = search_records(site)
    titles = [r["meta"].get("title") for r in records]
    for claim in dataset.claims:
        hits = [r["url"] for r in records if r["meta"].get("title") == claim.title]
        assert hits == [f"/claims/{claim.id}/"], (claim.id, hits)
    # Pages that repeat the claims (explorer, quizzes, handouts) and the search page are not indexed.
    urls = sorted(r["url"] for r in records)
    assert [u for u in urls if u.startswith(("/claims/?", "/quiz/", "/handouts/", "/search/")) or u == "/claims/"] == []
    assert len(titles) == len(records)
    # A section page's record holds its own text, not the copies of its claims (found on their own pages).
    sections = {f"/{s.id}/": s.id for s in dataset.sections}
    repeated = [(r["url"], c.id) for r in records if r["url"] in sections
                for c in dataset.claims_in(sections[r["url"]]) if plain_text(c.conclusion)[:60] in r["content"]]
    assert repeated == []


def test_search_index_is_chunked_and_loaded_on_first_use_only(site):
    """Pagefind's entry file names the index chunks; no page but the search page loads Pagefind."""
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"], entry
    chunks = list((site / "pagefind" / "index").glob("*.pf_index"))
    # Small chunks: a query fetches one per word (Pagefind's default makes each about 25 KB).
    assert len(chunks) >= 10 and max(p.stat().st_size for p in chunks) < 8_000
    loaders = sorted(str(p.relative_to(site)) for p in html_files(site) if "explainer-search.js" in _text(p))
    assert loaders == ["search/index.html"]


def test_no_page_requests_a_third_party_resource(site):
    for path in html_files(site):
        page = parse(path)
        for tag, attr, value in page.attrs:
            if (tag, attr) in {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")}:
                if tag == "link" and any(a == "rel" and v == "canonical" for t, a, v in page.attrs if t == "link"):
                    pass
                assert not re.match(r"^(https?:)?//", value), (path, tag, value)


def test_two_builds_are_byte_identical(tmp_path, site):
    project = copy_project(tmp_path / "again")
    out = tmp_path / "site-again"
    result = build(project, out)
    assert result.returncode == 0, result.stderr[-2000:]

    def digest(root: Path) -> dict[str, str]:
        return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}

    first, second = digest(site), digest(out)
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_home_page_shows_the_lead_map_one_row_per_domain_with_the_answer_and_tally(site, dataset):
    page = _text(site / "index.html")
    assert page.count('id="lead-map"') == 1
    rows = re.findall(r'<tr data-domain="([^"]+)" data-leader="([^"]+)">', page)
    assert rows == [(d.id, d.leader) for d in dataset.domains]
    assert len(dataset.domains) >= 12
    assert page.index('class="ax-answer"') < page.index('class="ax-tally"') < page.index('id="lead-map"')
    exported = json.loads(_text(site / "data" / "domains.json"))["domains"]
    assert [(d["id"], d["leader"], d["leader_at_publication"], d["trend"]) for d in exported] == [
        (d.id, d.leader, d.leader_at_publication, d.trend) for d in dataset.domains
    ]


def test_section_pages_are_compact_and_link_each_card_to_its_claim_page(site, dataset):
    for section in dataset.sections:
        path = site / section.id / "index.html"
        assert path.stat().st_size <= 60_000, (section.id, path.stat().st_size)
        page = _text(path)
        for claim in dataset.claims_in(section.id):
            assert f'href="../claims/{claim.id}/" class="ax-claim__link"' in page or f'class="ax-claim__link" href="../claims/{claim.id}/"' in page, claim.id
        for link in ("quiz", "handouts"):
            assert f'href="../{link}/{section.id}/"' in page, (section.id, link)


def test_explorer_quiz_and_handout_pages_cover_every_claim(site, dataset):
    explorer = _text(site / "claims" / "index.html")
    items = re.findall(r'<li class="ax-explorer__item" data-claim="([^"]+)" data-verdict="([^"]+)" data-leader="([^"]+)" data-section="([^"]+)"', explorer)
    assert items == [(c.id, c.verdict, c.leader, c.section) for c in dataset.claims]
    for section in dataset.sections:
        quiz = _text(site / "quiz" / section.id / "index.html")
        assert re.findall(r'data-quiz-item data-claim="([^"]+)"', quiz) == [c.id for c in dataset.claims_in(section.id)]
        handout = _text(site / "handouts" / section.id / "index.html")
        assert re.findall(r'<section class="ax-handout__claim" data-claim="([^"]+)"', handout) == [c.id for c in dataset.claims_in(section.id)]


def test_claim_pages_name_the_article_and_section_and_have_one_cite_panel(site, dataset):
    for claim in dataset.claims:
        page = _text(site / "claims" / claim.id / "index.html")
        top = page[page.index('class="ax-claim__from"'):]
        top = top[: top.index("</p>")]
        assert f'href="{dataset.article.url}"' in top and f'href="../../{claim.section}/#{claim.id}"' in top, claim.id
        assert page.count('id="cite-this-claim"') == 1 and 'id="cite-this-page"' not in page, claim.id
        assert ">Permanent link</a>" not in page, claim.id


def test_no_claim_page_repeats_a_citation_group_or_a_year_back_to_back(site, dataset):
    repeats = {}
    for claim in dataset.claims:
        text = re.sub(r"<[^>]+>", "", re.sub(r'<small class="ax-cite__tip".*?</small></span>', "", _text(site / "claims" / claim.id / "index.html"), flags=re.S))
        text = re.sub(r"\s+", " ", text)
        found = re.findall(r"((?:\[\d+\] ?)+)[.,;]? \1", text) + re.findall(r"(\(\d{4}\)) \1", text)
        if found:
            repeats[claim.id] = found
    assert repeats == {}


def test_search_snippets_hold_claim_text_not_source_previews(site, dataset):
    tips = re.compile(r"Source details|· (News reporting|Newspaper|State media|Law firm|Trade press)\b")
    records = search_records(site)
    leaks = [r["url"] for r in records if tips.search(r["content"]) or tips.search(r["meta"].get("title", ""))]
    assert leaks == []
    claim = dataset.claims[0]
    record = next(r for r in records if r["url"] == f"/claims/{claim.id}/")
    words = re.findall(r"[A-Za-z]{7,}", claim.conclusion)[:6]
    assert claim.title in record["content"] and words and all(w in record["content"] for w in words), words


def test_every_glossary_term_appears_on_some_page(site, dataset):
    import html as _html

    pages = [_html.unescape(re.sub(r"<[^>]+>", " ", _text(p))) for p in html_files(site) if "glossary" not in p.parts]
    unused = [t.id for t in dataset.terms if not any(w in text for w in [t.term, *t.aliases] for text in pages)]
    assert unused == []


def test_every_chart_states_its_year_and_names_each_source_once(site, dataset):
    page = _text(site / "charts" / "index.html")
    for figure in dataset.figures:
        assert re.search(r"\b(19|20)\d{2}\b", figure.title + " " + (figure.note or "")), figure.id
        block = page[page.index(f'id="fig-{figure.id}"'):]
        line = block[block.index('class="ax-chart__source"'):]
        line = line[: line.index("</p>")]
        for sid in {s.source for s in figure.series}:
            assert line.count(f"#src-{sid}") == 1, (figure.id, sid)


def test_downloads_page_dataset_citation_has_a_year_and_an_address(site):
    page = _text(site / "downloads" / "index.html")
    citation = page[page.index('class="ax-dataset-citation"'):]
    citation = citation[: citation.index("</p>")]
    assert re.search(r"\((20\d{2})\)", citation) and 'data-ax-absolute="../downloads/"' in citation


def test_properdocs_builds_the_same_site_except_the_generator_tag(tmp_path, site):
    """Portability: the maintained MkDocs 1.x fork builds this project unchanged, byte for byte but the
    <meta name="generator"> line (Material reaches end of life in May 2027; see the README's design notes)."""
    import subprocess
    import sys

    from sitebuild import build_env

    project = copy_project(tmp_path / "p")
    out = tmp_path / "properdocs-site"
    result = subprocess.run([sys.executable, "-m", "properdocs", "build", "-f", "mkdocs.yml", "--strict", "--site-dir", str(out)],
                            cwd=project, capture_output=True, text=True, env=build_env(), timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    generator = re.compile(rb'\s*<meta name="generator" content="[^"]*">')
    ours = {p.relative_to(site): generator.sub(b"", p.read_bytes()) for p in site.rglob("*") if p.is_file()}
    theirs = {p.relative_to(out): generator.sub(b"", p.read_bytes()) for p in out.rglob("*") if p.is_file()}
    assert ours.keys() == theirs.keys()
    assert [str(k) for k in ours if ours[k] != theirs[k]] == []


def test_section_pages_and_handouts_show_their_questions_once(site, dataset):
    for section in dataset.sections:
        for path in (site / section.id / "index.html", site / "handouts" / section.id / "index.html"):
            article = re.search(r'<article class="md-content__inner[^"]*">(.*?)</article>', _text(path), re.S).group(1)
            assert article.count("Questions for discussion") == 1, path  # (the navigation lists it too, not printed)
