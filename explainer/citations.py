"""Inline citations in Markdown: ``[@source-id]`` or ``[@a; @b]`` (Pandoc's form)."""

from __future__ import annotations

import functools
import re

CITE_RE = re.compile(r"\[(@[^\[\]\n]+?)\]")
_KEY_RE = re.compile(r"@([A-Za-z0-9_-]+)")


def cited_ids(markdown: str) -> list[str]:
    """Source ids cited in ``markdown``, in order of first appearance, without repeats."""
    return list(_cited(markdown or ""))


@functools.lru_cache(maxsize=65536)
def _cited(markdown: str) -> tuple[str, ...]:
    if "[@" not in markdown:
        return ()
    seen: dict[str, None] = {}
    for match in CITE_RE.finditer(markdown):
        for key in _KEY_RE.findall(match.group(1)):
            seen.setdefault(key, None)
    return tuple(seen)


def replace_citations(markdown: str, render) -> str:
    """Replace each ``[@a; @b]`` group with ``render([ids])``."""

    def sub(match: re.Match) -> str:
        return render(_KEY_RE.findall(match.group(1)))

    return CITE_RE.sub(sub, markdown or "")
