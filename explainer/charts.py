"""Charts drawn at build time by matplotlib into static inline SVG (no JavaScript, no CDN).

Text and axes are drawn in a placeholder colour that becomes ``currentColor``, so a chart follows
the page's text colour in light and dark palettes. Output is deterministic (fixed hash salt, no
creation date), so two builds give identical bytes.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import rcParams  # noqa: E402

from explainer.model import Figure  # noqa: E402

INK = "#010203"  # placeholder for currentColor
# Mid-tone colours with at least 3:1 contrast against both white and Material's slate background.
PALETTE = ["#c2185b", "#1e88e5", "#8e6c00", "#00897b", "#7e57c2"]

rcParams.update({
    "svg.fonttype": "none",
    "svg.hashsalt": "ax-charts",
    "font.family": "sans-serif",
    "font.size": 11,
    "text.color": INK,
    "axes.labelcolor": INK,
    "axes.edgecolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.facecolor": "none",
    "axes.facecolor": "none",
    "savefig.transparent": True,
})


def _draw(figure: Figure) -> str:
    xs = [str(p.x) for p in figure.series[0].points]
    fig, ax = plt.subplots(figsize=(6.4, 3.4))
    try:
        if figure.kind == "bar" and len(xs) == 1:
            # One x value (a single year): the series are the categories, drawn as horizontal bars so
            # that long category names sit one per line and can never overlap.
            names = [s.name for s in figure.series]
            fig.set_size_inches(6.4, max(2.2, 0.55 * len(names) + 1.2))
            ax.barh(range(len(names)), [s.points[0].y for s in figure.series], height=0.6,
                    color=[PALETTE[i % len(PALETTE)] for i in range(len(names))])
            ax.set_yticks(range(len(names)), names)
            ax.invert_yaxis()  # first series on top, as in the data table
            ax.set_ylabel(f"{figure.x_label}: {xs[0]}")
            ax.set_xlabel(figure.y_label)
            ax.grid(axis="x", alpha=0.25, color=INK)
            fig.tight_layout()
            buffer = io.StringIO()
            fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
            return buffer.getvalue()
        if figure.kind == "bar":
            width = 0.8 / len(figure.series)
            for i, series in enumerate(figure.series):
                values = {str(p.x): p.y for p in series.points}
                positions = [j + (i - (len(figure.series) - 1) / 2) * width for j in range(len(xs))]
                ax.bar(positions, [values.get(x, 0) for x in xs], width=width, label=series.name,
                       color=PALETTE[i % len(PALETTE)])
            ax.set_xticks(range(len(xs)), xs)
        else:
            for i, series in enumerate(figure.series):
                ax.plot([str(p.x) for p in series.points], [p.y for p in series.points], marker="o",
                        label=series.name, color=PALETTE[i % len(PALETTE)], linewidth=2)
        ax.set_xlabel(figure.x_label)
        ax.set_ylabel(figure.y_label)
        if len(figure.series) > 1:
            ax.legend(frameon=False, labelcolor=INK)
        ax.grid(axis="y", alpha=0.25, color=INK)
        fig.tight_layout()
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    finally:
        plt.close(fig)
    return buffer.getvalue()


@lru_cache(maxsize=256)
def _svg_cached(figure_json: str) -> str:
    return _draw(Figure.model_validate_json(figure_json))


def chart_svg(figure: Figure, title_id: str, desc_id: str) -> str:
    """The chart as an inline <svg> element with role="img", a <title> and a <desc>."""
    from html import escape

    svg = _svg_cached(figure.model_dump_json())
    svg = svg[svg.index("<svg"):]  # drop the XML declaration and doctype
    svg = svg.replace(INK, "currentColor")
    svg = re.sub(r'\s(width|height)="[^"]*pt"', "", svg, count=2)
    head_end = svg.index(">") + 1
    opening = svg[:head_end].replace(
        "<svg", f'<svg role="img" aria-labelledby="{title_id} {desc_id}" class="ax-chart__svg"', 1
    )
    accessible = f"<title id=\"{title_id}\">{escape(figure.title)}</title><desc id=\"{desc_id}\">{escape(figure.description)}</desc>"
    body = re.sub(r"<metadata>.*?</metadata>", "", svg[head_end:], flags=re.S)
    # matplotlib's <style>*{...}</style> would style the whole page when inlined: use attributes instead.
    body = re.sub(r"<defs>\s*<style[^>]*>.*?</style>\s*</defs>|<style[^>]*>.*?</style>", "", body, flags=re.S)
    opening = opening.replace("<svg ", '<svg stroke-linejoin="round" stroke-linecap="butt" ', 1)
    body = re.sub(r"\n\s*", "\n", body)
    return opening + accessible + body.strip()
