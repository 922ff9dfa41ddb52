"""The top-level shape of each data file: one key holding a list of records (and the JSON Schema's roots)."""

from __future__ import annotations

from typing import NamedTuple

from explainer.model import Claim, Domain, Figure, Publisher, Record, Section, Source, Term


class ClaimsFile(Record):
    """data/claims/<section>.yml: the claims of one section, in reading order."""

    claims: list[Claim]


class SourcesFile(Record):
    """data/sources.yml"""

    sources: list[Source]


class PublishersFile(Record):
    """data/publishers.yml"""

    publishers: list[Publisher]


class DomainsFile(Record):
    """data/domains.yml: the domains of the race, in display order."""

    domains: list[Domain]


class GlossaryFile(Record):
    """data/glossary.yml"""

    terms: list[Term]


class SectionsFile(Record):
    """data/sections.yml: the sections in reading order."""

    sections: list[Section]


class FiguresFile(Record):
    """data/figures.yml"""

    figures: list[Figure]


class FileKind(NamedTuple):
    """The top-level shape of a data file: one key holding a list of records."""

    key: str
    noun: str
    record: type[Record]
    file: type[Record]


FILE_KINDS: dict[str, FileKind] = {
    "claims": FileKind("claims", "claim", Claim, ClaimsFile),
    "sources": FileKind("sources", "source", Source, SourcesFile),
    "publishers": FileKind("publishers", "publisher", Publisher, PublishersFile),
    "glossary": FileKind("terms", "term", Term, GlossaryFile),
    "sections": FileKind("sections", "section", Section, SectionsFile),
    "figures": FileKind("figures", "figure", Figure, FiguresFile),
    "domains": FileKind("domains", "domain", Domain, DomainsFile),
}
