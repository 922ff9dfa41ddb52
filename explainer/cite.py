"""Citation formats: a ready citation, BibTeX (written by pybtex), CSL-JSON and a TASL line."""

from __future__ import annotations

import re

from pybtex.database import BibliographyData, Entry, Person
from pybtex.database.output.bibtex import Writer

from explainer.markup import plain_text
from explainer.siteinfo import SiteInfo
from explainer.model import Claim, Source


_BIB_TYPES = {  # classic BibTeX entry types (not biblatex), so every BibTeX tool reads them
    "government": "techreport",
    "academic": "article",
    "research": "techreport",
    "data": "misc",
    "company": "misc",
    "analysis": "techreport",
    "news": "article",
    "opinion": "article",
}
_CSL_TYPES = {
    "government": "report",
    "academic": "article-journal",
    "research": "report",
    "data": "dataset",
    "company": "webpage",
    "analysis": "report",
    "news": "article-newspaper",
    "opinion": "article-newspaper",
}


_VERBATIM = {"url", "doi", "urldate"}


_LATEX_SPECIALS = str.maketrans({"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_"})


class _Writer(Writer):
    """pybtex's BibTeX writer, UTF-8 output: text has its LaTeX specials escaped (a plain
    translation instead of pybtex's much slower latexcodec pass); URLs and DOIs stay verbatim."""

    def _encode(self, text):
        return text.translate(_LATEX_SPECIALS)

    def _write_field(self, stream, type, value):
        if type in _VERBATIM:
            stream.write(f",\n    {type} = {self.quote(value)}")
        else:
            super()._write_field(stream, type, value)


def _to_bibtex(data: BibliographyData) -> str:
    import io

    stream = io.StringIO()
    _Writer(encoding="UTF-8").write_stream(data, stream)
    return stream.getvalue()


def _tex(text: str) -> str:
    """Text safe inside a BibTeX field: no braces or backslashes (pybtex escapes the LaTeX specials)."""
    return re.sub(r"[{}\\]", "", text)


def _date_parts(date: str) -> list[int]:
    return [int(p) for p in date.split("-")]


def claim_citation(claim: Claim, site: SiteInfo, url: str) -> str:
    return f"{site.credit}. “{claim.title}.” {site.name}. Reviewed {claim.reviewed}. {url}"


def tasl_line(title: str, site: SiteInfo, url: str) -> str:
    """Title, Author, Source, Licence: the attribution open licences ask for."""
    licence = f", licensed under {site.licence}" if site.licence else ""
    licence += f" ({site.licence_url})" if site.licence and site.licence_url else ""
    return f"“{title}” by {site.credit}, {site.name}, {url}{licence}."


def claim_bibtex(claim: Claim, site: SiteInfo, url: str) -> str:
    year = claim.reviewed[:4]
    entry = Entry(
        "misc",
        fields={
            "title": _tex(claim.title),
            "howpublished": _tex(site.name),
            "year": year,
            "url": url,
            "note": _tex(f"Verdict: {claim.verdict}. Reviewed {claim.reviewed}."),
        },
        persons={"author": [Person(f"{{{site.credit}}}")]},
    )
    return _to_bibtex(BibliographyData({f"claim-{claim.id}": entry})).strip()


def page_citation(title: str, site: SiteInfo, url: str) -> str:
    return f"{site.credit}. “{title}.” {site.name}. {url}"


def page_bibtex(title: str, site: SiteInfo, url: str) -> str:
    """A BibTeX entry for a page of the site, escaped like every other entry we write."""
    key = re.sub(r"[^a-z0-9]+", "-", f"{site.name} {url}".lower()).strip("-") or "page"
    fields = {"title": _tex(title), "howpublished": _tex(site.name), "url": url}
    if site.licence:
        fields["note"] = _tex(f"Licensed {site.licence}")
    entry = Entry("misc", fields=fields, persons={"author": [Person(f"{{{site.credit}}}")]})
    return _to_bibtex(BibliographyData({key: entry})).strip()


def _source_entry(source: Source) -> Entry:
    fields = {
        "title": _tex(source.title),
        "url": source.url,
        "urldate": source.accessed,
        "publisher": _tex(source.publisher),
    }
    if source.date:
        fields["year"] = source.date[:4]
    if source.date and len(source.date) >= 7:
        fields["month"] = str(int(source.date[5:7]))
    if source.doi:
        fields["doi"] = source.doi
    if source.type in ("academic", "news", "opinion"):
        fields["journal"] = _tex(source.publisher)
    if source.type in ("government", "research"):
        fields["institution"] = _tex(source.publisher)
    if source.note:
        fields["note"] = _tex(plain_text(source.note))
    persons = {}
    if source.authors:
        persons["author"] = [Person(_tex(a)) for a in source.authors]
    else:
        persons["author"] = [Person(f"{{{_tex(source.publisher)}}}")]
    return Entry(_BIB_TYPES[source.type], fields=fields, persons=persons)


def bibtex(sources: list[Source]) -> str:
    return _to_bibtex(BibliographyData({s.id: _source_entry(s) for s in sources}))


def csl_item(source: Source) -> dict:
    item: dict = {
        "id": source.id,
        "type": _CSL_TYPES[source.type],
        "title": source.title,
        "publisher": source.publisher,
        "container-title": source.publisher,
        "URL": source.url,
        "accessed": {"date-parts": [_date_parts(source.accessed)]},
    }
    if source.date:
        item["issued"] = {"date-parts": [_date_parts(source.date)]}
    if source.authors:
        item["author"] = [{"literal": a} for a in source.authors]
    else:
        item["author"] = [{"literal": source.publisher}]
    if source.doi:
        item["DOI"] = source.doi
    if source.note:
        item["note"] = plain_text(source.note)
    return item
