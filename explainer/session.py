"""One build's state: the dataset loaded and checked once, a renderer, and problems found on pages.

A site generator adapter (``macros/``) starts a session per build and reads it from every hook
and macro, so data is loaded, checked and templates compiled once per build, not once per page.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from explainer.dataset import Dataset
from explainer.load import load_cached
from explainer.problems import Problem
from explainer.render import Renderer


def build_date(project_dir: str | Path | None = None) -> dt.date:
    """The date the build reflects: SOURCE_DATE_EPOCH, else the last commit's date, else today.

    Reproducible builds set SOURCE_DATE_EPOCH; nothing in the output reads the wall clock.
    """
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
    return dt.date.today()


@dataclass
class Session:
    data_dir: Path
    dataset: Dataset
    problems: list[Problem]
    renderer: Renderer
    today: dt.date
    page_problems: list[Problem] = field(default_factory=list)


_current: Session | None = None


def start(
    data_dir: str | Path,
    templates_dir: str | Path,
    *,
    site_name: str,
    dir_urls: bool = True,
    edit_url: str | None = None,
    today: dt.date | None = None,
) -> Session:
    global _current
    data_dir = Path(data_dir)
    day = today or build_date(data_dir.parent)
    dataset, problems = load_cached(data_dir)
    renderer = Renderer(dataset, templates_dir, today=day, site_name=site_name, dir_urls=dir_urls, edit_url=edit_url)
    _current = Session(data_dir, dataset, problems, renderer, day)
    return _current


def current() -> Session:
    if _current is None:
        raise RuntimeError("no build session has been started")
    return _current
