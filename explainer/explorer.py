"""The claim explorer at /claims/: every claim in one list, filterable, with the filters in the URL."""

from __future__ import annotations

from explainer import scale
from explainer.context import RenderContext


class Explorer:
    def __init__(self, ctx: RenderContext):
        self.ctx = ctx

    def _filters(self) -> list[dict]:
        """Each filter with its options, in the order readers meet them (value, label)."""
        ds = self.ctx.ds
        used = {
            "section": {c.section for c in ds.claims}, "verdict": {c.verdict for c in ds.claims},
            "leader": {c.leader for c in ds.claims}, "kind": {c.kind for c in ds.claims},
        }
        tags = sorted({t for c in ds.claims for t in c.tags})
        filters = [
            {"name": "section", "label": "Part of the article", "options": [(s.id, s.title) for s in ds.sections if s.id in used["section"]]},
            {"name": "verdict", "label": "Verdict", "options": [(v, scale.VERDICTS[v][0]) for v in scale.VERDICTS if v in used["verdict"]]},
            {"name": "leader", "label": "Who leads", "options": [(v, scale.LEADERS[v]) for v in scale.LEADERS if v in used["leader"]]},
            {"name": "kind", "label": "Kind of claim", "options": [(v, scale.KINDS[v]) for v in scale.KINDS if v in used["kind"]]},
            {"name": "tag", "label": "Topic", "options": [(t, t.replace("-", " ")) for t in tags]},
        ]
        if ds.domains:
            filters.append({"name": "domain", "label": "Domain of the race", "options": [(d.id, d.title) for d in ds.domains]})
        return filters

    def claim_explorer(self, page_url: str) -> str:
        ctx = self.ctx
        links = ctx.links(page_url)
        domains_of: dict[str, list[str]] = {}
        for d in ctx.ds.domains:
            for cid in d.claims:
                claim = ctx.ds.claim(cid)
                if claim:
                    domains_of.setdefault(claim.id, []).append(d.id)
        items = [
            {"claim": c, "section": ctx.ds.section(c.section), "verdict": ctx.verdict(c.verdict),
             "leader": scale.LEADERS[c.leader], "kind": scale.KINDS[c.kind], "href": links.claim(c.id),
             "domains": domains_of.get(c.id, [])}
            for c in ctx.ds.claims
        ]
        return ctx.slot(ctx.render("explorer.html", items=items, filters=self._filters()).strip()) + "\n"
