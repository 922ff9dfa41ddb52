"""A chart as a page block: the inline SVG, its text summary, the data table and one source line."""

from __future__ import annotations

from explainer.charts import chart_svg
from explainer.context import RenderContext
from explainer.urls import Links, UnknownId


def _number(value: float) -> str:
    """1234.0 -> '1,234'; 12.5 -> '12.5'."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


class ChartBlocks:
    def __init__(self, ctx: RenderContext):
        self.ctx = ctx

    def _sources(self, fig, links: Links) -> list[dict]:
        """One entry per distinct source, naming the series it gives (none when it gives them all) and its
        locators, so a source shared by every series is named once."""
        grouped: dict[str, dict] = {}
        for series in fig.series:
            if series.source in self.ctx.ds.sources:
                entry = grouped.setdefault(series.source, {"names": [], "locators": []})
                entry["names"].append(series.name)
                if series.locator not in entry["locators"]:
                    entry["locators"].append(series.locator)
        every = len(grouped) == 1
        return [
            {"names": [] if every else e["names"], "source": self.ctx.ds.sources[sid], "href": links.source(sid),
             "locator": "; ".join(e["locators"])}
            for sid, e in grouped.items()
        ]

    def figure(self, figure_id: str, page_url: str) -> str:
        ctx = self.ctx
        fig = ctx.ds.figure(figure_id)
        if fig is None:
            raise UnknownId(f"figure '{figure_id}' does not exist")
        links = ctx.links(page_url)
        xs = list(dict.fromkeys(str(p.x) for s in fig.series for p in s.points))
        columns = [{str(p.x): _number(p.y) for p in s.points} for s in fig.series]
        claims = [{"title": c.title, "href": links.claim(c.id)} for c in map(ctx.ds.claim, fig.claims) if c]
        svg = chart_svg(fig, f"fig-{fig.id}-title", f"fig-{fig.id}-desc")
        return ctx.render("figure.html", figure=fig, svg=svg, xs=xs, columns=columns,
                          sources=self._sources(fig, links), claims=claims)

    def all_figures(self, page_url: str) -> str:
        return "\n\n".join(self.figure(f.id, page_url) for f in self.ctx.ds.figures)
