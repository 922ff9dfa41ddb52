"""Checks that every source comes from a registered, trustworthy publisher (data/publishers.yml)."""

from __future__ import annotations

from collections.abc import Iterator

from explainer.dataset import Dataset
from explainer.model import Record
from explainer.problems import Problem
from explainer.registry import host_of
from explainer.rules import duplicates, located


def check_publishers(ds: Dataset) -> Iterator[Problem]:
    """Every source's host maps to a registered publisher, none unreliable, none the outlet under review."""
    yield from duplicates(ds.publishers, "publisher", "publishers")
    owner: dict[str, Record] = {}
    for publisher in ds.publishers:
        for i, domain in enumerate(publisher.domains):
            first = owner.setdefault(domain.lower(), publisher)
            if first is not publisher:
                yield located(
                    publisher, ("domains", i), f"publisher '{publisher.id}'",
                    f"domain '{domain}' is already registered to publisher '{first.id}'", "duplicate-domain",
                )
    if ds.unloaded.path_under("publishers.yml", whole=True):
        return  # reported once, where the file failed
    article_host = host_of(ds.article.url) if ds.article else None
    for source in ds.all_sources:
        yield from _source_publisher(ds, source, article_host)


def _source_publisher(ds: Dataset, source: Record, article_host: str | None) -> Iterator[Problem]:
    subject, host = f"source '{source.id}'", host_of(source.url)
    publisher = ds.registry.for_host(host)
    if article_host and (host == article_host or host.endswith("." + article_host)):
        yield located(
            source, ("url",), subject,
            f"is from {host}, the outlet of the article under review; cite the producer of the fact instead",
            "outlet-under-review",
        )
    elif publisher is None:
        if not _domain_unloaded(ds, host):
            yield located(
                source, ("url",), subject,
                f"host '{host}' is not in data/publishers.yml; add its publisher with a kind, a rating and a note",
                "unregistered-publisher",
            )
    elif publisher.rating == "unreliable":
        yield located(
            source, ("url",), subject,
            f"publisher '{publisher.id}' is rated unreliable ({publisher.note.rstrip('.')}); "
            "cite the producer of the fact or an outlet of record instead",
            "unreliable-publisher",
        )


def _domain_unloaded(ds: Dataset, host: str) -> bool:
    """Whether the host belongs to a publisher record that failed to load (reported there)."""
    parts = host.split(".")
    candidates = ["*"] + [".".join(parts[i:]) for i in range(len(parts))]
    return any(ds.unloaded.has("domain", name) for name in candidates)


def check_firm_support(ds: Dataset) -> Iterator[Problem]:
    """A factual verdict rests on at least one evidence source from a publisher rated reliable."""
    if ds.unloaded.any("publisher") or ds.unloaded.any("source"):
        return  # judged once the registry and the sources load
    for claim in ds.claims:
        if claim.verdict == "opinion":
            continue
        found = [ds.sources[e.source] for e in claim.evidence if e.source in ds.sources]
        ratings = {getattr(ds.publisher_of(s), "rating", None) for s in found}
        if found and "reliable" not in ratings and None not in ratings:
            yield located(
                claim, ("evidence",), f"claim '{claim.id}'",
                f"verdict '{claim.verdict}' has no evidence from a publisher rated reliable; a use-with-care "
                "source may add context or a second view, never be the only support", "no-reliable-source",
            )
