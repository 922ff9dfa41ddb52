"""Temporary copies of the project: the data-driven site, and the plain-Markdown site it renders to."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
_SOURCE = {"root": REPO}
BENCH = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent
COPIED = ("docs", "macros", "explainer", "explainer_mkdocs")
"""Copied into every temporary project. ``explainer/`` too: mkdocs.yml watches it, and the hooks put
the project first on sys.path, so the copy is the code that runs (the same code)."""


def tool(name: str) -> str:
    """A console script of the running venv (mkdocs), else the one on PATH."""
    candidate = VENV_BIN / name
    return str(candidate) if candidate.exists() else (shutil.which(name) or name)


def source_root() -> Path:
    """The project tree measured: the working tree, or a commit exported by ``use_revision``."""
    return _SOURCE["root"]


def use_revision(rev: str, scratch: Path) -> Path:
    """Measure commit ``rev`` instead of the working tree (``git archive`` into ``scratch/tree``)."""
    tree = Path(scratch) / "tree"
    tree.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "archive", "--format=tar", rev], cwd=REPO, capture_output=True, check=False)
    if archive.returncode != 0:
        raise SystemExit(f"bench: git archive {rev} failed: {archive.stderr.decode(errors='replace').strip()}")
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    _SOURCE["root"] = tree
    return tree


def mkdocs_cmd() -> list[str]:
    """The mkdocs command (the loader's file limit is raised through the environment: ``raised_limits``)."""
    return [tool("mkdocs")]


def check_cmd(data: Path) -> list[str]:
    """``python -m explainer check --data DIR``."""
    return [sys.executable, "-m", "explainer", "check", "--data", str(data)]


def raised_limits(env: dict[str, str]) -> dict[str, str]:
    """``env`` with the loader's per-file limit raised to 1 GiB, for sizes whose files exceed the default."""
    from explainer.yamlfile import LIMIT_ENV

    return {**env, LIMIT_ENV: "1024"}


def child_env(**extra: str) -> dict[str, str]:
    """The environment ``make`` gives its commands (see the Makefile), plus ``extra``."""
    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", source_date_epoch())
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("OFFLINE", None)
    if source_root() != REPO:  # the exported commit's engine, not the working tree's
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(source_root()), env.get("PYTHONPATH", "")]))
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
    with ``data`` (default: the real data/) as its data/ folder. Copied from ``source_root()``."""
    dest = Path(dest)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    root = source_root()
    shutil.copy2(root / "mkdocs.yml", dest / "mkdocs.yml")
    for name in COPIED:
        shutil.copytree(root / name, dest / name, ignore=_ignore)
    source = Path(data) if data is not None else root / "data"
    if source.resolve() != (dest / "data").resolve():
        shutil.copytree(source, dest / "data", ignore=_ignore)
    return dest


PLAIN_CONFIG = """\
# Written by bench/project.py: the site's own content as plain Markdown (bench/render_plain.py), built
# by MkDocs and Material alone: no explainer plugin, no macros, the same theme, nav and extensions.
INHERIT: base.yml
plugins:
  - search
watch: []
extra_css:
  - assets/explainer.css
extra_javascript:
  - assets/explainer.js
"""


def _plain_nav(nav):
    """The site's nav with each ``dir/index.md`` named as the twin writes it (``dir.md``: the same address)."""
    if isinstance(nav, list):
        return [_plain_nav(item) for item in nav]
    if isinstance(nav, dict):
        return {key: _plain_nav(value) for key, value in nav.items()}
    if isinstance(nav, str) and nav.endswith("/index.md"):
        return nav[: -len("/index.md")] + ".md"
    return nav


def capture_plain(project: Path, plain: Path, env: dict[str, str]) -> Path:
    """Lay out ``plain`` as a plain-Markdown project holding the content ``project`` builds: the data
    site is built once (not timed), and each page's content is written back as Markdown."""
    import yaml

    plain = Path(plain)
    if plain.exists():
        shutil.rmtree(plain)
    built = plain.parent / (plain.name + "-source-site")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(built)],
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"building the data site for the plain twin failed:\n{proc.stderr[-4000:]}")
    proc = subprocess.run([sys.executable, str(BENCH / "render_plain.py"), str(built), str(plain)],
                          cwd=project, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"writing the plain pages failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)  # environment settings: unset in the twin
    base = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader) or {}
    for key in ("plugins", "hooks", "watch", "extra_css", "extra_javascript"):
        base.pop(key, None)
    base["nav"] = _plain_nav(base.get("nav"))  # the same nav: the twin's pages have the same addresses
    base = {k: v for k, v in base.items() if v is not None}
    base.get("theme", {}).pop("custom_dir", None)
    (plain / "base.yml").write_text(yaml.safe_dump(base, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (plain / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    shutil.rmtree(built, ignore_errors=True)
    return plain
