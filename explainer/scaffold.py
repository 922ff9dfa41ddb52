"""``explainer new``: append a commented skeleton claim or source that fails ``check`` until filled in.

The file is appended to as text (never re-written from parsed data), so comments and layout survive.
"""

from __future__ import annotations

import re
from pathlib import Path

from explainer import clock
from explainer.load import load_dataset
from explainer.model import ID_PATTERN

CLAIM_SKELETON = """\
  - id: {id}
    title: ""          # TODO a short headline, at most 120 characters
    quote: ""          # TODO the article's exact words, one sentence at most
    claim: ""          # TODO the claim restated precisely, in our words
    kind: fact         # fact | forecast | opinion
    verdict: ""        # TODO supported | partly-supported | contested | outdated | unsupported | opinion
    conclusion: ""     # TODO one sentence: what the evidence shows
    metric: ""         # TODO what "leads" is measured by here
    leader: ""         # TODO china | us | contested | neither | n/a
    annotation: ""     # TODO plain-language explanation, Markdown; cite sources as [@source-id]
    evidence:          # at least two distinct sources across evidence, annotation and since
      - source: ""     # TODO a source id from data/sources.yml
        finding: ""    # TODO what the source shows, with the figure
        year: null     # the year the figure refers to
        locator: ""    # TODO page, section, table or chart
        stance: supports   # supports | contradicts | context
    since: []          # developments after publication: {{date, note, sources}}
    as_of: {today}
    reviewed: {today}
    corrections: []
    related: []
    tags: []
"""

SOURCE_SKELETON = """\
  - id: {id}
    title: ""          # TODO exactly as the source gives it
    publisher: ""      # TODO
    authors: []
    date: ""           # TODO YYYY, YYYY-MM or YYYY-MM-DD as the source gives it (delete if it shows none)
    url: ""            # TODO the publisher's own page, seen to show what you cite
    type: ""           # TODO what the document is: government | academic | research | data | company | analysis | news | opinion
    accessed: {today}
    # producer: ""     # who produced the figures, when the page reports someone else's
    # verified_via: "" # the faithful copy where you saw the text, if the producer's own page could not be opened
"""


def _reindent(text: str, existing: str) -> str:
    """Indent the skeleton like the file's own list items (``- id:`` at column 0 or 2, ...)."""
    found = re.search(r"^( *)- id:", existing, flags=re.M)
    indent = len(found.group(1)) if found else 2
    if indent == 2:
        return text
    lines = text.splitlines(keepends=True)
    return "".join((" " * indent + line[2:]) if line.startswith("  ") else line for line in lines)


def _append(path: Path, header: str, text: str) -> int:
    """Append ``text`` under the file's list; return the 1-based line where it starts."""
    existing = path.read_text(encoding="utf-8") if path.exists() else header
    if not existing.endswith("\n"):
        existing += "\n"
    # "claims: []" (an empty flow list) cannot take block items: turn it into a block list.
    existing = re.sub(r"^(claims|sources):\s*\[\]\s*$", r"\1:", existing, flags=re.M)
    text = _reindent(text, existing)
    if not existing.endswith("\n\n") and re.search(r"^ *- id:", existing, flags=re.M):
        existing += "\n"  # a blank line between records, as in the rest of the file
    start = existing.count("\n") + 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(existing + text, encoding="utf-8")
    return start


def _check_id(record_id: str, taken: set[str]) -> None:
    if not re.match(ID_PATTERN, record_id):
        raise ValueError(f"'{record_id}' is not a valid id: use lowercase letters, digits and single hyphens")
    if record_id in taken:
        raise ValueError(f"id '{record_id}' is already used")


def _insert_after(path: Path, start: int, end: int | None, text: str) -> int:
    """Insert ``text`` as a record after the record at line ``start`` (the next record is at ``end``)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    stop = (end - 1) if end else len(lines)
    # Comments and blank lines just above the next record belong to it: insert above them.
    while stop > start and (not lines[stop - 1].strip() or lines[stop - 1].lstrip().startswith("#")):
        stop -= 1
    if lines and not lines[stop - 1].endswith("\n"):
        lines[stop - 1] += "\n"
    text = _reindent(text, "".join(lines))
    block = ["\n"] + text.splitlines(keepends=True)
    path.write_text("".join(lines[:stop] + block + lines[stop:]), encoding="utf-8")
    return stop + 2


def new_claim(data: str | Path, section: str, claim_id: str, after: str | None = None) -> tuple[str, int]:
    """Add a skeleton claim to a section's file: after claim ``after``, or at the end of the file."""
    data = Path(data)
    ds, _ = load_dataset(data)
    sections = {s.id for s in ds.sections}
    if section not in sections:
        raise ValueError(f"section '{section}' is not in data/sections.yml (sections: {', '.join(sorted(sections))})")
    taken = {c.id for c in ds.claims} | set(ds.aliases())
    _check_id(claim_id, taken)
    path = data / "claims" / f"{section}.yml"
    skeleton = CLAIM_SKELETON.format(id=claim_id, today=clock.today().isoformat())
    if after is None:
        header = "# yaml-language-server: $schema=../../schema/claims.schema.json\nclaims:\n"
        return str(path), _append(path, header, skeleton)
    in_file = ds.claims_in(section)
    anchor = next((c for c in in_file if c.id == after), None)
    if anchor is None:
        names = ", ".join(c.id for c in in_file) or "none"
        raise ValueError(f"claim '{after}' is not in data/claims/{section}.yml (its claims: {names})")
    following = [c.line for c in in_file if c.line > anchor.line]
    return str(path), _insert_after(path, anchor.line, min(following, default=None), skeleton)


def new_source(data: str | Path, source_id: str) -> tuple[str, int]:
    data = Path(data)
    ds, _ = load_dataset(data)
    _check_id(source_id, set(ds.sources))
    path = data / "sources.yml"
    header = "# yaml-language-server: $schema=../schema/sources.schema.json\nsources:\n"
    line = _append(path, header, SOURCE_SKELETON.format(id=source_id, today=clock.today().isoformat()))
    return str(path), line
