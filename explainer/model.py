"""Typed records: claims, sources, sections, glossary terms, the article and figures.

Unknown keys are errors (``extra="forbid"``): a typo never silently drops a field.
Text fields refuse booleans, so a bare ``yes``/``no``/``on``/``off`` is an error, not ``True``.
The JSON Schema in ``schema/`` is generated from these classes.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr

from explainer import scale
from explainer.fields import (  # noqa: F401  (ID_PATTERN is part of the model's interface)
    ID_PATTERN, Id, IsoDate, PartialDate, Text, Url, _check_quote,
)

VERDICTS = tuple(scale.VERDICTS)  # the scale (labels, icons, definitions) is defined once, in scale.py
KINDS = tuple(scale.KINDS)
LEADERS = tuple(scale.LEADERS)
STANCES = tuple(scale.STANCES)
SOURCE_TYPES = tuple(scale.SOURCE_TYPES)
WEAK_SOURCE_TYPES = ("analysis", "news", "opinion")
RATINGS = tuple(scale.RATINGS)
TRENDS = tuple(scale.TRENDS)
PUBLISHER_KINDS = tuple(scale.PUBLISHER_KINDS)

# One vocabulary: every value list is defined once, in scale.py (with its labels); the Literals come from it.
Verdict = Literal[VERDICTS]  # type: ignore[valid-type]
Kind = Literal[KINDS]  # type: ignore[valid-type]
Leader = Literal[LEADERS]  # type: ignore[valid-type]
Stance = Literal[STANCES]  # type: ignore[valid-type]
SourceType = Literal[SOURCE_TYPES]  # type: ignore[valid-type]
Rating = Literal[RATINGS]  # type: ignore[valid-type]
Trend = Literal[TRENDS]  # type: ignore[valid-type]
PublisherKind = Literal[PUBLISHER_KINDS]  # type: ignore[valid-type]


class Record(BaseModel):
    """Base: unknown keys are errors; every record knows where it was read from."""

    # defer_build: a check whose files all come from the cache never validates, so never pays for the schemas
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False, validate_default=True, defer_build=True)

    _path: str = PrivateAttr(default="")
    _line: int = PrivateAttr(default=0)
    _raw: Any = PrivateAttr(default=None)

    def locate(self, path: str, line: int, raw: Any) -> None:
        self._path, self._line, self._raw = path, line, raw

    @property
    def path(self) -> str:
        return self._path

    @property
    def line(self) -> int:
        return self._line

    def line_of(self, *loc: Any) -> int:
        """The line of a field (or nested item) of this record, falling back to the record's line."""
        from explainer.lines import line_at

        raw = self._raw
        if callable(raw):  # kept apart by the file cache, loaded only when a line is needed
            raw = self._raw = raw()
        return line_at(raw, loc, self._line) if raw is not None else self._line

    def line_of_text(self, loc: tuple, needle: str) -> int:
        """The line inside a text field where ``needle`` first appears (a citation in an annotation)."""
        from explainer.lines import line_in_file

        return line_in_file(self._path, self.line_of(*loc), needle)


class Evidence(Record):
    """One source's finding about a claim."""

    source: Id = Field(description="Id of a source in data/sources.yml.")
    finding: Text = Field(description="What the source shows, with the figure, in our words.")
    figure: Text | None = Field(default=None, description="The key figure, short (e.g. '38,210 vs 6,276').")
    year: Union[int, str, None] = Field(
        default=None, description="The year or range the figure refers to (e.g. 2023 or '2014-2023')."
    )
    locator: Text = Field(description="Where in the source: page, section, table, chart.")
    stance: Stance = Field(description="supports | contradicts | context")
    interested_party: Text | None = Field(
        default=None,
        description="Who has a stake in this figure (a government about itself or its rival, a company "
        "about itself), shown to readers beside the finding.",
    )


class Development(Record):
    """Something that changed after the article was published."""

    date: PartialDate = Field(description="When it happened.")
    note: Text = Field(description="What changed, Markdown, citing sources as [@source-id].")
    sources: list[Id] = Field(min_length=1, description="Ids of the sources for this development.")


class Correction(Record):
    """A dated note recording a change to a published verdict or fact."""

    date: IsoDate
    note: Text


