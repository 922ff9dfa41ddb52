"""The committed JSON Schema matches the model, and is wired to the data files for editors."""

from __future__ import annotations

import json

from conftest import PROJECT
from explainer.schema import render, schemas


def test_committed_schema_is_current():
    stale = []
    for name, schema in schemas().items():
        path = PROJECT / "schema" / name
        if not path.exists() or path.read_text(encoding="utf-8") != render(schema):
            stale.append(name)
    assert not stale, f"schema/ is out of date for {stale}: run `explainer schema`"


def test_schema_forbids_unknown_keys_and_documents_fields():
    claims = schemas()["claims.schema.json"]
    claim = claims["$defs"]["Claim"]
    assert claim["additionalProperties"] is False
    assert "description" in claim["properties"]["verdict"]
    assert set(claim["properties"]["verdict"]["enum"]) == {
        "supported", "partly-supported", "contested", "outdated", "unsupported", "opinion"}


def test_data_files_point_editors_at_the_schema():
    settings = json.loads((PROJECT / ".vscode" / "settings.json").read_text())
    mapping = settings["yaml.schemas"]
    assert mapping["schema/claims.schema.json"] == "data/claims/*.yml"
    for path in (PROJECT / "data" / "claims").glob("*.yml"):
        assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../../schema/claims.schema.json"), path
