"""Claim cards: the full card on each claim's own page, the compact card on section pages (or, for a
section with more claims than fit on one page, one row per claim)."""

from __future__ import annotations

from collections.abc import Callable

from explainer import scale
from explainer.cite import claim_bibtex, claim_citation, tasl_line
from explainer.citations import cited_ids
from explainer.context import RenderContext
from explainer.dataset import claim_source_ids
from explainer.markup import first_abbreviations_only, markdown_escape, plain_text, render_markdown
from explainer.model import Claim
from explainer.urls import Links

CARDS_PER_SECTION_PAGE = 30
"""A section with more claims than this lists them as rows (title, verdict, who leads), so that its page
stays a page: about 0.6 KB of compressed HTML per compact card would make a 150-claim section 90 KB."""


class Cards:
    def __init__(self, ctx: RenderContext):
        self.ctx = ctx

    def citer(self, numbers: dict[str, int], links: Links, prefix: str) -> Callable[[list[str]], str]:
        """Renders a citation group ``[@a; @b]`` as numbered links with source previews."""
        counter = {"n": 0}
        template = self.ctx.env.get_template("citation.html")

        def cite(ids: list[str]) -> str:
            parts = []
            for sid in ids:
                source = self.ctx.ds.sources.get(sid)
                if source is None:
                    continue
                counter["n"] += 1
                parts.append(template.render(
                    n=numbers[sid], source=source, href=links.source(sid), tip_id=f"tip-{prefix}-{counter['n']}",
                ).strip())
            return "".join(parts)

        return cite

    def _heading(self, claim: Claim, level: str, extra: str = "") -> str:
        return f"{level} {markdown_escape(claim.title)} {{ #{claim.id} .ax-claim__title{extra} }}"

    def claim_card(self, claim_id: str, page_url: str) -> str:
        """The full card, for the claim's own page: Markdown heading (TOC, search) + HTML body."""
        ctx = self.ctx
        claim = ctx.claim(claim_id)
        links = ctx.links(page_url)
        source_ids = [sid for sid in claim_source_ids(claim) if sid in ctx.ds.sources]
        numbers = {sid: i + 1 for i, sid in enumerate(source_ids)}
        cite = self.citer(numbers, links, claim.id)
        section = ctx.ds.section(claim.section)
        permalink = links.claim(claim.id)
        body = ctx.render(
            "claim_card.html", claim=claim, section=section, verdict=ctx.verdict(claim.verdict),
            leader=scale.LEADERS[claim.leader], kind=scale.KINDS[claim.kind],
            annotation=render_markdown(claim.annotation, cite, glossary=ctx.glossary_items()),
            evidence=[self._evidence(item, numbers, links, cite) for item in claim.evidence],
            since=[self._since(dev, numbers, links, cite) for dev in claim.since],
            corrections=[{"item": c, "note": render_markdown(c.note, inline=True)} for c in claim.corrections],
            sources=[{"n": numbers[sid], "source": ctx.ds.sources[sid], "href": links.source(sid)} for sid in source_ids],
            related=self.related(claim, links),
            permalink=permalink,
            section_link=links.page(claim.section, claim.id) if section else None,
            due=ctx.due_for_review(claim),
            citation=claim_citation(claim, ctx.site, permalink),
            bibtex=claim_bibtex(claim, ctx.site, permalink),
            tasl=tasl_line(claim.title, ctx.site, permalink),
            article=ctx.ds.article, article_date=ctx.article_date(),
            edit=ctx.edit_link(claim.path, claim.line),
        )
        body = first_abbreviations_only(body)
        return f"{self._heading(claim, '#')}\n\n{ctx.slot(body.strip())}\n"

    def _evidence(self, item, numbers: dict[str, int], links: Links, cite) -> dict:
        return {
            "item": item,
            "n": numbers.get(item.source),
            "finding": render_markdown(item.finding, cite, inline=True),
            "stance": scale.STANCES[item.stance],
            "href": links.source(item.source),
            # a figure that already names its year ("$31bn (2023)") is not followed by it again
            "year": item.year if item.year and str(item.year) not in (item.figure or "") else None,
        }

    def _since(self, dev, numbers: dict[str, int], links: Links, cite) -> dict:
        inline = set(cited_ids(dev.note))
        return {
            "item": dev,
            "note": render_markdown(dev.note, cite, inline=True),
            # sources the note already cites inline are not listed again after it
            "refs": [{"n": numbers[s], "href": links.source(s)} for s in dev.sources if s in numbers and s not in inline],
        }

    def related(self, claim: Claim, links: Links) -> list[dict]:
        return [{"id": c.id, "title": c.title, "href": links.claim(c.id)} for c in map(self.ctx.ds.claim, claim.related) if c]

    def claim_summary(self, claim_id: str, page_url: str) -> str:
        """The compact card for a section page: the article's words, verdict, conclusion, who leads on
        what, how much changed since, and a link to the full claim page (heading keeps ``#<id>``)."""
        ctx = self.ctx
        claim = ctx.claim(claim_id)
        links = ctx.links(page_url)
        body = ctx.render(
            "claim_summary.html", claim=claim, verdict=ctx.verdict(claim.verdict),
            leader=scale.LEADERS[claim.leader], kind=scale.KINDS[claim.kind],
            permalink=links.claim(claim.id), developments=len(claim.since),
            corrections=len(claim.corrections), due=ctx.due_for_review(claim),
        )
        ctx.rendered.add(claim.id)  # shown on a section page, where every claim must appear
        # Each claim is indexed for search once, on its own page; the section copy is excluded.
        return f"{self._heading(claim, '##', ' data-search-exclude')}\n\n{ctx.slot(body.strip())}\n"

    def section_claims(self, section_id: str, page_url: str) -> str:
        """Every claim of a section, in order: compact cards, or rows past ``CARDS_PER_SECTION_PAGE``."""
        self.ctx.section(section_id)
        claims = self.ctx.ds.claims_in(section_id)
        if len(claims) > CARDS_PER_SECTION_PAGE:
            return self.claim_rows(claims, page_url)
        return "\n\n".join(self.claim_summary(c.id, page_url) for c in claims)

    def claim_rows(self, claims: list[Claim], page_url: str) -> str:
        """One row per claim (keeping the ``#<id>`` anchor): title linking to its page, verdict, who leads."""
        ctx = self.ctx
        links = ctx.links(page_url)
        rows = [{"claim": c, "verdict": ctx.verdict(c.verdict), "leader": scale.LEADERS[c.leader],
                 "href": links.claim(c.id)} for c in claims]
        ctx.rendered.update(c.id for c in claims)  # shown on a section page, where every claim must appear
        return ctx.slot(ctx.render("claim_rows.html", rows=rows).strip()) + "\n"

    def claim_description(self, claim_id: str) -> str:
        claim = self.ctx.claim(claim_id)
        return f"{scale.VERDICTS[claim.verdict][0]}: {plain_text(claim.conclusion)}"
