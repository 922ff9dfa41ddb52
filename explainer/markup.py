"""Markdown from data -> safe HTML.

Text from ``data/`` is rendered with Python-Markdown and then sanitised with nh3 (ammonia) against an
allowlist: no ``<script>``, no event-handler attributes, no ``javascript:`` or ``data:`` URLs, and
``rel="noopener noreferrer"`` on every link. Citations (``[@id]``) are swapped for placeholders
before sanitising and for our own escaped markup afterwards, so no data text reaches the page raw.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import lru_cache

import markdown as _markdown
import nh3

from explainer.citations import replace_citations

ALLOWED_TAGS = {
    "p", "a", "em", "strong", "code", "ul", "ol", "li", "blockquote", "br", "sup", "sub",
    "span", "abbr", "table", "thead", "tbody", "tr", "th", "td", "h4", "h5", "h6", "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto"}

_MD = _markdown.Markdown(extensions=["sane_lists"], output_format="html")
_ABBR_CACHE: dict[tuple, _markdown.Markdown] = {}


def _abbr_markdown(glossary: tuple[tuple[str, str], ...]) -> _markdown.Markdown:
    """A Markdown instance with the abbr extension preloaded with ``glossary`` (built once per glossary)."""
    md = _ABBR_CACHE.get(glossary)
    if md is None:
        from markdown.extensions.abbr import AbbrExtension

        md = _markdown.Markdown(extensions=["sane_lists", AbbrExtension(glossary=dict(glossary))], output_format="html")
        _ABBR_CACHE.clear()
        _ABBR_CACHE[glossary] = md
    return md
_TOKEN = "AXCITE{}X"
_TOKEN_RE = re.compile(r"AXCITE(\d+)X")


def sanitise(fragment: str) -> str:
    """Clean an HTML fragment against the allowlist."""
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def render_markdown(
    text: str,
    cite: Callable[[list[str]], str] | None = None,
    inline: bool = False,
    glossary: tuple[tuple[str, str], ...] = (),
) -> str:
    """Markdown -> sanitised HTML; ``cite(ids)`` returns trusted HTML for each citation group.

    ``glossary`` ((term, definition) pairs, as ``Renderer.glossary_items()`` gives them) wraps glossary
    terms in ``<abbr title>`` (Markdown's abbr extension).
    """
    out, groups = _converted(text or "", bool(cite), inline, glossary)
    if cite:
        out = _TOKEN_RE.sub(lambda m: cite(list(groups[int(m.group(1))])), out)
    return out


@lru_cache(maxsize=4096)
def _converted(text: str, with_cites: bool, inline: bool, glossary: tuple) -> tuple[str, tuple]:
    """Markdown -> sanitised HTML with citation placeholders; cached, since every claim is rendered
    twice per build (on its section page and on its own page) and only the citation links differ."""
    groups: list[tuple[str, ...]] = []

    def hold(ids: list[str]) -> str:
        groups.append(tuple(ids))
        return _TOKEN.format(len(groups) - 1)

    body = replace_citations(text, hold) if with_cites else text
    md = _abbr_markdown(glossary) if glossary else _MD
    md.reset()
    out = sanitise(md.convert(body))
    if inline:
        out = re.sub(r"^<p>(.*)</p>$", r"\1", out.strip(), flags=re.S)
    return out, tuple(groups)


def plain_text(text: str) -> str:
    """Citations removed and Markdown flattened to text (for meta tags, exports and tooltips)."""
    without = replace_citations(text or "", lambda ids: "")
    _MD.reset()
    rendered = _MD.convert(without)
    stripped = nh3.clean(rendered, tags=set())
    return re.sub(r"\s+", " ", html.unescape(stripped)).strip()


def markdown_escape(text: str) -> str:
    """Text made safe to place in a Markdown heading or paragraph: no markup, no raw HTML."""
    escaped = html.escape(text, quote=False)
    return re.sub(r"([\\`*_{}\[\]()#+!|~^])", r"\\\1", escaped)


_ABBR_RE = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.S)


def first_abbreviations_only(fragment: str) -> str:
    """Keep the ``<abbr>`` on a term's first appearance in ``fragment``; later ones become plain text."""
    seen: set[str] = set()

    def keep(match: re.Match) -> str:
        term = match.group(2)
        if term in seen:
            return term
        seen.add(term)
        return match.group(0)

    return _ABBR_RE.sub(keep, fragment)
