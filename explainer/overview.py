"""The overview: the home page's answer and lead map, section intros, the tally, recent changes."""

from __future__ import annotations

import html

from explainer import scale
from explainer.context import RenderContext, readable_date
from explainer.markup import markdown_escape, render_markdown


def _names(domains: list) -> str:
    titles = [d.title for d in domains]
    if len(titles) <= 2:
        return " and ".join(titles)
    return ", ".join(titles[:-1]) + " and " + titles[-1]


class Overview:
    def __init__(self, ctx: RenderContext, cite_for):
        self.ctx = ctx
        self.cite_for = cite_for  # page_url -> a citation renderer numbered for the lead map

    def answer(self) -> str:
        """One paragraph answering "how big is China's advantage?" from the lead map: counts, then changes."""
        ds = self.ctx.ds
        if not ds.domains:
            return ""
        count = {key: sum(d.leader == key for d in ds.domains) for key in scale.LEADERS}
        changed = [d for d in ds.domains if d.leader != d.leader_at_publication]
        narrowing = sum(d.trend == "narrowing" for d in ds.domains)
        undecided = count["contested"] + count["neither"]
        as_of = max(d.as_of for d in ds.domains)
        text = (f"On the evidence as of {readable_date(as_of)}, China leads in {count['china']} of the "
                f"{len(ds.domains)} domains of the race we track and the United States in {count['us']}")
        text += f"; {undecided} {'is' if undecided == 1 else 'are'} contested." if undecided else "."
        if changed:
            text += f" Since the article appeared, the lead has changed hands in {_names(changed)}."
        if narrowing:
            text += f" The gap has narrowed in {narrowing} {'domain' if narrowing == 1 else 'domains'}."
        return f'<p class="ax-answer">{html.escape(text)} The table shows which, and why.</p>\n'

    def lead_map(self, page_url: str) -> str:
        ctx = self.ctx
        links = ctx.links(page_url)
        cite = self.cite_for(page_url)
        rows = []
        for d in ctx.ds.domains:
            claims = [c for c in map(ctx.ds.claim, d.claims) if c]
            rows.append({
                "domain": d, "leader": scale.LEADERS[d.leader], "before": scale.LEADERS[d.leader_at_publication],
                "trend": scale.TRENDS[d.trend][0], "trend_help": scale.TRENDS[d.trend][1],
                "summary": render_markdown(d.summary, cite, inline=True),
                "claims": [{"title": c.title, "href": links.claim(c.id)} for c in claims],
                "explorer": links.explorer("domain=" + d.id),
            })
        return ctx.slot(ctx.render("lead_map.html", rows=rows, article_date=ctx.article_date()).strip()) + "\n"

    def tally(self) -> str:
        return self.ctx.render("tally.html", entries=self.ctx.tally(self.ctx.ds.claims), total=len(self.ctx.ds.claims))

    def section_intro(self, section_id: str, page_url: str) -> str:
        """The page heading (Markdown, so it is the page title), the intro and the verdict tally."""
        ctx = self.ctx
        section = ctx.section(section_id)
        links = ctx.links(page_url)
        claims = ctx.ds.claims_in(section_id)
        return f"# {markdown_escape(section.title)}\n\n" + ctx.render(
            "section_intro.html", section=section, count=len(claims), verdicts=ctx.tally(claims),
            quiz_href=links.page(f"quiz/{section.id}"), handout_href=links.page(f"handouts/{section.id}"),
            explorer_href=links.explorer("section=" + section.id),
        )

    def recent_changes(self, page_url: str, limit: int = 8) -> str:
        """The newest 'since' developments across all claims."""
        links = self.ctx.links(page_url)
        entries = [
            {"claim": c, "item": d, "note": render_markdown(d.note, lambda ids: "", inline=True), "href": links.claim(c.id)}
            for c in self.ctx.ds.claims for d in c.since
        ]
        entries.sort(key=lambda e: (e["item"].date, e["claim"].id), reverse=True)
        return self.ctx.render("recent_changes.html", entries=entries[:limit])

    def article_box(self) -> str:
        return self.ctx.render("article.html", article=self.ctx.ds.article, article_date=self.ctx.article_date())
