"""Temporary copies of the project: the data-driven site, and its plain twin.

The plain twin is the same content written as plain Markdown: the data site is built once (not timed),
each page's ``<article>`` is converted to Markdown with markdownify (no pre-rendered HTML kept), and the
project is MkDocs and Material alone, with the same theme, nav and Markdown extensions and no plugin.
``twin_equivalence`` checks that it carries the words readers see, page by page.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
COPIED = ("docs", "macros", "explainer", "explainer_mkdocs")  # the hooks put the copy first on sys.path
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)
_TITLE = re.compile(r"<title>(.*?)(?: - [^<]*)?</title>", re.S)
_SKIP = re.compile(r"<(script|style|svg)\b.*?</\1>|<a [^>]*class=\"headerlink\"[^>]*>.*?</a>", re.S)


def child_env(**extra: str) -> dict[str, str]:
    """The environment ``make`` gives its commands (see the Makefile), plus ``extra``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPYCACHEPREFIX": str(REPO / ".cache" / "pycache"), **extra}
    env.pop("OFFLINE", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if "SOURCE_DATE_EPOCH" not in env:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=REPO, capture_output=True, text=True).stdout
        env["SOURCE_DATE_EPOCH"] = out.strip() if out.strip().isdigit() else "1767225600"
    return env


def check_cmd(data: Path) -> list[str]:
    return [sys.executable, "-m", "explainer", "check", "--data", str(data)]


def build_cmd(site: Path) -> list[str]:
    return MKDOCS + ["build", "--strict", "--quiet", "--site-dir", str(site)]


def make_project(dest: Path, data: Path | None = None) -> Path:
    """A copy of the project in ``dest`` with ``data`` (default: the real data/) as its data/ folder."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy2(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache")
    for name in COPIED:
        shutil.copytree(REPO / name, dest / name, ignore=skip)
    shutil.copytree(data or REPO / "data", dest / "data", ignore=skip)
    return dest


def page_markdown(page: str) -> str | None:
    """A built page's article as Markdown with its title as front matter (None: not a content page)."""
    from markdownify import markdownify

    article = _ARTICLE.search(page)
    if article is None:
        return None
    title = _TITLE.search(page)
    front = f"---\ntitle: {title.group(1).strip()!r}\n---\n\n" if title else ""
    body = markdownify(_SKIP.sub("", article.group(1)), heading_style="ATX", bullets="-",
                       strip=["button", "input", "select", "form"])
    return front + body.strip() + "\n"


def _nav(item):
    """The site's nav, each ``dir/index.md`` named as the twin writes it (``dir.md``: the same address)."""
    if isinstance(item, list):
        return [_nav(i) for i in item]
    if isinstance(item, dict):
        return {k: _nav(v) for k, v in item.items()}
    return item[: -len("/index.md")] + ".md" if isinstance(item, str) and item.endswith("/index.md") else item


def make_twin(project: Path, plain: Path, env: dict[str, str]) -> Path:
    """Lay out ``plain`` as the plain-Markdown project holding the content that ``project`` builds."""
    built = plain.parent / (plain.name + "-source-site")
    subprocess.run(MKDOCS + ["build", "--quiet", "--site-dir", str(built)], cwd=project, env=env, check=True,
                   capture_output=True)
    docs = plain / "docs"
    for path in sorted(p for p in built.rglob("*") if p.is_file()):
        rel = path.relative_to(built)
        if rel.parts[0] in ("search", "assets", "pagefind") or rel.name.startswith(("404.", "sitemap.")):
            continue
        target = docs / rel
        if path.suffix == ".html":
            markdown = page_markdown(path.read_text(encoding="utf-8"))
            if markdown is None:
                continue  # a redirect page
            target = docs / ("index.md" if rel == Path("index.html") else rel.parent.as_posix() + ".md"
                             if rel.name == "index.html" else rel.with_suffix(".md").as_posix())
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".html":
            target.write_text(markdown, encoding="utf-8")
        else:
            shutil.copy2(path, target)
    (docs / "assets").mkdir(parents=True, exist_ok=True)
    for extra in ("explainer.css", "explainer.js"):
        shutil.copy2(built / "assets" / extra, docs / "assets" / extra)

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)  # environment settings: unset in the twin
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    config = {k: v for k, v in config.items() if v is not None and k not in ("plugins", "hooks", "watch")}
    config["theme"].pop("custom_dir", None)
    config.update(nav=_nav(config["nav"]), plugins=["search"], extra_css=["assets/explainer.css"],
                  extra_javascript=["assets/explainer.js"])
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    shutil.rmtree(built)
    return plain


def _words(path: Path) -> list[str]:
    article = _ARTICLE.search(path.read_text(encoding="utf-8"))
    body = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", article.group(1) if article else "", flags=re.S)
    return re.findall(r"\w+", html.unescape(re.sub(r"<[^>]+>", " ", body)).lower())


def twin_equivalence(data_site: Path, plain_site: Path) -> dict:
    """For each page of the data site, the share of its article's words that the twin's page also has."""
    shares, missing = [], []
    for rel in sorted(p.relative_to(data_site) for p in data_site.rglob("*.html")):
        words = _words(data_site / rel)
        if words and not (plain_site / rel).exists():
            missing.append(str(rel))
        elif words:
            have = set(_words(plain_site / rel))
            shares.append(sum(w in have for w in words) / len(words))
    return {"pages": len(shares) + len(missing), "missing_in_plain": missing[:10],
            "mean_word_share": round(sum(shares) / len(shares), 4), "min_word_share": round(min(shares), 4)}


if __name__ == "__main__":  # ``python -m bench.project PROJECT PLAIN``: the benchmark makes the twin in a child
    # process, so converting thousands of pages never shows in a measured command's peak memory
    make_twin(Path(sys.argv[1]), Path(sys.argv[2]), child_env())
