"""Claims and sources due for review: ``reviewed`` / ``accessed`` older than N days, oldest first."""

from __future__ import annotations

import datetime as dt

from explainer import clock
from explainer.dataset import Dataset
from explainer.problems import WARNING, Problem


def find_stale(ds: Dataset, days: int = 365, today: dt.date | None = None) -> list[Problem]:
    today = today or clock.today()
    found: list[tuple[dt.date, Problem]] = []
    items = [(c, "claim", "reviewed", c.reviewed) for c in ds.claims]
    items += [(s, "source", "accessed", s.accessed) for s in ds.sources.values()]
    for record, noun, field, value in items:
        when = dt.date.fromisoformat(value)
        age = (today - when).days
        if age > days:
            found.append((when, Problem(
                record.path, record.line_of(field), f"{noun} '{record.id}'",
                f"last {field} {value}, {age} days ago (limit {days})", f"stale-{noun}", WARNING,
            )))
    found.sort(key=lambda pair: (pair[0], pair[1].path, pair[1].line))
    return [p for _, p in found]
