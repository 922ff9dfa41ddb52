"""Claims and sources due for review: ``reviewed`` / ``accessed`` older than N days, oldest first."""

from __future__ import annotations

import datetime as dt
import os

from explainer.dataset import Dataset
from explainer.problems import WARNING, Problem


def _today() -> dt.date:
    override = os.environ.get("EXPLAINER_TODAY")
    return dt.date.fromisoformat(override) if override else dt.date.today()


def find_stale(ds: Dataset, days: int = 365, today: dt.date | None = None) -> list[Problem]:
    today = today or _today()
    found: list[tuple[dt.date, Problem]] = []
    for claim in ds.claims:
        when = dt.date.fromisoformat(claim.reviewed)
        age = (today - when).days
        if age > days:
            found.append((when, Problem(
                claim.path, claim.line_of("reviewed"), f"claim '{claim.id}'",
                f"last reviewed {claim.reviewed}, {age} days ago (limit {days})", "stale-claim", WARNING,
            )))
    for source in ds.sources.values():
        when = dt.date.fromisoformat(source.accessed)
        age = (today - when).days
        if age > days:
            found.append((when, Problem(
                source.path, source.line_of("accessed"), f"source '{source.id}'",
                f"last accessed {source.accessed}, {age} days ago (limit {days})", "stale-source", WARNING,
            )))
    found.sort(key=lambda pair: (pair[0], pair[1].path, pair[1].line))
    return [p for _, p in found]
