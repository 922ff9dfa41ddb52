"""Helpers every check uses: a problem at a record's field, a "did you mean" hint, duplicate ids."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from explainer.model import Record
from explainer.problems import Problem


def located(record: Record, loc: tuple, subject: str, message: str, code: str, severity: str = "error") -> Problem:
    return Problem(record.path, record.line_of(*loc), subject, message, code, severity)


def suggest(name: str, choices: Iterable[str]) -> str:
    hint = difflib.get_close_matches(name, list(choices), n=1)
    return f" (did you mean '{hint[0]}'?)" if hint else ""


def duplicates(records: Iterable[Record], noun: str, where: str) -> Iterator[Problem]:
    first: dict[str, Record] = {}
    for record in records:
        ident = getattr(record, "id")
        if ident in first:
            seen = first[ident]
            yield located(
                record, ("id",), f"{noun} '{ident}'",
                f"is defined twice (first at {seen.path}:{seen.line})", "duplicate-id",
            )
        else:
            first[ident] = record
