"""Helpers for the site tests: copy the project into a temp dir, change its data, build it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import PROJECT

NONET = Path(__file__).parent / "support" / "nonet"
PARTS = ("mkdocs.yml", "docs", "macros", "data", "explainer", "explainer_mkdocs")
EPOCH = "1767225600"  # 2026-01-01, fixed so builds are comparable


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        src = PROJECT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def edit_yaml(path: Path, change) -> None:
    """Load a data file, let ``change(data)`` edit it, write it back (comments are not kept)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")


def build_env(offline_net: bool = True, **extra: str) -> dict:
    env = dict(os.environ)
    env.update(NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=EPOCH, PYTHONDONTWRITEBYTECODE="1")
    env.pop("SITE_URL", None)
    if offline_net:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(NONET), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def build(project: Path, out: Path, **env: str) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of ``project`` into ``out`` with outbound network blocked."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=project, capture_output=True, text=True, env=build_env(**env), timeout=600,
    )
