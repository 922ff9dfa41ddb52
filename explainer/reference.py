"""Reference pages: sources, glossary, publisher ratings, verdict scale, corrections, problem codes, data."""

from __future__ import annotations

import html

from explainer import scale
from explainer.context import RenderContext
from explainer.markup import render_markdown


class Reference:
    def __init__(self, ctx: RenderContext):
        self.ctx = ctx

    def sources_list(self, page_url: str) -> str:
        ctx = self.ctx
        links = ctx.links(page_url)
        cited = ctx.ds.cited_by()
        groups = []
        for type_id, label in scale.SOURCE_TYPES.items():
            items = sorted(
                (s for s in ctx.ds.sources.values() if s.type == type_id),
                key=lambda s: (s.publisher.lower(), s.title.lower()),
            )
            if items:
                groups.append({"id": type_id, "label": label, "items": [
                    {"source": s, "claims": [{"title": ctx.claim(cid).title, "href": links.claim(cid)} for cid in cited.get(s.id, [])]}
                    for s in items
                ]})
        return ctx.render("sources.html", groups=groups, total=len(ctx.ds.sources))

    def glossary_list(self, page_url: str) -> str:
        links = self.ctx.links(page_url)
        terms = sorted(self.ctx.ds.terms, key=lambda t: t.term.lower())
        return self.ctx.render("glossary.html", terms=[
            {"term": t, "source": self.ctx.ds.sources.get(t.source), "href": links.source(t.source)} for t in terms
        ])

    def verdict_scale(self) -> str:
        return self.ctx.render("verdict_scale.html", verdicts=[self.ctx.verdict(v) for v in scale.VERDICTS])

    def dataset_citation(self, page_url: str) -> str:
        """How to cite the data: credit, year, title, address (made absolute by the reader's browser)."""
        ctx = self.ctx
        here = ctx.links(page_url).page("downloads")
        licence = f" Licensed {ctx.site.licence}." if ctx.site.licence else ""
        return (
            f'<p class="ax-dataset-citation">{html.escape(ctx.site.credit)} ({ctx.today.year}). '
            f"<em>{html.escape(ctx.site.name)}</em>: claims, sources and lead map (dataset, "
            f"{len(ctx.ds.claims)} claims, {len(ctx.ds.sources)} sources). "
            f'<span data-ax-absolute="{html.escape(here)}">{html.escape(here)}</span>.{html.escape(licence)}</p>\n'
        )

    def publisher_ratings(self) -> str:
        """Every publisher in the registry, grouped by rating, with its kind and the reason."""
        ctx = self.ctx
        cited: dict[str, int] = {}
        for source in ctx.ds.sources.values():
            publisher = ctx.ds.publisher_of(source)
            if publisher is not None:
                cited[publisher.id] = cited.get(publisher.id, 0) + 1
        groups = []
        for rating, (label, meaning) in scale.RATINGS.items():
            members = sorted((p for p in ctx.ds.publishers if p.rating == rating), key=lambda p: p.name.lower())
            rows = [{"publisher": p, "kind": scale.PUBLISHER_KINDS[p.kind], "cited": cited.get(p.id, 0)} for p in members]
            groups.append({"id": rating, "label": label, "meaning": meaning, "rows": rows})
        return ctx.render("publisher_ratings.html", groups=groups, total=len(ctx.ds.publishers))

    def corrections_log(self, page_url: str) -> str:
        links = self.ctx.links(page_url)
        entries = [
            {"claim": c, "item": fix, "note": render_markdown(fix.note, inline=True), "href": links.claim(c.id)}
            for c in self.ctx.ds.claims for fix in c.corrections
        ]
        entries.sort(key=lambda e: (e["item"].date, e["claim"].id), reverse=True)
        return self.ctx.render("corrections.html", entries=entries)

    def problem_codes(self) -> str:
        from explainer.checks import CODES

        return self.ctx.render("problem_codes.html", codes=CODES)