class Claim(Record):
    """One assertion of the article, restated, checked and sourced."""

    id: Id = Field(description="Stable kebab-case id: the anchor and the URL. Never reuse one.")
    aliases: list[Id] = Field(default_factory=list, description="Former ids that must keep resolving.")
    title: Text = Field(max_length=120, description="A short headline for the claim.")
    quote: Annotated[Text, AfterValidator(_check_quote)] = Field(
        description="The article's words, one sentence at most, copied exactly."
    )
    claim: Text = Field(description="The claim restated precisely, in our words.")
    kind: Kind = Field(description="fact | forecast | opinion")
    verdict: Verdict = Field(description="On the published scale (see the methodology page).")
    conclusion: Text = Field(description="One sentence: what the evidence shows.")
    metric: Text = Field(description="What 'leads' is measured by here.")
    leader: Leader = Field(description="Who leads on that metric.")
    annotation: Text = Field(description="The explainer text, Markdown, citing sources as [@source-id].")
    evidence: list[Evidence] = Field(min_length=1, description="Findings, each from one source.")
    since: list[Development] = Field(default_factory=list, description="What changed after publication.")
    as_of: IsoDate = Field(description="The date the verdict reflects.")
    reviewed: IsoDate = Field(description="The date a person last checked this claim.")
    corrections: list[Correction] = Field(default_factory=list)
    related: list[Id] = Field(default_factory=list, description="Ids of related claims.")
    tags: list[Id] = Field(default_factory=list, description="Topics, kebab-case.")

    _section: str = PrivateAttr(default="")
    _cites: Any = PrivateAttr(default=None)

    @property
    def section(self) -> str:
        return self.__pydantic_private__.get("_section", "")  # direct: pydantic's private-attribute lookup is slow

    def citations(self) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
        """Source ids cited inline: in the annotation, and in each development's note (computed once)."""
        return self._derived()[0]

    def source_ids(self) -> list[str]:
        """Every source the claim rests on, numbered in reading order: annotation, evidence, then since."""
        return list(self._derived()[1])

    def _derived(self):
        # Kept in one private slot, read once per call (pydantic's private attributes are slow to reach).
        cites = self.__pydantic_private__.get("_cites")
        if cites is None:
            from explainer.citations import cited_ids

            inline = (tuple(cited_ids(self.annotation)), tuple(tuple(cited_ids(d.note)) for d in self.since))
            ordered: dict[str, None] = dict.fromkeys(inline[0])
            for item in self.evidence:
                ordered.setdefault(item.source, None)
            for dev, cited in zip(self.since, inline[1]):
                for sid in (*cited, *dev.sources):
                    ordered.setdefault(sid, None)
            cites = self.__pydantic_private__["_cites"] = (inline, tuple(ordered))
        return cites


class Source(Record):
    """A document the claims cite, on its publisher's own page."""

    id: Id
    title: Text
    publisher: Text
    authors: list[Text] = Field(default_factory=list)
    date: PartialDate | None = Field(default=None, description="Publication date as the source gives it; omit if it shows none.")
    url: Url = Field(description="The publisher's own page.")
    type: SourceType
    archive: Url | None = Field(default=None, description="A web archive copy.")
    doi: Text | None = None
    accessed: IsoDate = Field(description="When we last saw the page show what we cite.")
    producer: Text | None = Field(default=None, description="Who produced the figures, when the source reports others' data.")
    verified_via: Url | None = Field(
        default=None,
        description="Where the document's text was seen (a faithful copy), when the producer's own page "
        "could not be opened; never cited itself.",
    )
    note: Text | None = None


class Publisher(Record):
    """A publisher sources may come from: what it is and how far to trust it."""

    id: Id
    name: Text
    domains: list[Text] = Field(min_length=1, description="Hosts; a source URL's host or a parent domain matches.")
    kind: PublisherKind
    rating: Rating = Field(description="reliable | use-with-care | unreliable")
    note: Text = Field(description="One line: why this rating.")


class Term(Record):
    """A glossary term, explained on hover wherever it appears."""

    id: Id
    term: Text
    aliases: list[Text] = Field(default_factory=list)
    definition: Text
    source: Id


class Section(Record):
    """A section of the article, with its intro and discussion questions."""

    id: Id
    title: Text
    heading: Text | None = Field(default=None, description="The article's own heading for this part.")
    intro: Text
    questions: list[Text] = Field(min_length=3, max_length=5)


class Article(Record):
    """The article being annotated."""

    title: Text
    outlet: Text
    label: Text
    url: Url
    author: Text | None = None
    author_note: Text | None = None
    date: PartialDate
    date_estimated: bool = False
    date_note: Text | None = None


class Domain(Record):
    """A domain of the AI race: who leads now, who led when the article was written, and the trend."""

    id: Id
    title: Text = Field(max_length=80)
    metric: Text = Field(description="What 'leads' is measured by in this domain.")
    leader: Leader = Field(description="Who leads now.")
    leader_at_publication: Leader = Field(description="Who led in early 2025, when the article appeared.")
    trend: Trend = Field(description="widening | narrowing | steady | reversed: the gap since early 2025.")
    summary: Annotated[Text, AfterValidator(_check_quote)] = Field(
        description="One sentence: the state of the domain, citing sources as [@source-id]."
    )
    claims: list[Id] = Field(min_length=1, description="Claims this domain rests on.")
    figures: list[Id] = Field(default_factory=list, description="Charts that show it.")
    as_of: IsoDate = Field(description="The date the summary reflects.")


class Point(Record):
    x: Union[int, Text]
    y: float


class Series(Record):
    name: Text
    source: Id
    locator: Text
    points: list[Point] = Field(min_length=1)


class Figure(Record):
    """A small data series drawn as a chart at build time."""

    id: Id
    title: Text
    kind: Literal["bar", "line"]
    unit: Text
    x_label: Text
    y_label: Text
    description: Text = Field(description="The text alternative: what the chart shows.")
    note: Text | None = None
    claims: list[Id] = Field(default_factory=list, description="Claims this figure illustrates.")
    series: list[Series] = Field(min_length=1)
