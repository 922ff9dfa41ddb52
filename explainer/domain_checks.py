"""Checks on the lead map (data/domains.yml): real claims, figures and sources; every claim about a lead placed."""

from __future__ import annotations

from collections.abc import Iterator

from explainer.citations import cited_ids
from explainer.dataset import Dataset
from explainer.problems import Problem
from explainer.rules import duplicates, located, suggest


def check_domains(ds: Dataset) -> Iterator[Problem]:
    """Domains name real claims, figures and sources; every claim about a lead belongs to a domain."""
    if not ds.domains and not ds.unloaded.any("domain"):
        return  # an explainer without a lead map
    claim_ids = {c.id for c in ds.claims} | set(ds.aliases())
    figure_ids = {f.id for f in ds.figures}
    yield from duplicates(ds.domains, "domain", "domains")
    for domain in ds.domains:
        subject = f"domain '{domain.id}'"
        for i, cid in enumerate(domain.claims):
            if cid not in claim_ids and not ds.unloaded.has("claim", cid):
                yield located(domain, ("claims", i), subject, f"claim '{cid}' does not exist{suggest(cid, claim_ids)}", "unknown-claim")
        for i, fid in enumerate(domain.figures):
            if fid not in figure_ids and not ds.unloaded.has("figure", fid):
                yield located(domain, ("figures", i), subject, f"figure '{fid}' does not exist{suggest(fid, figure_ids)}", "unknown-figure")
        for sid in cited_ids(domain.summary):
            if sid not in ds.sources and not ds.unloaded.has("source", sid):
                yield Problem(
                    domain.path, domain.line_of_text(("summary",), f"@{sid}"), subject,
                    f"the summary cites source '{sid}', which is not in data/sources.yml{suggest(sid, ds.sources)}",
                    "unknown-source",
                )
    if ds.unloaded.any("domain"):
        return  # a domain that failed to load may hold the claims below
    placed = {ds.claim(cid).id for d in ds.domains for cid in d.claims if ds.claim(cid)}
    for claim in ds.claims:
        if claim.leader != "n/a" and claim.id not in placed:
            yield located(
                claim, ("leader",), f"claim '{claim.id}'",
                f"is about who leads ({claim.leader}) but belongs to no domain in data/domains.yml; "
                "add it to a domain's claims", "no-domain",
            )
