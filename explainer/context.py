"""What every renderer shares for one build: the data, the templates, the site, the day, the links.

The renderers (cards, overview, classroom, explorer, reference, charts) each do one job and read
this context; templates get named fields (dicts and records), never tuple positions.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import jinja2

from explainer import scale
from explainer.dataset import Dataset
from explainer.markup import plain_text
from explainer.model import Claim, Source
from explainer.siteinfo import SiteInfo
from explainer.urls import Links, UnknownId

REVIEW_AFTER_DAYS = 365
PACKAGED_TEMPLATES = Path(__file__).resolve().parent / "templates"
_SLOT_RE = re.compile(r"<!--ax-slot:(\d+)-->")
SLOTS_ENV = "EXPLAINER_SLOTS"  # "0": fragments go through the Markdown pass (the benchmark measures the gain)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def readable_date(value: str) -> str:
    """'2025-02' -> 'February 2025'; '2025-02-07' -> '7 February 2025'; '2025' -> '2025'."""
    parts = value.split("-")
    text = parts[0] if len(parts) == 1 else f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return f"{int(parts[2])} {text}" if len(parts) == 3 else text


class RenderContext:
    def __init__(
        self, dataset: Dataset, templates_dir: str | Path | None, *, today: dt.date, site: SiteInfo,
        dir_urls: bool = True, edit_url: str | None = None,
    ):
        self.ds = dataset
        self.today = today
        self.site = site
        self.dir_urls = dir_urls
        self.edit_url = (edit_url or "").rstrip("/") or None
        # A project's own templates (if any) override the packaged ones, file by file.
        dirs = [str(d) for d in (templates_dir, PACKAGED_TEMPLATES) if d is not None]
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(dirs), autoescape=True, trim_blocks=True, lstrip_blocks=True,
            undefined=jinja2.StrictUndefined, keep_trailing_newline=False,
        )
        self.env.globals.update(scale=scale, site=site, publisher_of=self.publisher_info, verdict_of=self.verdict)
        self.rendered: set[str] = set()
        self._glossary: dict[str, str] | None = None
        self._glossary_items: tuple[tuple[str, str], ...] | None = None
        self._slots: dict[str, str] = {}
        self._inline_slots = os.environ.get(SLOTS_ENV) == "0"  # read once: slot() runs thousands of times a build

    def render(self, template: str, **values) -> str:
        return self.env.get_template(template).render(**values).strip() + "\n"

    def links(self, page_url: str) -> Links:
        return Links(page_url, self.dir_urls)

    def claim(self, claim_id: str) -> Claim:
        claim = self.ds.claim(claim_id)
        if claim is None:
            raise UnknownId(f"claim '{claim_id}' does not exist")
        return claim

    def section(self, section_id: str):
        section = self.ds.section(section_id)
        if section is None:
            raise UnknownId(f"section '{section_id}' does not exist")
        return section

    @staticmethod
    def verdict(verdict_id: str) -> dict[str, str]:
        label, icon, definition = scale.VERDICTS[verdict_id]
        return {"id": verdict_id, "label": label, "icon": icon, "definition": definition}

    def tally(self, claims: list[Claim]) -> list[dict]:
        """Verdicts in scale order with their counts (only those that occur)."""
        counts = {v: 0 for v in scale.VERDICTS}
        for claim in claims:
            counts[claim.verdict] += 1
        return [{**self.verdict(v), "count": n} for v, n in counts.items() if n]

    def article_date(self) -> str:
        """The article's date for readers: "February 2025 (estimated)"."""
        article = self.ds.article
        if article is None:
            return ""
        text = readable_date(article.date)
        return f"{text} (estimated)" if article.date_estimated else text

    def publisher_info(self, source: Source) -> dict[str, str]:
        """What readers see of a source's publisher: its kind and, unless reliable, its rating."""
        publisher = self.ds.publisher_of(source)
        if publisher is None:
            return {"kind": "", "rating": "", "label": ""}
        kind = scale.PUBLISHER_KINDS[publisher.kind]
        rating = scale.RATINGS[publisher.rating][0]
        label = kind if publisher.rating == "reliable" else f"{kind}, {rating.lower()}"
        return {"kind": kind, "rating": publisher.rating, "label": label}

    def due_for_review(self, claim: Claim) -> bool:
        return (self.today - dt.date.fromisoformat(claim.reviewed)).days > REVIEW_AFTER_DAYS

    def edit_link(self, path: str, line: int) -> str | None:
        return f"{self.edit_url}/{path}#L{line}" if self.edit_url else None

    def glossary(self) -> dict[str, str]:
        """Term (and alias) -> one-line definition, for ``<abbr>`` hovers."""
        if self._glossary is None:
            self._glossary = {}
            for term in self.ds.terms:
                definition = plain_text(term.definition)
                for word in [term.term, *term.aliases]:
                    if word.strip():
                        self._glossary.setdefault(word.strip(), definition)
        return self._glossary

    def glossary_items(self) -> tuple[tuple[str, str], ...]:
        """The glossary as sorted (term, definition) pairs: hashable, so conversions can be cached."""
        if self._glossary_items is None:
            self._glossary_items = tuple(sorted(self.glossary().items()))
        return self._glossary_items

    def slot(self, html_fragment: str) -> str:
        """A placeholder for finished HTML; ``fill_slots`` puts the HTML back after Markdown ran.

        Parsing large raw-HTML blocks is most of Python-Markdown's time on a page, and the fragments
        are already complete, sanitised HTML, so they skip the Markdown pass entirely.
        """
        if self._inline_slots:
            return f"\n\n{html_fragment}\n\n"
        key = f"{len(self._slots)}"
        self._slots[key] = html_fragment
        return f"<!--ax-slot:{key}-->"

    def fill_slots(self, page_html: str) -> str:
        return _SLOT_RE.sub(lambda m: self._slots.get(m.group(1), ""), page_html)
