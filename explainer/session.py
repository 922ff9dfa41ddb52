"""One build's state: the dataset loaded and checked once, a renderer, and problems found on pages.

A site generator adapter (``macros/``) starts a session per build and reads it from every hook
and macro, so data is loaded, checked and templates compiled once per build, not once per page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from explainer.clock import build_date
from explainer.dataset import Dataset
from explainer.load import load_and_check
from explainer.problems import Problem
from explainer.render import Renderer
from explainer.siteinfo import SiteInfo


@dataclass
class Session:
    dataset: Dataset
    problems: list[Problem]
    renderer: Renderer
    today: dt.date
    page_problems: list[Problem] = field(default_factory=list)


_current: Session | None = None


def start(
    data_dir: str | Path,
    templates_dir: str | Path | None,
    *,
    site: SiteInfo,
    dir_urls: bool = True,
    edit_url: str | None = None,
    today: dt.date | None = None,
) -> Session:
    global _current
    data_dir = Path(data_dir)
    day = today or build_date(data_dir.parent)
    dataset, problems = load_and_check(data_dir)
    renderer = Renderer(dataset, templates_dir, today=day, site=site, dir_urls=dir_urls, edit_url=edit_url)
    _current = Session(dataset, problems, renderer, day)
    return _current


def current() -> Session:
    if _current is None:
        raise RuntimeError("no build session has been started")
    return _current
