"""One clock: real data is judged by the real date, and a record dated today is never "in the future"."""

from __future__ import annotations

import datetime as dt
import os
import shutil

from conftest import PROJECT, write_tree
from explainer import clock
from explainer.load import load_and_check


def test_no_test_inherits_a_pinned_day():
    assert "EXPLAINER_TODAY" not in os.environ
    assert clock.today() == dt.date.today()


def test_the_future_bound_is_the_latest_calendar_day_on_earth():
    ahead = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=14)).date()
    assert clock.latest_today() == max(dt.date.today(), ahead)
    assert clock.as_date(None) == clock.latest_today()


def test_a_synthetic_record_dated_today_is_not_in_the_future(tmp_path):
    day = clock.latest_today().isoformat()
    data = write_tree(tmp_path)
    claims = data / "claims" / "alpha.yml"
    text = claims.read_text().replace("as_of: 2026-11-01", f"as_of: {day}").replace("reviewed: 2026-11-02", f"reviewed: {day}")
    claims.write_text(text)
    _, problems = load_and_check(data)
    assert [p.format() for p in problems] == []


def test_tomorrow_beyond_every_time_zone_is_in_the_future(tmp_path):
    day = (clock.latest_today() + dt.timedelta(days=1)).isoformat()
    data = write_tree(tmp_path)
    claims = data / "claims" / "alpha.yml"
    claims.write_text(claims.read_text().replace("reviewed: 2026-11-02", f"reviewed: {day}"))
    _, problems = load_and_check(data)
    assert [(p.code, p.message) for p in problems] == [
        ("future-date", f"reviewed {day} is in the future (today is {dt.date.today()})")
    ]


def test_real_data_edited_today_checks_clean(tmp_path):
    """The maintainer's case: real data with one claim re-reviewed today passes the real-data checks."""
    shutil.copytree(PROJECT / "data", tmp_path / "data")
    path = tmp_path / "data" / "claims" / "leads.yml"
    text = path.read_text(encoding="utf-8")
    first = text.index("    reviewed: ")
    end = text.index("\n", first)
    path.write_text(text[:first] + f"    reviewed: {dt.date.today().isoformat()}" + text[end:], encoding="utf-8")
    _, problems = load_and_check(tmp_path / "data")
    assert [p.format() for p in problems if p.is_error] == []


def test_pinning_is_for_synthetic_fixtures(tree, fixed_today):
    assert clock.today().isoformat() == fixed_today
