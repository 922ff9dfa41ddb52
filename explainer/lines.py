"""Where things are in a data file: the line of a field in a parsed tree, or of a word in a text field."""

from __future__ import annotations

import re
from typing import Any

from explainer.yamlfile import LineDict, LineList


def line_at(data: Any, loc: tuple, default: int = 1) -> int:
    """The line of the deepest element of ``loc`` found in ``data`` (a LineDict/LineList tree)."""
    line = getattr(data, "line", default) or default
    current = data
    for step in loc:
        if isinstance(current, LineDict) and step in current:
            line = current.key_lines.get(step, line)
            current = current[step]
        elif isinstance(current, LineList) and isinstance(step, int) and 0 <= step < len(current):
            line = current.item_lines[step]
            current = current[step]
        else:
            break
    return line


def line_in_file(path: str, start: int, needle: str) -> int:
    """The first line at or after ``start`` holding ``needle`` as a whole token; ``start`` if none.

    Used on error paths only (the line of a bad citation inside a multi-line text field).
    """
    pattern = re.compile(re.escape(needle) + r"(?![A-Za-z0-9_-])")
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                if number >= start and pattern.search(line):
                    return number
    except OSError:
        pass
    return start
