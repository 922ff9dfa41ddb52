"""Problem records: the one place where messages get their shape.

Every problem reads ``path:line: subject: message [code]``. Warnings add `` (warning)``.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    subject: str
    message: str
    code: str
    severity: str = field(default=ERROR)

    def format(self) -> str:
        where = f"{self.path}:{self.line}"
        head = f"{where}: {self.subject}: " if self.subject else f"{where}: "
        tail = " (warning)" if self.severity == WARNING else ""
        return f"{head}{self.message} [{self.code}]{tail}"

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def display_path(path: str | os.PathLike) -> str:
    """A path as the maintainer typed it: relative to the working directory when inside it."""
    path = os.fspath(path)
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if rel.startswith("..") else rel


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Stable, reader-friendly order: by file, then line, then code."""
    return sorted(problems, key=lambda p: (p.path, p.line, p.code, p.subject, p.message))


def has_errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def summary(problems: list[Problem]) -> str:
    """``2 errors and 1 warning.``: the last line of a report, on the same stream as the problems."""
    errors = sum(p.is_error for p in problems)
    return f"{_count(errors, 'error')} and {_count(len(problems) - errors, 'warning')}."


def report(problems: list[Problem], stream) -> None:
    """Every problem in file and line order, then the summary; nothing at all when there are none."""
    for problem in problems:
        print(problem.format(), file=stream)
    if problems:
        print(summary(problems), file=stream)
