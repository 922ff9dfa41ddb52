"""The pages an explainer has beyond its hand-written docs, and checks on what the pages showed.

Generated pages are described as plain data (path, Markdown or HTML, whether the nav lists them), so
any site generator's adapter can add them; nothing here knows about MkDocs.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from explainer.dataset import Dataset
from explainer.problems import Problem


@dataclass(frozen=True)
class GeneratedPage:
    path: str          # docs-relative source path, e.g. "claims/<id>.md" or "claims/<alias>/index.html"
    content: str       # Markdown (calls macros) for .md, finished HTML otherwise
    in_nav: bool = False


def _json_string(text: str) -> str:
    import json

    return json.dumps(text).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def redirect_html(target: str, title: str) -> str:
    """A page that sends readers (and search engines) from a claim's former id to its current page."""
    t = html.escape(target, quote=True)
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>Moved: {html.escape(title)}</title>"
        f"<link rel=\"canonical\" href=\"{t}\"><meta name=\"robots\" content=\"noindex\">"
        f"<meta http-equiv=\"refresh\" content=\"0; url={t}\">"
        f"<script>location.replace({_json_string(target)}+location.hash)</script>"
        f"</head><body><p>This claim has moved to <a href=\"{t}\">{html.escape(title)}</a>.</p></body></html>\n"
    )


def generated_pages(ds: Dataset, dir_urls: bool = True) -> list[GeneratedPage]:
    """A page per claim, a redirect per former id, the claim explorer, a quiz and a handout per section."""
    # The explorer, quizzes and handouts repeat what the claim pages hold: search indexes each claim once.
    unindexed = "---\nsearch:\n  exclude: true\n---\n\n"
    explorer = "---\ntitle: All claims\nsearch:\n  exclude: true\n---\n\n# All claims\n\n{{ claim_explorer() }}\n"
    pages = [GeneratedPage("claims/index.md", explorer, True)]
    for claim in ds.claims:
        pages.append(GeneratedPage(f"claims/{claim.id}.md", f"{{{{ claim_page('{claim.id}') }}}}\n"))
        for alias in claim.aliases:
            if dir_urls:
                path, target = f"claims/{alias}/index.html", f"../{claim.id}/"
            else:
                path, target = f"claims/{alias}.html", f"{claim.id}.html"
            pages.append(GeneratedPage(path, redirect_html(target, claim.title)))
    for section in ds.sections:
        pages.append(GeneratedPage(f"quiz/{section.id}.md", unindexed + f"{{{{ quiz('{section.id}') }}}}\n"))
        pages.append(GeneratedPage(f"handouts/{section.id}.md", unindexed + f"{{{{ handout('{section.id}') }}}}\n"))
    return pages


def unrendered_claims(ds: Dataset, rendered: set[str]) -> list[Problem]:
    """Claims that no section page showed: each must appear on its section's page."""
    return [
        Problem(c.path, c.line, f"claim '{c.id}'", "is not shown on any section page", "not-rendered")
        for c in ds.claims if c.id not in rendered
    ]


def macro_call_line(page_text: str, macro: str, first_arg: str | None) -> int:
    """The 1-based line of a page that calls ``macro`` (with ``first_arg``), for a problem's location."""
    needle = re.escape(first_arg) if first_arg else ""
    pattern = re.compile(rf"\b{re.escape(macro)}\s*\(\s*['\"]?{needle}")
    for number, line in enumerate(page_text.splitlines(), 1):
        if pattern.search(line):
            return number
    return 1
