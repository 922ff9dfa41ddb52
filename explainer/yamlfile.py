"""Read one YAML file safely, keeping the line of every mapping, key and list item.

- Safe loading only: any ``!!python/...`` (or other unknown) tag is a problem, never executed.
- libyaml's C parser when available (``yaml.CSafeLoader``), the pure-Python one otherwise.
- Duplicate mapping keys are problems (PyYAML would silently keep the last value).
- Dates stay text (``2025-01-27`` is not turned into a ``date``); the model checks them.
- A UTF-8 BOM, CRLF or mixed line endings, and any Unicode text load fine.
- Oversized files and alias bombs ("billion laughs") are refused before they cost memory.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from explainer.problems import Problem, display_path

try:  # libyaml's C parser: several times faster than the pure-Python one
    _BaseLoader = yaml.CSafeLoader
    WITH_LIBYAML = True
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader
    WITH_LIBYAML = False

MAX_BYTES = 8 * 1024 * 1024
"""A data file larger than this is refused (about 2,000 claims a MiB; the real data is far smaller)."""

MAX_EXPANDED_NODES = 250_000
"""Nodes after expanding aliases; more than this is an alias bomb, refused before construction."""

LIMIT_ENV = "EXPLAINER_MAX_FILE_MB"
"""Raises the per-file limit (in MiB) for very large datasets; the alias limit grows in proportion."""


@dataclass(frozen=True)
class Limits:
    """The per-file safety limits in force: ``MAX_BYTES`` and ``MAX_EXPANDED_NODES`` unless ``LIMIT_ENV`` is set."""

    max_bytes: int = MAX_BYTES
    max_nodes: int = MAX_EXPANDED_NODES


def limits() -> Limits:
    """The limits for this process, read from the environment each time (a bad value keeps the defaults)."""
    try:
        mib = int(os.environ.get(LIMIT_ENV, "0"))
    except ValueError:
        mib = 0
    if mib * 1024 * 1024 <= MAX_BYTES:
        return Limits()
    scale = mib * 1024 * 1024 / MAX_BYTES
    return Limits(mib * 1024 * 1024, int(MAX_EXPANDED_NODES * scale))

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class LineDict(dict):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    __slots__ = ("line", "key_lines")

    def __init__(self, line: int = 0):
        super().__init__()
        self.line = line
        self.key_lines: dict[Any, int] = {}


class LineList(list):
    """A sequence that remembers its own line and the line of each item (1-based)."""

    __slots__ = ("line", "item_lines")

    def __init__(self, line: int = 0):
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []


class _Loader(_BaseLoader):
    """Safe loader that records lines, reports duplicate keys and keeps dates as text."""

    def __init__(self, stream: str, path: str):
        super().__init__(stream)
        self.path = path
        self.problems: list[Problem] = []


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


_STR = "tag:yaml.org,2002:str"


def _value(loader: _Loader, node: yaml.Node):
    """Construct a child node; plain text (nearly every scalar in the data) takes a fast path."""
    if node.tag == _STR and isinstance(node, yaml.ScalarNode):
        return node.value
    return loader.construct_object(node, deep=True)


def _construct_map(loader: _Loader, node: yaml.MappingNode):
    data = LineDict(node.start_mark.line + 1)
    yield data
    loader.flatten_mapping(node)
    first_seen: dict[Any, int] = {}
    for key_node, value_node in node.value:
        key = _value(loader, key_node)
        line = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:
            loader.problems.append(
                Problem(loader.path, line, "", "a mapping key must be plain text", "yaml-syntax")
            )
            continue
        if key in first_seen:
            loader.problems.append(
                Problem(
                    loader.path,
                    line,
                    "",
                    f"key '{key}' appears twice in the same mapping (first at line {first_seen[key]}); "
                    "YAML would silently keep only the last value",
                    "duplicate-key",
                )
            )
            continue
        first_seen[key] = line
        data[key] = _value(loader, value_node)
        data.key_lines[key] = line


def _construct_seq(loader: _Loader, node: yaml.SequenceNode):
    data = LineList(node.start_mark.line + 1)
    yield data
    for item in node.value:
        data.append(_value(loader, item))
        data.item_lines.append(item.start_mark.line + 1)


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


@dataclass
class YamlResult:
    """What reading one file gave: the data (None when unreadable) and its problems."""

    path: str
    data: Any = None
    problems: list[Problem] = field(default_factory=list)


def _expanded_size(root: yaml.Node, limit: int) -> int:
    """Number of nodes once every alias is expanded; stops counting past ``limit``."""
    memo: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    on_path: set[int] = set()
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            if isinstance(node, yaml.MappingNode):
                children = [n for pair in node.value for n in pair]
            elif isinstance(node, yaml.SequenceNode):
                children = node.value
            else:
                children = []
            memo[key] = min(limit + 1, 1 + sum(memo.get(id(c), 0) for c in children))
            continue
        if key in memo or key in on_path:
            continue
        on_path.add(key)
        stack.append((node, True))
        if isinstance(node, yaml.MappingNode):
            stack.extend((n, False) for pair in node.value for n in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((n, False) for n in node.value)
    return memo.get(id(root), 0)


def _decode(raw: bytes, shown: str) -> tuple[str | None, Problem | None]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = raw[exc.start : exc.start + 1].hex()
        return None, Problem(
            shown, line, "", f"not valid UTF-8 (byte 0x{byte}); save the file as UTF-8", "encoding"
        )
    # One line-ending convention, so line numbers match what editors show.
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


_OPEN_QUOTE = re.compile(r'^\s*(?:- )?[\w-]+:\s*"(?:[^"\\]|\\.)*$')


def _unclosed_quote_line(text: str, error_line: int, first_line: int) -> int | None:
    """A line between ``first_line`` and ``error_line`` whose value opens a double quote it never closes."""
    lines = text.split("\n")
    for number in range(max(error_line - 1, 1), max(first_line, 1) - 1, -1):
        if number <= len(lines) and _OPEN_QUOTE.match(lines[number - 1]):
            return number
    return None


def _syntax_problem(shown: str, exc: yaml.MarkedYAMLError, text: str | None = None) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    problem = str(exc.problem or "")
    context = str(exc.context or "")
    if exc.context_mark is not None and (
        "end of stream" in problem or "<stream end>" in problem or "flow" in context or "quoted" in context
    ):
        mark = exc.context_mark  # an unclosed bracket or quote: point at where it was opened
    line = mark.line + 1 if mark else 1
    message = " ".join(str(part) for part in (exc.context, exc.problem) if part) or str(exc)
    if exc.context_mark is not None and mark is not exc.context_mark and exc.context:
        message += f" (opened at line {exc.context_mark.line + 1})"
    first = exc.context_mark.line + 1 if exc.context_mark is not None else max(line - 20, 1)
    quote_line = _unclosed_quote_line(text, line, first) if text is not None else None
    if quote_line is not None:
        return Problem(
            shown, quote_line, "", f"YAML syntax error: a double quote opened on this line is never closed ({message} at line {line})", "yaml-syntax"
        )
    if "\\t" in message or "tab" in message:
        return Problem(
            shown, line, "", "a tab character is used for indentation; YAML needs spaces", "yaml-tab"
        )
    return Problem(shown, line, "", f"YAML syntax error: {message}", "yaml-syntax")


def _read_limited(path: str | os.PathLike, shown: str, result: YamlResult) -> bytes | None:
    """The file's bytes, or None after noting why they cannot be read (too large, unreadable)."""
    try:
        size, limit = os.path.getsize(path), limits().max_bytes
        if size > limit:
            result.problems.append(Problem(
                shown, 1, "", f"file is {size:,} bytes, over the {limit:,}-byte limit for a data file; split it",
                "file-too-large",
            ))
            return None
        with open(path, "rb") as handle:
            return handle.read(size + 1)  # not the limit: read(n) allocates n bytes up front
    except OSError as exc:
        result.problems.append(Problem(shown, 1, "", f"cannot read file: {exc.strerror}", "unreadable"))
        return None


