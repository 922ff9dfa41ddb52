"""Records -> Markdown/HTML fragments, through the Jinja templates in ``templates/``.

Templates are compiled once per Renderer (autoescaped); data Markdown is sanitised by ``markup``.
Every link is relative to the page that shows it, so the site also works opened from disk.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import jinja2

from explainer import scale
from explainer.cite import claim_bibtex, claim_citation, tasl_line
from explainer.citations import cited_ids
from explainer.dataset import Dataset, claim_source_ids
from explainer.markup import first_abbreviations_only, markdown_escape, plain_text, render_markdown
from explainer.model import Claim
from explainer.siteinfo import SiteInfo

REVIEW_AFTER_DAYS = 365
_SLOT_RE = re.compile(r"<!--ax-slot:(\d+)-->")


class UnknownId(LookupError):
    """A page asked for a record that does not exist."""


class Links:
    """Relative URLs from one page to the others."""

    def __init__(self, page_url: str, dir_urls: bool = True):
        self.root = "../" * page_url.count("/")
        self.dir_urls = dir_urls

    def page(self, name: str, anchor: str | None = None) -> str:
        if name in ("", "index"):
            target = "" if self.dir_urls else "index.html"
        else:
            target = f"{name}/" if self.dir_urls else f"{name}.html"
        url = f"{self.root}{target}" or "./"
        return f"{url}#{anchor}" if anchor else url

    def claim(self, claim_id: str) -> str:
        return self.page(f"claims/{claim_id}")

    def source(self, source_id: str) -> str:
        return self.page("sources", f"src-{source_id}")


class Renderer:
    def __init__(
        self,
        dataset: Dataset,
        templates_dir: str | Path,
        *,
        today: dt.date,
        site: SiteInfo,
        dir_urls: bool = True,
        edit_url: str | None = None,
    ):
        self.ds = dataset
        self.today = today
        self.site = site
        self.dir_urls = dir_urls
        self.edit_url = (edit_url or "").rstrip("/") or None
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir)),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=False,
        )
        self.env.globals.update(scale=scale, site=site, publisher_of=self.publisher_info)
        self.rendered: set[str] = set()
        self._glossary: dict[str, str] | None = None
        self._glossary_items: tuple[tuple[str, str], ...] | None = None
        self._slots: dict[str, str] = {}

    # -- helpers -----------------------------------------------------------------------------

    def links(self, page_url: str) -> Links:
        return Links(page_url, self.dir_urls)

    def _claim(self, claim_id: str) -> Claim:
        claim = self.ds.claim(claim_id)
        if claim is None:
            raise UnknownId(f"claim '{claim_id}' does not exist")
        return claim

    def article_date(self) -> str:
        """The article's date for readers: "February 2025 (estimated)"."""
        article = self.ds.article
        if article is None:
            return ""
        parts = article.date.split("-")
        months = ["January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"]
        text = parts[0] if len(parts) == 1 else f"{months[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 3:
            text = f"{int(parts[2])} {text}"
        return f"{text} (estimated)" if article.date_estimated else text

    def publisher_info(self, source) -> dict[str, str]:
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
        if not self.edit_url:
            return None
        return f"{self.edit_url}/{path}#L{line}"

    def _cite_html(self, numbers: dict[str, int], links: Links, prefix: str):
        counter = {"n": 0}

        def cite(ids: list[str]) -> str:
            parts = []
            for sid in ids:
                source = self.ds.sources.get(sid)
                if source is None:
                    continue
                counter["n"] += 1
                tip = f"tip-{prefix}-{counter['n']}"
                parts.append(
                    self.env.get_template("citation.html").render(
                        n=numbers[sid], source=source, href=links.source(sid), tip_id=tip,
                    ).strip()
                )
            return "".join(parts)

        return cite

    # -- fragments ---------------------------------------------------------------------------

    def claim_card(self, claim_id: str, page_url: str, standalone: bool = False) -> str:
        """The full card for one claim: Markdown heading (for the TOC and search) + HTML body."""
        claim = self._claim(claim_id)
        links = self.links(page_url)
        source_ids = [sid for sid in claim_source_ids(claim) if sid in self.ds.sources]
        numbers = {sid: i + 1 for i, sid in enumerate(source_ids)}
        prefix = claim.id
        cite = self._cite_html(numbers, links, prefix)
        section = self.ds.section(claim.section)
        body = self.env.get_template("claim_card.html").render(
            claim=claim,
            section=section,
            standalone=standalone,
            verdict=scale.VERDICTS[claim.verdict],
            leader=scale.LEADERS[claim.leader],
            kind=scale.KINDS[claim.kind],
            annotation=render_markdown(claim.annotation, cite, glossary=self.glossary_items()),
            evidence=[
                {
                    "item": item,
                    "n": numbers.get(item.source),
                    "finding": render_markdown(item.finding, cite, inline=True),
                    "stance": scale.STANCES[item.stance],
                    "source": self.ds.sources.get(item.source),
                    "href": links.source(item.source),
                    # a figure that already names its year ("$31bn (2023)") is not followed by it again
                    "year": item.year if item.year and str(item.year) not in (item.figure or "") else None,
                }
                for item in claim.evidence
            ],
            since=[
                {"item": dev, "note": render_markdown(dev.note, cite, inline=True),
                 # sources the note already cites inline are not listed again after it
                 "refs": [(numbers[s], links.source(s)) for s in dev.sources if s in numbers and s not in cited_ids(dev.note)]}
                for dev in claim.since
            ],
            corrections=[{"item": c, "note": render_markdown(c.note, inline=True)} for c in claim.corrections],
            sources=[(numbers[sid], self.ds.sources[sid], links.source(sid)) for sid in source_ids],
            related=[(c.id, c.title, links.claim(c.id)) for c in map(self.ds.claim, claim.related) if c],
            permalink=links.claim(claim.id),
            section_link=links.page(claim.section, claim.id) if section else None,
            due=self.due_for_review(claim),
            # the cite box is only on the claim's own page; section cards link to it
            citation=claim_citation(claim, self.site, links.claim(claim.id)) if standalone else "",
            bibtex=claim_bibtex(claim, self.site, links.claim(claim.id)) if standalone else "",
            tasl=tasl_line(claim.title, self.site, links.claim(claim.id)) if standalone else "",
            article=self.ds.article,
            article_date=self.article_date(),
            edit=self.edit_link(claim.path, claim.line),
        )
        body = first_abbreviations_only(body)
        if not standalone:
            self.rendered.add(claim.id)  # shown on a section page, where every claim must appear
        # Each claim is indexed for search once, on its own page; the section copy is excluded.
        level, extra = ("#", "") if standalone else ("##", " data-search-exclude")
        heading = f"{level} {markdown_escape(claim.title)} {{ #{claim.id} .ax-claim__title{extra} }}"
        return f"{heading}\n\n{self.slot(body.strip())}\n"

    # -- slots: finished HTML kept out of the Markdown pass ------------------------------------

    def slot(self, html_fragment: str) -> str:
        """A placeholder for finished HTML; ``fill_slots`` puts the HTML back after Markdown ran.

        Parsing large raw-HTML blocks is most of Python-Markdown's time on a section page, and the
        fragments are already complete, sanitised HTML, so they skip the Markdown pass entirely.
        """
        key = f"{len(self._slots)}"
        self._slots[key] = html_fragment
        return f"<!--ax-slot:{key}-->"

    def fill_slots(self, page_html: str) -> str:
        return _SLOT_RE.sub(lambda m: self._slots.get(m.group(1), ""), page_html)

    def section_claims(self, section_id: str, page_url: str) -> str:
        """Every claim of a section, in order."""
        if self.ds.section(section_id) is None:
            raise UnknownId(f"section '{section_id}' does not exist")
        return "\n\n".join(self.claim_card(c.id, page_url) for c in self.ds.claims_in(section_id))

    def section_intro(self, section_id: str) -> str:
        """The page heading (Markdown, so it is the page title), the intro and the verdict tally."""
        section = self.ds.section(section_id)
        if section is None:
            raise UnknownId(f"section '{section_id}' does not exist")
        return f"# {markdown_escape(section.title)}\n\n" + self.env.get_template("section_intro.html").render(
            section=section, article=self.ds.article, count=len(self.ds.claims_in(section_id)),
            verdicts=self._tally(self.ds.claims_in(section_id)),
        ).strip() + "\n"

    def discussion_questions(self, section_id: str) -> str:
        section = self.ds.section(section_id)
        if section is None:
            raise UnknownId(f"section '{section_id}' does not exist")
        return self.env.get_template("questions.html").render(section=section).strip() + "\n"

    def all_questions(self, page_url: str) -> str:
        """Every section's discussion questions under a heading linking to the section."""
        links = self.links(page_url)
        parts = []
        for section in self.ds.sections:
            parts.append(
                f"### {markdown_escape(section.title)} {{ #questions-{section.id} }}\n\n"
                + self.discussion_questions(section.id)
                + f'\n<p><a href="{links.page(section.id)}">Read the section</a></p>\n'
            )
        return "\n".join(parts)

    def _tally(self, claims: list[Claim]) -> list[tuple[str, str, str, int]]:
        counts = {v: 0 for v in scale.VERDICTS}
        for c in claims:
            counts[c.verdict] += 1
        return [(v, *scale.VERDICTS[v][:2], n) for v, n in counts.items() if n]

    def scoreboard(self, page_url: str) -> str:
        """Home-page table: each area, what the article says, what the evidence says, verdict, as-of."""
        links = self.links(page_url)
        rows = []
        for section in self.ds.sections:
            for claim in self.ds.claims_in(section.id):
                rows.append({
                    "section": section, "claim": claim, "href": links.page(section.id, claim.id),
                    "verdict": scale.VERDICTS[claim.verdict], "leader": scale.LEADERS[claim.leader],
                })
        return self.env.get_template("scoreboard.html").render(
            rows=rows, tally=self._tally(self.ds.claims), total=len(self.ds.claims)
        ).strip() + "\n"

    def sources_list(self, page_url: str) -> str:
        links = self.links(page_url)
        cited = self.ds.cited_by()
        groups = []
        for type_id, label in scale.SOURCE_TYPES.items():
            items = sorted(
                (s for s in self.ds.sources.values() if s.type == type_id),
                key=lambda s: (s.publisher.lower(), s.title.lower()),
            )
            if items:
                groups.append({
                    "id": type_id, "label": label,
                    "items": [
                        {"source": s, "claims": [(cid, self._claim(cid).title, links.claim(cid)) for cid in cited.get(s.id, [])]}
                        for s in items
                    ],
                })
        return self.env.get_template("sources.html").render(groups=groups, total=len(self.ds.sources)).strip() + "\n"

    def glossary_list(self, page_url: str) -> str:
        links = self.links(page_url)
        terms = sorted(self.ds.terms, key=lambda t: t.term.lower())
        return self.env.get_template("glossary.html").render(
            terms=[(t, self.ds.sources.get(t.source), links.source(t.source)) for t in terms]
        ).strip() + "\n"

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

    def verdict_scale(self) -> str:
        return self.env.get_template("verdict_scale.html").render(
            verdicts=scale.VERDICTS, leaders=scale.LEADERS
        ).strip() + "\n"

    def dataset_citation(self, page_url: str) -> str:
        """How to cite the data: credit, title, year, address (made absolute by the reader's browser)."""
        here = self.links(page_url).page("downloads")
        licence = f" Licensed {self.site.licence}." if self.site.licence else ""
        return (
            f'<p class="ax-dataset-citation">{html.escape(self.site.credit)} ({self.today.year}). '
            f"<em>{html.escape(self.site.name)}</em>: claims, sources and lead map (dataset, "
            f"{len(self.ds.claims)} claims, {len(self.ds.sources)} sources). "
            f'<span data-ax-absolute="{html.escape(here)}">{html.escape(here)}</span>.{html.escape(licence)}</p>\n'
        )

    def publisher_ratings(self) -> str:
        """Every publisher in the registry, grouped by rating, with its kind and the reason."""
        cited: dict[str, int] = {}
        for source in self.ds.sources.values():
            publisher = self.ds.publisher_of(source)
            if publisher is not None:
                cited[publisher.id] = cited.get(publisher.id, 0) + 1
        groups = []
        for rating, (label, meaning) in scale.RATINGS.items():
            members = sorted((p for p in self.ds.publishers if p.rating == rating), key=lambda p: p.name.lower())
            rows = [{"publisher": p, "kind": scale.PUBLISHER_KINDS[p.kind], "cited": cited.get(p.id, 0)} for p in members]
            groups.append({"id": rating, "label": label, "meaning": meaning, "rows": rows})
        return self.env.get_template("publisher_ratings.html").render(
            groups=groups, total=len(self.ds.publishers)
        ).strip() + "\n"

    def corrections_log(self, page_url: str) -> str:
        links = self.links(page_url)
        entries = [
            {"claim": c, "item": fix, "note": render_markdown(fix.note, inline=True), "href": links.claim(c.id)}
            for c in self.ds.claims for fix in c.corrections
        ]
        entries.sort(key=lambda e: (e["item"].date, e["claim"].id), reverse=True)
        return self.env.get_template("corrections.html").render(entries=entries).strip() + "\n"

    def recent_changes(self, page_url: str, limit: int = 8) -> str:
        """The newest 'since' developments across all claims (home page)."""
        links = self.links(page_url)
        entries = [
            {"claim": c, "item": d, "note": render_markdown(d.note, lambda ids: "", inline=True),
             "href": links.page(c.section, c.id)}
            for c in self.ds.claims for d in c.since
        ]
        entries.sort(key=lambda e: (e["item"].date, e["claim"].id), reverse=True)
        return self.env.get_template("recent_changes.html").render(entries=entries[:limit]).strip() + "\n"

    def article_box(self) -> str:
        return self.env.get_template("article.html").render(
            article=self.ds.article, article_date=self.article_date()
        ).strip() + "\n"

    def figure(self, figure_id: str, page_url: str) -> str:
        """One chart: inline SVG, text summary, data table and source line."""
        from explainer.charts import chart_svg

        fig = self.ds.figure(figure_id)
        if fig is None:
            raise UnknownId(f"figure '{figure_id}' does not exist")
        links = self.links(page_url)
        xs: list[str] = []
        for series in fig.series:
            for p in series.points:
                if str(p.x) not in xs:
                    xs.append(str(p.x))
        columns = [{str(p.x): _number(p.y) for p in s.points} for s in fig.series]
        sources = self._figure_sources(fig, links)
        claims = [(c.id, c.title, links.claim(c.id)) for c in map(self.ds.claim, fig.claims) if c]
        svg = chart_svg(fig, f"fig-{fig.id}-title", f"fig-{fig.id}-desc")
        return self.env.get_template("figure.html").render(
            figure=fig, svg=svg, xs=xs, columns=columns, sources=sources, claims=claims
        ).strip() + "\n"

    def _figure_sources(self, fig, links: Links) -> list[dict]:
        """One entry per distinct source and locator, naming the series it gives (all: no names)."""
        grouped: dict[tuple[str, str], list[str]] = {}
        for series in fig.series:
            if series.source in self.ds.sources:
                grouped.setdefault((series.source, series.locator), []).append(series.name)
        every = len(grouped) == 1
        return [
            {"names": [] if every else names, "source": self.ds.sources[sid], "href": links.source(sid), "locator": locator}
            for (sid, locator), names in grouped.items()
        ]

    def all_figures(self, page_url: str) -> str:
        return "\n\n".join(self.figure(f.id, page_url) for f in self.ds.figures)

    def problem_codes(self) -> str:
        from explainer.checks import CODES

        return self.env.get_template("problem_codes.html").render(codes=CODES).strip() + "\n"

    def claim_description(self, claim_id: str) -> str:
        claim = self._claim(claim_id)
        return f"{scale.VERDICTS[claim.verdict][0]}: {plain_text(claim.conclusion)}"


def _number(value: float) -> str:
    """1234.0 -> '1,234'; 12.5 -> '12.5'."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")
