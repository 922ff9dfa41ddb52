"""The Dataset: every record, indexed, in reading order. Built by ``load``; read by everything else."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from explainer.registry import Registry

from explainer.model import Article, Claim, Domain, Figure, Publisher, Section, Source, Term


@dataclass
class Unloaded:
    """What failed to load, so that checks report the cause once and not its consequences.

    A broken file or an invalid record is reported where it is; a reference to an id it declared
    is then not "unknown", its section is not "empty" and the sources it cites are not "unused".
    """

    paths: set[str] = field(default_factory=set)
    """Data files (as displayed) that failed to load, wholly or in part."""
    files: set[str] = field(default_factory=set)
    """Data files that failed to load as a whole (missing, unreadable, not YAML, wrong shape)."""
    ids: dict[str, set[str]] = field(default_factory=dict)
    """noun ('claim', 'source', ...) -> ids declared by records that failed to load."""

    def add(self, path: str, noun: str, ids: Iterable[str] = (), whole: bool = False) -> None:
        self.paths.add(path)
        if whole:
            self.files.add(path)
        self.ids.setdefault(noun, set()).update(ids)

    def merge(self, other: "Unloaded") -> None:
        self.paths |= other.paths
        self.files |= other.files
        for noun, ids in other.ids.items():
            self.ids.setdefault(noun, set()).update(ids)

    def has(self, noun: str, ident: str) -> bool:
        return ident in self.ids.get(noun, ())

    def any(self, noun: str) -> bool:
        return noun in self.ids

    def path_under(self, suffix: str, whole: bool = False) -> bool:
        """Whether a file ending in ``suffix`` failed to load (as a whole, with ``whole``)."""
        return any(path.replace("\\", "/").endswith(suffix) for path in (self.files if whole else self.paths))


@dataclass
class Dataset:
    root: str
    article: Article | None = None
    sections: list[Section] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    publishers: list[Publisher] = field(default_factory=list)
    domains: list[Domain] = field(default_factory=list)
    all_sources: list[Source] = field(default_factory=list)
    """Every source record as read, duplicates included (``sources`` keeps the first of each id)."""
    unloaded: Unloaded = field(default_factory=Unloaded)

    def __post_init__(self) -> None:
        self._by_id: dict[str, Claim] = {}
        self._alias: dict[str, str] = {}
        self._by_section: dict[str, list[Claim]] = {}
        self._publisher_of: dict[str, Publisher | None] = {}
        self._registry = None

    def index(self) -> None:
        """(Re)build lookups after the lists are filled."""
        self._registry = None
        self._by_id = {}
        for claim in self.claims:
            self._by_id.setdefault(claim.id, claim)
        self._alias = {}
        for claim in self.claims:
            for alias in claim.aliases:
                self._alias.setdefault(alias, claim.id)
        order = {s.id: i for i, s in enumerate(self.sections)}
        self.claims.sort(key=lambda c: order.get(c.section, len(order)))
        self._by_section = {}
        for claim in self.claims:
            self._by_section.setdefault(claim.section, []).append(claim)
        self._publisher_of = {}

    def claim(self, claim_id: str) -> Claim | None:
        """A claim by id or former id (alias)."""
        if claim_id in self._by_id:
            return self._by_id[claim_id]
        target = self._alias.get(claim_id)
        return self._by_id.get(target) if target else None

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def claims_in(self, section_id: str) -> list[Claim]:
        return list(self._by_section.get(section_id, ()))

    def figure(self, figure_id: str) -> Figure | None:
        return next((f for f in self.figures if f.id == figure_id), None)

    @property
    def registry(self) -> "Registry":
        """The publisher registry (built once, after loading)."""
        from explainer.registry import Registry

        if self._registry is None:
            self._registry = Registry(self.publishers)
        return self._registry

    def publisher_of(self, source: Source) -> Publisher | None:
        key = source.url
        if key not in self._publisher_of:
            self._publisher_of[key] = self.registry.for_url(source.url)
        return self._publisher_of[key]

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
    return claim.source_ids()
