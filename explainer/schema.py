"""JSON Schema for each data file, generated from the model (for editors and the schema test)."""

from __future__ import annotations

import json
from pathlib import Path

from explainer.filekinds import FILE_KINDS
from explainer.model import Article

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"


def schemas() -> dict[str, dict]:
    """File name -> schema, one per data file kind."""
    out: dict[str, dict] = {}
    for kind, file_kind in FILE_KINDS.items():
        file_model = file_kind.file
        out[f"{kind}.schema.json"] = file_model.model_json_schema()
    out["article.schema.json"] = Article.model_json_schema()
    for schema in out.values():
        schema["$schema"] = SCHEMA_URL
    return out


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schemas(out_dir: str | Path) -> list[Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in sorted(schemas().items()):
        path = out_dir / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written