def _unsafe_tag(shown: str, exc: yaml.constructor.ConstructorError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    tag = str(exc.problem or "").split("'")
    tag_name = tag[1] if len(tag) > 2 else "an unknown tag"
    return Problem(
        shown, mark.line + 1 if mark else 1, "",
        f"tag {tag_name} is not allowed: data files are read with a safe loader "
        "and may hold only plain text, numbers, lists and mappings", "unsafe-tag",
    )


def _construct(loader: _Loader, text: str, shown: str, result: YamlResult) -> None:
    """Parse one document into ``result.data`` (refusing empty files and alias bombs)."""
    node = loader.get_single_node()
    if node is None:
        result.problems.append(Problem(shown, 1, "", "file is empty (no YAML document)", "empty-file"))
        return
    # Without an anchor ("&name") there can be no alias to expand: skip the walk.
    most = limits().max_nodes
    if "&" in text and _expanded_size(node, most) > most:
        result.problems.append(Problem(
            shown, 1, "", f"aliases expand to more than {most:,} nodes (an alias bomb); "
            "write the values out instead", "alias-bomb",
        ))
        return
    result.data = loader.construct_document(node)
    result.problems.extend(loader.problems)


def read_yaml(path: str | os.PathLike, shown: str | None = None) -> YamlResult:
    """Read ``path`` and return its data with line information, or the problems that stopped it."""
    shown = shown or display_path(path)
    result = YamlResult(shown)
    raw = _read_limited(path, shown, result)
    if raw is None:
        return result
    text, problem = _decode(raw, shown)
    if problem:
        result.problems.append(problem)
        return result
    loader = _Loader(text, shown)
    try:
        _construct(loader, text, shown, result)
    except yaml.constructor.ConstructorError as exc:
        result.problems.append(_unsafe_tag(shown, exc))
    except yaml.MarkedYAMLError as exc:
        result.problems.append(_syntax_problem(shown, exc, text))
    except yaml.YAMLError as exc:  # e.g. a reader error for a control character
        mark = getattr(exc, "position", None)
        line = text[: mark].count("\n") + 1 if isinstance(mark, int) else 1
        result.problems.append(Problem(shown, line, "", f"YAML error: {exc}", "yaml-syntax"))
    finally:
        loader.dispose()
    return result
