"""The field types records are made of: ids, text, dates, URLs and the one-sentence quote, each with
its own validator and a message that continues the field's name as a sentence."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_ID_RE = re.compile(ID_PATTERN)
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARTIAL_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _check_id(value: str) -> str:
    if not _ID_RE.match(value):
        raise PydanticCustomError(
            "invalid_id",
            "'{value}' is not a valid id: use lowercase letters, digits and single hyphens (kebab-case)",
            {"value": value},
        )
    return value


def _check_text(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("empty_text", "must not be empty or only whitespace")
    return value


def _check_date(value: str) -> str:
    if not _DATE_RE.match(value):
        raise PydanticCustomError(
            "invalid_date", "'{value}' is not a date in YYYY-MM-DD form", {"value": value}
        )
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(
            "invalid_date", "'{value}' is not a real calendar date", {"value": value}
        ) from None
    return value


def _year_to_text(value: Any) -> Any:
    # An unquoted 2024 arrives as an int; a partial date is text.
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value)
    return value


def _check_partial_date(value: str) -> str:
    if not _PARTIAL_DATE_RE.match(value):
        raise PydanticCustomError(
            "invalid_date", "'{value}' is not a date in YYYY, YYYY-MM or YYYY-MM-DD form", {"value": value}
        )
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        raise PydanticCustomError(
            "invalid_date", "'{value}' is not a real calendar date", {"value": value}
        ) from None
    return value


def _check_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", value, re.IGNORECASE):
        raise PydanticCustomError(
            "bad_url", "'{value}' is not an http(s) URL", {"value": value[:120]}
        )
    return value


def _check_quote(value: str) -> str:
    probe = re.sub(r"\b(?:U\.S|U\.K|E\.U|Dr|Mr|Ms|Mrs|St|vs|e\.g|i\.e)\.", "X", value.strip())
    if re.search(r"[.!?][\"”’)]?\s+[\"“‘(]?[A-Z0-9]", probe):
        raise PydanticCustomError(
            "quote_too_long", "must be one sentence at most; quote less and restate the rest in 'claim'"
        )
    return value


Id = Annotated[str, AfterValidator(_check_id), Field(pattern=ID_PATTERN)]
Text = Annotated[str, AfterValidator(_check_text), Field(min_length=1)]
IsoDate = Annotated[
    str,
    AfterValidator(_check_date),
    Field(pattern=r"^\d{4}-\d{2}-\d{2}$", description="A date, YYYY-MM-DD."),
]
PartialDate = Annotated[
    str,
    BeforeValidator(_year_to_text),
    AfterValidator(_check_partial_date),
    Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD."),
]
Url = Annotated[str, AfterValidator(_check_url), Field(pattern=r"^https?://", description="An http(s) URL.")]
