"""Exports other programs read (a contract: keep these paths and keys).

claims.json, sources.json, domains.json, the matching CSV files, bibliography.bib (BibTeX) and
bibliography.json (CSL-JSON).
Pure functions of the dataset; the CLI and the site build call the same code.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from explainer.cite import bibtex, csl_item
from explainer.dataset import Dataset, claim_source_ids
from explainer.markup import plain_text

FILES = {
    "json": ("claims.json", "sources.json", "domains.json"),
    "csv": ("claims.csv", "sources.csv", "domains.csv"),
    "bibtex": ("bibliography.bib",),
    "csl": ("bibliography.json",),
}

CLAIM_FIELDS = ["id", "title", "section", "kind", "verdict", "leader", "conclusion", "as_of", "reviewed", "url", "sources"]
SOURCE_FIELDS = ["id", "title", "publisher", "date", "url", "type", "cited_by"]
DOMAIN_FIELDS = ["id", "title", "metric", "leader", "leader_at_publication", "trend", "summary", "as_of", "claims", "figures"]


def claim_records(ds: Dataset, base_url: str = "/") -> list[dict]:
    base = base_url if base_url.endswith("/") else base_url + "/"
    return [
        {
            "id": c.id,
            "title": c.title,
            "section": c.section,
            "kind": c.kind,
            "verdict": c.verdict,
            "leader": c.leader,
            "conclusion": plain_text(c.conclusion),
            "as_of": c.as_of,
            "reviewed": c.reviewed,
            "url": f"{base}claims/{c.id}/",
            "sources": claim_source_ids(c),
        }
        for c in ds.claims
    ]


def source_records(ds: Dataset) -> list[dict]:
    cited = ds.cited_by()
    return [
        {
            "id": s.id,
            "title": s.title,
            "publisher": s.publisher,
            "date": s.date,
            "url": s.url,
            "type": s.type,
            "cited_by": cited.get(s.id, []),
        }
        for s in ds.sources.values()
    ]


def domain_records(ds: Dataset) -> list[dict]:
    """The lead map: per domain, who leads now and who led at publication (claims by current id)."""
    return [
        {
            "id": d.id,
            "title": d.title,
            "metric": d.metric,
            "leader": d.leader,
            "leader_at_publication": d.leader_at_publication,
            "trend": d.trend,
            "summary": plain_text(d.summary),
            "as_of": d.as_of,
            "claims": [ds.claim(cid).id for cid in d.claims if ds.claim(cid)],
            "figures": list(d.figures),
        }
        for d in ds.domains
    ]


def _json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _csv(rows: list[dict], fields: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()})
    return buffer.getvalue()


def render_exports(ds: Dataset, formats: list[str] | None = None, base_url: str = "/") -> dict[str, str]:
    """File name -> file text."""
    formats = formats or list(FILES)
    out: dict[str, str] = {}
    claims = claim_records(ds, base_url)
    sources = source_records(ds)
    domains = domain_records(ds)
    if "json" in formats:
        out["claims.json"] = _json({"claims": claims})
        out["sources.json"] = _json({"sources": sources})
        out["domains.json"] = _json({"domains": domains})
    if "csv" in formats:
        out["claims.csv"] = _csv(claims, CLAIM_FIELDS)
        out["sources.csv"] = _csv(sources, SOURCE_FIELDS)
        out["domains.csv"] = _csv(domains, DOMAIN_FIELDS)
    if "bibtex" in formats:
        out["bibliography.bib"] = bibtex(list(ds.sources.values()))
    if "csl" in formats:
        out["bibliography.json"] = _json_list([csl_item(s) for s in ds.sources.values()])
    return out


def _json_list(items: list) -> str:
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def write_exports(ds: Dataset, out_dir: str | Path, formats: list[str] | None = None, base_url: str = "/") -> list[Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_exports(ds, formats, base_url).items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
