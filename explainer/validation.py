"""Validate raw YAML records against the model and turn pydantic errors into located problems."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import ValidationError

from explainer.model import Record
from explainer.problems import Problem
from explainer.lines import line_at
from explainer.yamlfile import LineDict

# pydantic error type -> our problem code
_CODES = {
    "missing": "missing-field",
    "extra_forbidden": "unknown-field",
    "literal_error": "invalid-value",
    "invalid_id": "invalid-id",
    "invalid_date": "invalid-date",
    "bad_url": "bad-url",
    "empty_text": "empty-text",
    "quote_too_long": "quote-too-long",
    "too_short": "too-few-items",
    "too_long": "too-many-items",
    "string_too_long": "text-too-long",
}

_OWN_MESSAGES = {"invalid_id", "invalid_date", "bad_url", "empty_text", "quote_too_long"}

_UNION_TAGS = {"int", "str", "float", "bool", "list", "dict", "none"}


def _field_path(loc: tuple) -> str:
    out = ""
    for step in loc:
        if isinstance(step, int):
            out += f"[{step}]"
        elif isinstance(step, str) and (step in _UNION_TAGS or "[" in step or "-" in step and "(" in step):
            continue
        else:
            out += ("." if out else "") + str(step)
    return out or "record"


def _message(err: dict, field: str, model: type[Record], raw: Any) -> tuple[str, str]:
    kind = err["type"]
    code = _CODES.get(kind, "wrong-type")
    value = err.get("input")
    if kind == "missing":
        return code, f"required field '{field}' is missing"
    if kind == "extra_forbidden":
        key = str(err["loc"][-1]) if err["loc"] else "?"
        allowed = _allowed_keys(model, err["loc"][:-1])
        hint = difflib.get_close_matches(key, allowed, n=1)
        suffix = f" (did you mean '{hint[0]}'?)" if hint else f" (allowed: {', '.join(sorted(allowed))})"
        return code, f"unknown field '{_field_path(err['loc'])}'{suffix}"
    if isinstance(value, bool) and kind in ("string_type", "int_type", "float_type", "list_type"):
        return (
            "yaml-boolean",
            f"{field} is {str(value).lower()}: a bare yes, no, on, off, true or false is read as a "
            "boolean; put the text in quotes",
        )
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return code, f"{field} '{value}' is not one of {expected}"
    if kind in ("string_type", "list_type", "dict_type", "model_type", "int_type", "float_type"):
        wanted = {
            "string_type": "text",
            "list_type": "a list",
            "dict_type": "a mapping",
            "model_type": "a mapping",
            "int_type": "a whole number",
            "float_type": "a number",
        }[kind]
        shown = type(value).__name__ if value is not None else "nothing (null)"
        shown = {"LineDict": "a mapping", "LineList": "a list", "str": "text", "int": "a number",
                 "float": "a number", "NoneType": "nothing (null)"}.get(shown, shown)
        return code, f"{field} should be {wanted}, not {shown}"
    if kind == "too_short" and err.get("ctx", {}).get("min_length") is not None:
        n = err["ctx"]["min_length"]
        return code, f"{field} needs at least {n} {'item' if n == 1 else 'items'}"
    if kind == "too_long" and err.get("ctx", {}).get("max_length") is not None:
        return code, f"{field} allows at most {err['ctx']['max_length']} items"
    if kind == "string_too_long" and isinstance(value, str):
        limit = err.get("ctx", {}).get("max_length")
        return code, f"{field} is {len(value)} characters long; the limit is {limit}"
    if kind in _OWN_MESSAGES:  # our own validators' messages continue the field's name as a sentence
        return code, f"{field} {err['msg']}"
    return code, f"{field}: {err['msg']}"


def _allowed_keys(model: type[Record], loc: tuple) -> list[str]:
    """Field names of the (nested) model that ``loc`` points into."""
    current: Any = model
    for step in loc:
        if isinstance(step, int) or not hasattr(current, "model_fields"):
            continue
        field = current.model_fields.get(step)
        if field is None:
            break
        current = _record_type(field.annotation) or current
    return list(getattr(current, "model_fields", {}).keys())


def _record_type(annotation: Any) -> type[Record] | None:
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, Record):
        return annotation
    for arg in get_args(annotation):
        found = _record_type(arg)
        if found:
            return found
    return None


def subject_for(noun: str, raw: Any, index: int) -> str:
    """``claim 'drones-dji'`` or, without a usable id, ``claim #3``."""
    ident = raw.get("id") if isinstance(raw, dict) else None
    if isinstance(ident, str) and ident.strip():
        return f"{noun} '{ident}'"
    return f"{noun} #{index + 1}"


def validate_record(
    model: type[Record], raw: Any, path: str, line: int, subject: str
) -> tuple[Record | None, list[Problem]]:
    """Validate one raw record; on success the record remembers its file and line."""
    if not isinstance(raw, LineDict):
        shown = "a list" if isinstance(raw, list) else ("nothing" if raw is None else f"'{raw}'")
        return None, [Problem(path, line, subject, f"should be a mapping of fields, not {shown}", "wrong-shape")]
    try:
        record = model.model_validate(raw)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            field = _field_path(loc)
            code, message = _message(err, field, model, raw)
            problems.append(Problem(path, line_at(raw, loc, line), subject, message, code))
        return None, _dedupe(problems)
    # Nested records (evidence, since, series...) are located through their parent:
    # ``claim.line_of("evidence", 0, "source")`` walks the raw tree only when a message needs it.
    record.locate(path, line, raw)
    return record, []


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set = set()
    out = []
    for p in problems:
        if (p.line, p.code, p.message) not in seen:
            seen.add((p.line, p.code, p.message))
            out.append(p)
    return out
