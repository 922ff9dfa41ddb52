"""Records -> Markdown/HTML fragments: one renderer per job, sharing one context per build.

``Renderer`` only assembles them; the adapter's macros call ``renderer.cards``, ``renderer.overview``,
``renderer.classroom``, ``renderer.explorer``, ``renderer.reference`` and ``renderer.charts``. Templates are
compiled once (autoescaped); data Markdown is sanitised by ``markup``; every link is relative to the page
that shows it, so the site also works opened from disk.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from explainer.cards import Cards
from explainer.chartblock import ChartBlocks
from explainer.citations import cited_ids
from explainer.classroom import Classroom
from explainer.context import RenderContext
from explainer.dataset import Dataset
from explainer.explorer import Explorer
from explainer.overview import Overview
from explainer.reference import Reference
from explainer.siteinfo import SiteInfo


class Renderer:
    def __init__(
        self, dataset: Dataset, templates_dir: str | Path | None = None, *, today: dt.date, site: SiteInfo,
        dir_urls: bool = True, edit_url: str | None = None,
    ):
        self.ctx = RenderContext(dataset, templates_dir, today=today, site=site, dir_urls=dir_urls, edit_url=edit_url)
        self.cards = Cards(self.ctx)
        self.overview = Overview(self.ctx, self._lead_map_citer)
        self.classroom = Classroom(self.ctx)
        self.explorer = Explorer(self.ctx)
        self.reference = Reference(self.ctx)
        self.charts = ChartBlocks(self.ctx)

    def _lead_map_citer(self, page_url: str):
        """Citations in the lead map, numbered in order of first appearance across the domains."""
        ids = list(dict.fromkeys(sid for d in self.ctx.ds.domains for sid in cited_ids(d.summary) if sid in self.ctx.ds.sources))
        return self.cards.citer({sid: i + 1 for i, sid in enumerate(ids)}, self.ctx.links(page_url), "leadmap")

    # what the adapter needs from the build as a whole
    @property
    def site(self) -> SiteInfo:
        return self.ctx.site

    @property
    def rendered(self) -> set[str]:
        return self.ctx.rendered

    def glossary(self) -> dict[str, str]:
        return self.ctx.glossary()

    def fill_slots(self, page_html: str) -> str:
        return self.ctx.fill_slots(page_html)

    def edit_link(self, path: str, line: int) -> str | None:
        return self.ctx.edit_link(path, line)

    def claim_description(self, claim_id: str) -> str:
        return self.cards.claim_description(claim_id)
