"""The one clock: what "today" means for checks and new records, and the date a build reflects.

- ``today()`` is the maintainer's calendar day: what ``explainer new`` writes into ``as_of``.
- ``latest_today()`` is the calendar day somewhere on Earth right now (UTC+14, the last time zone to
  reach a date is the first to leave it): a record dated "today" in any time zone is never in the future.
- ``build_date()`` is the date a build reflects (SOURCE_DATE_EPOCH, else the last commit), so that two
  builds of one commit are byte-identical; rendering reads it, never the wall clock.

``EXPLAINER_TODAY`` (YYYY-MM-DD) pins today for synthetic test fixtures only.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

PIN = "EXPLAINER_TODAY"
_AHEAD_OF_UTC = dt.timedelta(hours=14)


def _pinned() -> dt.date | None:
    value = os.environ.get(PIN)
    return dt.date.fromisoformat(value) if value else None


def today() -> dt.date:
    return _pinned() or dt.date.today()


def latest_today() -> dt.date:
    pinned = _pinned()
    if pinned:
        return pinned
    return max(dt.date.today(), (dt.datetime.now(dt.timezone.utc) + _AHEAD_OF_UTC).date())


def as_date(value: dt.date | str | None) -> dt.date:
    """A date given as a date or ISO text; None means ``latest_today()`` (the bound for "future")."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    return latest_today()


def build_date(project_dir: str | Path | None = None) -> dt.date:
    """The date the build reflects: SOURCE_DATE_EPOCH, else the last commit's date, else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=project_dir or ".", capture_output=True,
            text=True, timeout=5, check=False,
        ).stdout.strip()
        if out.isdigit():
            return dt.datetime.fromtimestamp(int(out), tz=dt.timezone.utc).date()
    except (OSError, subprocess.SubprocessError):
        pass
    return today()
