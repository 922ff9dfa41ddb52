"""Temporary copies of the project: the data-driven site, and the plain-Markdown site it renders to."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent
COPIED = ("docs", "macros", "templates", "overrides", "explainer")
"""Copied into every temporary project. ``explainer/`` too: mkdocs.yml watches it, and the hooks put
the project first on sys.path, so the copy is the code that runs (the same code)."""


def tool(name: str) -> str:
    """A console script of the running venv (mkdocs), else the one on PATH."""
    candidate = VENV_BIN / name
    return str(candidate) if candidate.exists() else (shutil.which(name) or name)


def mkdocs_cmd(unlimited: bool = False) -> list[str]:
    """The mkdocs command; with the loader's file limits raised if ``unlimited`` (bench/limits.py)."""
    if unlimited:
        return [sys.executable, str(BENCH / "unlimited.py"), "mkdocs"]
    return [tool("mkdocs")]


def check_cmd(data: Path, unlimited: bool = False) -> list[str]:
    """``python -m explainer check --data DIR`` (through bench/unlimited.py if ``unlimited``)."""
    if unlimited:
        return [sys.executable, str(BENCH / "unlimited.py"), "explainer", "check", "--data", str(data)]
    return [sys.executable, "-m", "explainer", "check", "--data", str(data)]


def child_env(**extra: str) -> dict[str, str]:
    """The environment ``make`` gives its commands (see the Makefile), plus ``extra``."""
    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", source_date_epoch())
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("OFFLINE", None)
    env.update(extra)
    return env


def source_date_epoch() -> str:
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=REPO, capture_output=True, text=True,
                             timeout=10, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        out = ""
    return out if out.isdigit() else "1767225600"


def _ignore(_dir: str, names: list[str]) -> set[str]:
    return {n for n in names if n in ("__pycache__", ".pytest_cache") or n.endswith(".pyc")}


def make_project(dest: Path, data: Path | None = None) -> Path:
    """A copy of the project in ``dest`` (mkdocs.yml, docs/, macros/, templates/, overrides/, explainer/)
    with ``data`` (default: the real data/) as its data/ folder."""
    dest = Path(dest)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy2(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    for name in COPIED:
        shutil.copytree(REPO / name, dest / name, ignore=_ignore)
    source = Path(data) if data is not None else REPO / "data"
    if source.resolve() != (dest / "data").resolve():
        shutil.copytree(source, dest / "data", ignore=_ignore)
    return dest


CAPTURE_CONFIG = """\
# Written by bench/project.py: the real config plus a hook that saves each page's rendered Markdown.
INHERIT: mkdocs.yml
hooks:
  - macros/hooks.py
  - {hook}
extra:
  bench_capture_dir: {out}
"""

PLAIN_CONFIG = """\
# Written by bench/project.py: the real config without mkdocs-macros and without the data hooks.
# docs/ holds the Markdown the data-driven build rendered (claim pages and data exports included).
INHERIT: base.yml
plugins:
  - search
  - offline:
      enabled: false
hooks: []
watch: []
"""


def capture_plain(project: Path, plain: Path, env: dict[str, str], method: str = "render",
                  unlimited: bool = False) -> Path:
    """Lay out ``plain`` as a plain-Markdown project holding the pages ``project`` renders.

    ``method="render"`` drives the adapter without MkDocs' HTML stage (bench/render_plain.py, fast);
    ``method="hook"`` runs a full build of ``project`` with bench/capture_hook.py added."""
    plain = Path(plain)
    if plain.exists():
        shutil.rmtree(plain)
    docs = plain / "docs"
    # Static files (CSS, JS) as they are; the .md pages come from the capture.
    shutil.copytree(project / "docs", docs, ignore=lambda d, n: {x for x in n if x.endswith(".md")} | _ignore(d, n))
    shutil.copytree(project / "overrides", plain / "overrides")
    shutil.copy2(project / "mkdocs.yml", plain / "base.yml")
    (plain / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    if method == "render":
        proc = subprocess.run(
            [sys.executable, str(BENCH / "render_plain.py"), str(project), str(docs)]
            + (["--unlimited"] if unlimited else []),
            cwd=project, env=env, capture_output=True, text=True, check=False,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"rendering the plain pages failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
        return plain
    config = project / "mkdocs.bench-capture.yml"
    config.write_text(CAPTURE_CONFIG.format(hook=BENCH / "capture_hook.py", out=docs), encoding="utf-8")
    site = project / ".bench-capture-site"
    try:
        proc = subprocess.run(
            mkdocs_cmd(unlimited) + ["build", "--quiet", "-f", str(config), "--site-dir", str(site)],
            cwd=project, env=env, capture_output=True, text=True, check=False,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"capture build failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    finally:
        config.unlink(missing_ok=True)
        shutil.rmtree(site, ignore_errors=True)
    return plain
