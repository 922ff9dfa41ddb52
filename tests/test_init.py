"""`explainer init` starts a new explainer that checks clean and builds strictly with the installed engine."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import build_env

pytestmark = pytest.mark.site

TITLE = "Is Europe Winning the Battery Race?"


def _run(args, cwd):
    return subprocess.run([sys.executable, "-m", "explainer", *args], cwd=cwd, capture_output=True, text=True)


def test_init_project_checks_clean_and_builds_with_nothing_of_this_explainer(tmp_path):
    project = tmp_path / "battery"
    made = _run(["init", str(project), "--article-title", TITLE, "--article-url", "https://news.example.com/battery"], tmp_path)
    assert made.returncode == 0, made.stderr
    assert sorted(p.name for p in project.iterdir()) == ["README.md", "data", "docs", "mkdocs.yml", "schema"]
    assert not list(project.rglob("*.py")), "no copy of the engine or the adapter"
    check = _run(["check"], project)
    assert (check.returncode, check.stdout, check.stderr) == (0, "", "")
    env = build_env()  # the engine and adapter come from the installed package: the project holds no copy
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                           cwd=project, capture_output=True, text=True, env=env, timeout=600)
    assert built.returncode == 0, built.stderr[-3000:]
    pages = list((tmp_path / "site").rglob("*.html"))
    assert {"index.html", "main", "claims", "quiz", "handouts"} <= {p.relative_to(tmp_path / "site").parts[0] for p in pages}
    leaks = {}
    for page in pages:
        text = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))
        found = re.findall(r"AI Race|Epoch Times|China|DeepSeek|Annotated contributors", text)
        if found:
            leaks[str(page.relative_to(tmp_path))] = sorted(set(found))
    assert leaks == {}
    assert TITLE in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_init_refuses_a_folder_with_files_and_bad_input_and_writes_nothing(tmp_path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("keep me")
    refused = _run(["init", str(tmp_path / "taken"), "--article-title", TITLE, "--article-url", "https://x.example.com/a"], tmp_path)
    assert refused.returncode == 2 and "not an empty folder" in refused.stderr
    assert [p.name for p in (tmp_path / "taken").iterdir()] == ["notes.txt"]
    bad = _run(["init", str(tmp_path / "new"), "--article-title", TITLE, "--article-url", "ftp://x.example.com/a"], tmp_path)
    assert bad.returncode == 2 and bad.stderr == "explainer init: --article-url 'ftp://x.example.com/a' is not an http(s) URL\n"
    assert not (tmp_path / "new").exists()
