"""The build refuses bad data and bad macro calls with path:line lines, never a traceback; make site is atomic;
hostile data builds into a site with no executable injected markup."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT
from sitebuild import build, build_env, copy_project, edit_yaml
from test_render_safety import HOSTILE, PAYLOADS, audit

pytestmark = pytest.mark.site


def _check_lines(project: Path) -> list[str]:
    result = subprocess.run([sys.executable, "-m", "explainer", "check"], cwd=project, capture_output=True, text=True)
    return result.stdout.strip().splitlines()[:-1]  # the problems, without the closing summary


def test_bad_data_fails_the_build_with_the_same_lines_as_check(tmp_path):
    project = copy_project(tmp_path / "p")
    path = project / "data" / "claims" / "leads.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("verdict: supported", "verdict: sort-of", 1)
    text = re.sub(r"(\n\s+- source: )(\S+)", r"\1no-such-source", text, count=1)
    path.write_text(text, encoding="utf-8")
    expected = _check_lines(project)
    assert len(expected) >= 2
    result = build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for line in expected:
        assert line in result.stderr, line
    assert not (tmp_path / "out" / "index.html").exists()


def test_unknown_id_in_a_macro_call_names_the_page_and_line(tmp_path):
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "about.md"
    page.write_text(page.read_text() + "\n\n{{ claim_card('no-such-claim') }}\n\n{{ figure('no-such-figure') }}\n")
    lines = page.read_text().splitlines()
    claim_line = next(i for i, l in enumerate(lines, 1) if "no-such-claim" in l)
    figure_line = next(i for i, l in enumerate(lines, 1) if "no-such-figure" in l)
    result = build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"docs/about.md:{claim_line}: claim_card('no-such-claim'): claim 'no-such-claim' does not exist [unknown-macro-id]" in result.stderr
    assert f"docs/about.md:{figure_line}: figure('no-such-figure'): figure 'no-such-figure' does not exist [unknown-macro-id]" in result.stderr


def test_a_section_page_that_forgets_its_claims_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "docs" / "outlook.md").write_text("{{ section_intro('outlook') }}\n")
    result = build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "[not-rendered]" in result.stderr and "is not shown on any section page" in result.stderr


def test_make_site_replaces_site_only_when_the_build_succeeds(tmp_path):
    project = copy_project(tmp_path / "p")
    for name in ("Makefile", "requirements.lock", "requirements-test.lock", "pyproject.toml"):
        (project / name).write_bytes((PROJECT / name).read_bytes())
    (project / ".venv").symlink_to(PROJECT / ".venv")
    env = build_env()
    make = ["make", "-s", "-o", ".venv/.site-deps", "site"]
    ok = subprocess.run(make, cwd=project, env=env, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr[-3000:]
    site = project / "site"

    def digest() -> str:
        h = hashlib.sha256()
        for p in sorted(site.rglob("*")):
            if p.is_file():
                h.update(str(p.relative_to(site)).encode() + p.read_bytes())
        return h.hexdigest()

    before = digest()
    leads = project / "data" / "claims" / "leads.yml"
    leads.write_text(leads.read_text().replace("verdict: supported", "verdict: nonsense", 1))
    bad = subprocess.run(make, cwd=project, env=env, capture_output=True, text=True)
    assert bad.returncode != 0
    assert "left as it was" in bad.stderr
    assert digest() == before
    assert not list(project.glob(".site-build.*"))


def test_hostile_data_builds_into_an_inert_site(tmp_path):
    project = copy_project(tmp_path / "p")

    def poison_claim(data):
        claim = data["claims"][0]
        claim["title"] = "T " + PAYLOADS[0]
        claim["quote"] = PAYLOADS[4]
        for field in ("claim", "conclusion", "metric"):
            claim[field] = HOSTILE
        claim["annotation"] = claim["annotation"] + "\n\n" + HOSTILE
        claim["evidence"][0]["finding"] = HOSTILE
        claim["evidence"][0]["locator"] = HOSTILE

    def poison_source(data):
        data["sources"][0]["title"] = HOSTILE
        data["sources"][0]["publisher"] = HOSTILE

    def poison_term(data):
        data["terms"][0]["definition"] = HOSTILE

    def poison_section(data):
        data["sections"][0]["intro"] = HOSTILE
        data["sections"][0]["questions"][0] = HOSTILE

    edit_yaml(project / "data" / "claims" / "leads.yml", poison_claim)
    edit_yaml(project / "data" / "sources.yml", poison_source)
    edit_yaml(project / "data" / "glossary.yml", poison_term)
    edit_yaml(project / "data" / "sections.yml", poison_section)
    out = tmp_path / "out"
    result = build(project, out)
    assert result.returncode == 0, result.stderr[-3000:]
    for path in sorted(out.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        assert "PWNED" not in text, path
        bad = [b for b in audit(text) if b not in ("<svg>", "<form>") and not b.startswith("<script")]  # the theme's icons and search form
        assert bad == [], (path, bad)
        for src in re.findall(r'<script[^>]*\ssrc="([^"]*)"', text):
            assert not re.match(r"^(https?:|//|data:|javascript:)", src), (path, src)
        for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", text, flags=re.S):
            if 'type="application/ld+json"' in attrs:
                import json

                json.loads(body)  # data, not code: it must parse, and cannot contain "<"
                assert "<" not in body, path
            else:
                assert "alert(" not in body, (path, body[:200])


def test_edit_links_lead_to_the_yaml_file_and_line_behind_each_claim(tmp_path):
    from explainer.load import load_and_check

    project = copy_project(tmp_path / "p")
    out = tmp_path / "out"
    result = build(project, out, REPO_URL="https://github.com/example-org/ai-race-annotated")
    assert result.returncode == 0, result.stderr[-2000:]
    ds, _ = load_and_check(project / "data")
    base = "https://github.com/example-org/ai-race-annotated/blob/main/"
    for claim in ds.claims[:8]:
        page = (out / "claims" / claim.id / "index.html").read_text(encoding="utf-8")
        target = f"{base}data/claims/{claim.section}.yml#L{claim.line}"
        assert f'href="{target}"' in page, (claim.id, target)  # the theme's edit button and the card's link
    section = ds.sections[1]
    page = (out / section.id / "index.html").read_text(encoding="utf-8")
    assert f'href="{base}data/claims/{section.id}.yml#L1"' in page
    assert 'href="https://github.com/example-org/ai-race-annotated/edit/' in (out / "about" / "index.html").read_text()
