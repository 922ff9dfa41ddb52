"""Exports and citations, fast: LaTeX specials survive BibTeX (read back with bibtexparser), CSL-JSON
renders with citeproc, CSV and JSON keep every field; checked by standard tools, not by our writers."""

from __future__ import annotations

import csv
import io
import json

from conftest import CLAIM, SOURCES
from explainer.cite import claim_bibtex, page_bibtex
from explainer.export import render_exports
from explainer.load import load_and_check
from explainer.siteinfo import SiteInfo

TRICKY = 'R&D at 50% for $5 #1 of {some} ~ _under_ \\\\ "quoted" ^hat'


def _data(tree):
    sources = SOURCES.replace("title: A research report", f"title: '{TRICKY}'")
    claim = CLAIM.replace("title: The first claim", f"title: '{TRICKY}'")
    ds, problems = load_and_check(tree({"sources.yml": sources, "claims/alpha.yml": claim}))
    assert [p.format() for p in problems] == []
    return ds


def _bib_titles(text: str) -> dict[str, str]:
    import bibtexparser
    from bibtexparser.bparser import BibTexParser
    from bibtexparser.customization import convert_to_unicode

    parser = BibTexParser(common_strings=True)
    parser.customization = convert_to_unicode
    return {e["ID"]: e["title"] for e in bibtexparser.loads(text, parser=parser).entries}


def test_bibtex_keeps_latex_specials_intact(tree):
    ds = _data(tree)
    titles = _bib_titles(render_exports(ds, ["bibtex"])["bibliography.bib"])
    # bibtexparser reads \\& \\% \\# \\_ back as text and leaves \\$ as LaTeX; braces and backslashes are
    # dropped on purpose by the writer (they cannot be written safely in a BibTeX field).
    read_back = titles["src-report"].replace("\\$", "$").replace("{", "").replace("}", "")
    assert read_back == TRICKY.replace("{", "").replace("}", "").replace("\\", "")
    site = SiteInfo("A & B site", "Ann & Bo", "CC BY 4.0")
    for text in (claim_bibtex(ds.claims[0], site, "https://x.example/c/"), page_bibtex("50% & more", site, "https://x.example/p/")):
        (title,) = _bib_titles(text).values()
        assert "&" in title and "\\&" not in title.replace("\\\\&", "")


def test_csl_json_renders_with_citeproc(tree):
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads(render_exports(_data(tree), ["csl"])["bibliography.json"])
    bibliography = CitationStylesBibliography(CitationStylesStyle("harvard-cite-them-right", validate=False),
                                              CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == 2 and any("R&D at 50%" in r for r in rendered)


def test_json_and_csv_keep_every_field(tree):
    ds = _data(tree)
    out = render_exports(ds, ["json", "csv"])
    claims = json.loads(out["claims.json"])["claims"]
    assert [c["title"] for c in claims] == [TRICKY]
    rows = list(csv.DictReader(io.StringIO(out["claims.csv"])))
    assert rows[0]["title"] == TRICKY and rows[0]["sources"] == "src-report;src-news"
    assert json.loads(out["domains.json"]) == {"domains": []}
