"""Checks across records and files. Each check has a stable problem code (see CODES)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from explainer import clock
from explainer.citations import cited_ids
from explainer.dataset import Dataset, claim_source_ids
from explainer.model import WEAK_SOURCE_TYPES, Record
from explainer.domain_checks import check_domains
from explainer.problems import WARNING, Problem
from explainer.publisher_checks import check_firm_support, check_publishers
from explainer.rules import duplicates, located, suggest

CODES: dict[str, str] = {
    # reading files
    "missing-file": "a required data file or folder is missing",
    "unreadable": "a file cannot be read",
    "file-too-large": "a data file is larger than the limit",
    "encoding": "a file is not valid UTF-8",
    "empty-file": "a file holds no YAML document",
    "yaml-syntax": "the YAML cannot be parsed",
    "yaml-tab": "a tab is used for indentation",
    "unsafe-tag": "a !!python or other unknown tag",
    "alias-bomb": "aliases expand to too many nodes",
    "duplicate-key": "a key appears twice in one mapping",
    # one record
    "wrong-shape": "a file or record has the wrong structure",
    "missing-field": "a required field is missing",
    "unknown-field": "a field the model does not know (often a typo)",
    "wrong-type": "a value of the wrong type",
    "yaml-boolean": "a bare yes/no/on/off/true/false where text is expected",
    "invalid-value": "a value outside its allowed set (verdict, kind, leader...)",
    "invalid-id": "an id that is not kebab-case",
    "invalid-date": "a date that is not ISO or not a real date",
    "bad-url": "a URL that is not http(s)",
    "empty-text": "a text field that is empty or whitespace",
    "quote-too-long": "a quote longer than one sentence",
    "text-too-long": "a text field over its length limit",
    "too-few-items": "a list with fewer items than required",
    "too-many-items": "a list with more items than allowed",
    # across records
    "duplicate-id": "two records share an id",
    "alias-conflict": "an alias equals another claim's id or alias",
    "unknown-source": "a reference to a source not in data/sources.yml",
    "unknown-claim": "a reference to a claim that does not exist",
    "self-reference": "a claim lists itself as related",
    "too-few-sources": "a claim rests on fewer than two distinct sources",
    "weak-sources": "a factual verdict rests only on news, analysis or opinion sources",
    "unregistered-publisher": "a source's host is not in data/publishers.yml",
    "unreliable-publisher": "a source from a publisher rated unreliable",
    "outlet-under-review": "a source from the outlet of the article under review",
    "no-reliable-source": "a factual verdict with no evidence from a publisher rated reliable",
    "duplicate-domain": "a domain registered to two publishers",
    "unknown-figure": "a reference to a figure that does not exist",
    "no-domain": "a claim about who leads that belongs to no domain of the lead map",
    "verdict-kind": "an opinion verdict on a fact, or a factual verdict on an opinion",
    "reviewed-before-as-of": "a claim was reviewed before the date its verdict reflects",
    "future-date": "a date after today",
    "orphan-claim": "a claims file that is not a section, so its claims reach no page",
    "empty-section": "a section with no claims (warning)",
    "unused-source": "a source no claim cites (warning)",
    "mismatched-series": "a figure's series do not share x values (warning)",
    # raised by `explainer stale`
    "stale-claim": "a claim not reviewed for N days (warning)",
    "stale-source": "a source not accessed for N days (warning)",
    # raised by `explainer links`
    "link-broken": "a source URL answers with an error or not at all",
    "link-moved": "a source URL redirects permanently to another address (warning)",
    # raised while building pages
    "unknown-macro-id": "a docs page calls a macro with an id that does not exist",
    "not-rendered": "a claim that no section page shows",
}


def check_ids(ds: Dataset) -> Iterator[Problem]:
    yield from duplicates(ds.claims, "claim", "claims")
    yield from duplicates(ds.all_sources, "source", "sources")
    yield from duplicates(ds.terms, "term", "glossary")
    yield from duplicates(ds.sections, "section", "sections")
    yield from duplicates(ds.figures, "figure", "figures")
    owners: dict[str, str] = {c.id: c.id for c in ds.claims}
    for claim in ds.claims:
        for i, alias in enumerate(claim.aliases):
            owner = owners.get(alias)
            if owner is not None and owner != claim.id:
                yield located(
                    claim, ("aliases", i), f"claim '{claim.id}'",
                    f"alias '{alias}' is already used by claim '{owner}'", "alias-conflict",
                )
            elif owner == claim.id and alias == claim.id:
                yield located(claim, ("aliases", i), f"claim '{claim.id}'", "alias repeats the claim's own id", "alias-conflict")
            owners.setdefault(alias, claim.id)


def check_references(ds: Dataset) -> Iterator[Problem]:
    sources = ds.sources
    claim_ids = {c.id for c in ds.claims} | set(ds.aliases())
    unloaded = ds.unloaded

    def source_missing(sid: str) -> bool:
        # A source that failed to load was reported where it is; citing it is not a second error.
        return sid not in sources and not unloaded.has("source", sid) and not unloaded.path_under("sources.yml", whole=True)

    def claim_missing(cid: str) -> bool:
        return cid not in claim_ids and not unloaded.has("claim", cid)

    def unknown(record: Record, line: int, subject: str, sid: str, what: str) -> Problem:
        return Problem(
            record.path, line, subject,
            f"{what} source '{sid}', which is not in data/sources.yml{suggest(sid, sources)}", "unknown-source",
        )

    def cited_in_text(record: Record, loc: tuple, ids, subject: str, what: str) -> Iterator[Problem]:
        for sid in ids:
            if source_missing(sid):
                yield unknown(record, record.line_of_text(loc, f"@{sid}"), subject, sid, what)

    for claim in ds.claims:
        subject = f"claim '{claim.id}'"
        in_annotation, in_notes = claim.citations()
        yield from cited_in_text(claim, ("annotation",), in_annotation, subject, "the annotation cites")
        for i, item in enumerate(claim.evidence):
            if source_missing(item.source):
                yield unknown(claim, claim.line_of("evidence", i, "source"), subject, item.source, f"evidence[{i}] cites")
        for i, dev in enumerate(claim.since):
            for j, sid in enumerate(dev.sources):
                if source_missing(sid):
                    yield unknown(claim, claim.line_of("since", i, "sources", j), subject, sid, f"since[{i}] lists")
            yield from cited_in_text(claim, ("since", i, "note"), in_notes[i], subject, f"the note of since[{i}] cites")
        for i, other in enumerate(claim.related):
            if other == claim.id:
                yield located(claim, ("related", i), subject, "lists itself as related", "self-reference")
            elif claim_missing(other):
                yield located(
                    claim, ("related", i), subject,
                    f"related claim '{other}' does not exist{suggest(other, claim_ids)}", "unknown-claim",
                )
    for term in ds.terms:
        if source_missing(term.source):
            yield unknown(term, term.line_of("source"), f"term '{term.id}'", term.source, "the definition cites")
    for figure in ds.figures:
        for i, series in enumerate(figure.series):
            if source_missing(series.source):
                yield unknown(figure, figure.line_of("series", i, "source"), f"figure '{figure.id}'", series.source, f"series[{i}] cites")
        for i, cid in enumerate(figure.claims):
            if claim_missing(cid):
                yield located(
                    figure, ("claims", i), f"figure '{figure.id}'",
                    f"claim '{cid}' does not exist{suggest(cid, claim_ids)}", "unknown-claim",
                )


def check_sourcing(ds: Dataset) -> Iterator[Problem]:
    for claim in ds.claims:
        subject = f"claim '{claim.id}'"
        ids = [sid for sid in claim_source_ids(claim)]
        if len(ids) < 2:
            yield located(
                claim, ("evidence",), subject,
                f"rests on {len(ids)} distinct {'source' if len(ids) == 1 else 'sources'}; every claim needs at least two", "too-few-sources",
            )
        known = [ds.sources[sid] for sid in ids if sid in ds.sources]
        if any(ds.unloaded.has("source", sid) for sid in ids):
            known = []  # judged once the sources load
        if claim.verdict != "opinion" and known and all(s.type in WEAK_SOURCE_TYPES for s in known):
            yield located(
                claim, ("verdict",), subject,
                f"verdict '{claim.verdict}' rests only on news, analysis or opinion sources; add a primary "
                "or authoritative source (government, academic, research, data or company)", "weak-sources",
            )
        if claim.verdict == "opinion" and claim.kind == "fact":
            yield located(
                claim, ("verdict",), subject,
                "verdict 'opinion' is for value judgements and forecasts, but kind is 'fact'", "verdict-kind",
            )
        if claim.kind == "opinion" and claim.verdict != "opinion":
            yield located(
                claim, ("kind",), subject,
                f"kind 'opinion' takes verdict 'opinion', not '{claim.verdict}'", "verdict-kind",
            )


def check_dates(ds: Dataset, today: dt.date) -> Iterator[Problem]:
    def future(record: Record, loc: tuple, subject: str, value: str | None) -> Iterator[Problem]:
        if not value:
            return
        start = value + "-01-01"[len(value) - 4:] if len(value) < 10 else value
        try:
            when = dt.date.fromisoformat(start[:10])
        except ValueError:
            return
        if when > today:
            yield located(record, loc, subject, f"{loc[-1]} {value} is in the future (today is {clock.today()})", "future-date")

    for claim in ds.claims:
        subject = f"claim '{claim.id}'"
        yield from future(claim, ("as_of",), subject, claim.as_of)
        yield from future(claim, ("reviewed",), subject, claim.reviewed)
        if claim.reviewed < claim.as_of:
            yield located(
                claim, ("reviewed",), subject,
                f"reviewed {claim.reviewed} is before as_of {claim.as_of}", "reviewed-before-as-of",
            )
        for i, dev in enumerate(claim.since):
            yield from future(claim, ("since", i, "date"), subject, dev.date)
        for i, fix in enumerate(claim.corrections):
            yield from future(claim, ("corrections", i, "date"), subject, fix.date)
    for source in ds.all_sources:
        subject = f"source '{source.id}'"
        yield from future(source, ("date",), subject, source.date)
        yield from future(source, ("accessed",), subject, source.accessed)
    for domain in ds.domains:
        yield from future(domain, ("as_of",), f"domain '{domain.id}'", domain.as_of)


def check_coverage(ds: Dataset) -> Iterator[Problem]:
    section_ids = {s.id for s in ds.sections}
    unloaded = ds.unloaded
    for claim in ds.claims:
        if claim.section not in section_ids and not unloaded.any("section"):
            yield located(
                claim, ("id",), f"claim '{claim.id}'",
                f"is in claims/{claim.section}.yml, but '{claim.section}' is not a section in "
                f"data/sections.yml{suggest(claim.section, section_ids)}, so no page shows it",
                "orphan-claim",
            )
    for section in ds.sections:
        if not ds.claims_in(section.id) and not unloaded.path_under(f"claims/{section.id}.yml"):
            yield located(
                section, ("id",), f"section '{section.id}'",
                f"has no claims (expected data/claims/{section.id}.yml)", "empty-section", WARNING,
            )
    cited = ds.cited_by()
    used_elsewhere = {t.source for t in ds.terms} | {s.source for f in ds.figures for s in f.series}
    used_elsewhere |= {sid for d in ds.domains for sid in cited_ids(d.summary)}
    citers_unloaded = any(unloaded.any(noun) for noun in ("claim", "term", "figure"))
    for sid, source in ds.sources.items():
        if not cited.get(sid) and sid not in used_elsewhere and not citers_unloaded:
            yield located(source, ("id",), f"source '{sid}'", "is not cited by any claim, term or figure", "unused-source", WARNING)
    for figure in ds.figures:
        xs = [tuple(p.x for p in s.points) for s in figure.series]
        if len(set(xs)) > 1:
            yield located(
                figure, ("series",), f"figure '{figure.id}'",
                "series do not share the same x values; the data table will have gaps", "mismatched-series", WARNING,
            )


def run_checks(ds: Dataset, today: dt.date | str | None = None) -> list[Problem]:
    day = clock.as_date(today)
    problems: list[Problem] = []
    for check in (check_ids, check_references, check_sourcing, check_publishers, check_firm_support, check_domains, check_coverage):
        problems.extend(check(ds))
    problems.extend(check_dates(ds, day))
    return problems
