"""The Dataset: every record, indexed, in reading order. Built by ``load``; read by everything else."""

from __future__ import annotations

from dataclasses import dataclass, field

from explainer.citations import cited_ids
from explainer.model import Article, Claim, Figure, Section, Source, Term


@dataclass
class Dataset:
    root: str
    article: Article | None = None
    sections: list[Section] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    all_sources: list[Source] = field(default_factory=list)
    """Every source record as read, duplicates included (``sources`` keeps the first of each id)."""

    def __post_init__(self) -> None:
        self._by_id: dict[str, Claim] = {}
        self._alias: dict[str, str] = {}

    def index(self) -> None:
        """(Re)build lookups after the lists are filled."""
        self._by_id = {}
        for claim in self.claims:
            self._by_id.setdefault(claim.id, claim)
        self._alias = {}
        for claim in self.claims:
            for alias in claim.aliases:
                self._alias.setdefault(alias, claim.id)
        order = {s.id: i for i, s in enumerate(self.sections)}
        self.claims.sort(key=lambda c: order.get(c.section, len(order)))

    def claim(self, claim_id: str) -> Claim | None:
        """A claim by id or former id (alias)."""
        if claim_id in self._by_id:
            return self._by_id[claim_id]
        target = self._alias.get(claim_id)
        return self._by_id.get(target) if target else None

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def claims_in(self, section_id: str) -> list[Claim]:
        return [c for c in self.claims if c.section == section_id]

    def figure(self, figure_id: str) -> Figure | None:
        return next((f for f in self.figures if f.id == figure_id), None)

    def aliases(self) -> dict[str, str]:
        return dict(self._alias)

    def cited_by(self) -> dict[str, list[str]]:
        """Source id -> ids of the claims that cite it, in reading order."""
        result: dict[str, list[str]] = {sid: [] for sid in self.sources}
        for claim in self.claims:
            for sid in claim_source_ids(claim):
                result.setdefault(sid, []).append(claim.id)
        return result


def claim_source_ids(claim: Claim) -> list[str]:
    """Every source a claim rests on, numbered in reading order: annotation, evidence, then since."""
    ordered: dict[str, None] = {}
    for sid in cited_ids(claim.annotation):
        ordered.setdefault(sid, None)
    for item in claim.evidence:
        ordered.setdefault(item.source, None)
    for dev in claim.since:
        for sid in cited_ids(dev.note):
            ordered.setdefault(sid, None)
        for sid in dev.sources:
            ordered.setdefault(sid, None)
    return list(ordered)
