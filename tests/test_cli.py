"""The command line: exit codes, output shape, --data, --json, and every subcommand's files."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import CLAIM, PROJECT, line_of
from explainer.cli import main
from explainer.load import load_and_check

SHAPE = r"^\S+:\d+: .+ \[[a-z0-9-]+\]( \(warning\))?$"


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "explainer", *args], capture_output=True, text=True, cwd=cwd or PROJECT)


def test_check_clean_tree_prints_nothing_and_exits_0(tree):
    data = tree()
    result = run("check", "--data", str(data))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_check_bad_tree_exits_1_with_one_line_per_problem_and_no_traceback(tree):
    data = tree({"claims/alpha.yml": CLAIM.replace("verdict: supported", "verdict: maybe")})
    result = run("check", "--data", str(data))
    assert (result.returncode, result.stderr) == (1, "")
    where = f"{data / 'claims' / 'alpha.yml'}:{line_of(CLAIM, 'verdict:')}"
    assert result.stdout.splitlines() == [
        f"{where}: claim 'first-claim': verdict 'maybe' is not one of 'supported', 'partly-supported', "
        "'contested', 'outdated', 'unsupported' or 'opinion' [invalid-value]",
        "1 error and 0 warnings.",
    ]


def test_check_json_gives_the_library_records(tree):
    data = tree({"claims/alpha.yml": CLAIM.replace("leader: china", "leader: mars")})
    result = run("check", "--json", "--data", str(data))
    assert result.returncode == 1
    records = json.loads(result.stdout)
    _, problems = load_and_check(data)
    assert records == [p.as_dict() for p in problems]
    assert set(records[0]) == {"path", "line", "subject", "code", "severity", "message"}


def test_usage_errors_exit_2():
    assert run("check", "--data", "/no/such/dir").returncode == 2
    assert run("frobnicate").returncode == 2
    assert run().returncode == 2
    assert run("new", "claim", "--id", "x").returncode == 2  # --section missing


def test_python_dash_m_and_entry_point_agree(tree):
    data = tree()
    exe = PROJECT / ".venv" / "bin" / "explainer"
    if not exe.exists():
        pytest.skip("the explainer entry point is installed by make (pip install -e .)")
    result = subprocess.run([str(exe), "check", "--data", str(data)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == ""


def test_stale_lists_old_items_oldest_first_and_exits_1(tree):
    data = tree({"claims/alpha.yml": CLAIM.replace("as_of: 2026-11-01", "as_of: 2024-01-01").replace("reviewed: 2026-11-02", "reviewed: 2024-01-02")})
    result = run("stale", "--days", "365", "--data", str(data))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2 and "[stale-claim]" in lines[0] and "2024-01-02" in lines[0]
    assert lines[1] == "1 item was not reviewed in the last 365 days."
    assert run("stale", "--days", "5000", "--data", str(data)).returncode == 0


def test_stale_includes_sources_by_accessed_date(tree):
    from conftest import SOURCES

    data = tree({"sources.yml": SOURCES.replace("accessed: 2026-11-01", "accessed: 2023-01-01", 1)})
    result = run("stale", "--days", "365", "--data", str(data))
    assert result.returncode == 1
    assert "source 'src-report'" in result.stdout and "[stale-source]" in result.stdout


@pytest.mark.parametrize("fmt, files", [
    ("json", {"claims.json", "sources.json", "domains.json"}),
    ("csv", {"claims.csv", "sources.csv", "domains.csv"}),
    ("bibtex", {"bibliography.bib"}),
    ("csl", {"bibliography.json"}),
    ("all", {"claims.json", "sources.json", "domains.json", "claims.csv", "sources.csv", "domains.csv",
             "bibliography.bib", "bibliography.json"}),
])
def test_export_writes_the_requested_files(tree, tmp_path, fmt, files):
    data = tree()
    out = tmp_path / "out"
    result = run("export", "--format", fmt, "--out", str(out), "--data", str(data))
    assert result.returncode == 0, result.stderr
    assert {p.name for p in out.iterdir()} == files


def test_export_refuses_bad_data(tree, tmp_path):
    data = tree({"claims/alpha.yml": CLAIM.replace("leader: china", "leader: mars")})
    result = run("export", "--out", str(tmp_path / "o"), "--data", str(data))
    assert result.returncode == 1 and "[invalid-value]" in result.stderr


def test_schema_command_writes_the_schema_files(tmp_path):
    result = run("schema", "--out", str(tmp_path))
    assert result.returncode == 0
    assert {p.name for p in tmp_path.iterdir()} == {
        "claims.schema.json", "sources.schema.json", "glossary.schema.json",
        "sections.schema.json", "figures.schema.json", "article.schema.json", "publishers.schema.json", "domains.schema.json",
    }


def test_new_claim_appends_a_skeleton_that_fails_until_filled(tree):
    data = tree()
    before = (data / "claims/alpha.yml").read_text()
    result = run("new", "claim", "--section", "alpha", "--id", "brand-new", "--data", str(data))
    assert result.returncode == 0, result.stderr
    after = (data / "claims/alpha.yml").read_text()
    assert after.startswith(before)  # nothing lost, comments kept
    start = after.splitlines().index("  - id: brand-new") + 1
    assert f"alpha.yml:{start}:" in result.stdout
    assert "as_of: 2026-11-26" in after  # today's date (EXPLAINER_TODAY in tests)
    check = run("check", "--data", str(data))
    assert check.returncode == 1
    assert "claim 'brand-new'" in check.stdout and "[empty-text]" in check.stdout


def test_new_claim_after_places_the_skeleton_in_reading_order(tree):
    second = CLAIM.replace("claims:\n", "").replace("id: first-claim", "id: second-claim")
    original = CLAIM + "\n  # the second claim, in reading order\n" + second
    data = tree({"claims/alpha.yml": original})
    result = run("new", "claim", "--section", "alpha", "--id", "in-between", "--after", "first-claim", "--data", str(data))
    assert result.returncode == 0, result.stderr
    text = (data / "claims/alpha.yml").read_text()
    ids = [l.strip() for l in text.splitlines() if l.startswith("  - id:")]
    assert ids == ["- id: first-claim", "- id: in-between", "- id: second-claim"]
    start = text.splitlines().index("  - id: in-between") + 1
    assert result.stdout.startswith(f"{data / 'claims/alpha.yml'}:{start}: added a skeleton claim 'in-between'")
    # removing the skeleton gives back the file byte for byte: nothing else moved or was lost
    block_end = text.index("  # the second claim")
    block_start = text.index("\n  - id: in-between")
    assert text[:block_start] + "\n" + text[block_end:] == original
    refused = run("new", "claim", "--section", "alpha", "--id", "other", "--after", "no-such", "--data", str(data))
    assert refused.returncode == 2
    assert refused.stderr == (
        "explainer new: claim 'no-such' is not in data/claims/alpha.yml "
        "(its claims: first-claim, second-claim)\n"
    )


def test_new_claim_refuses_unknown_section_and_taken_id(tree):
    data = tree()
    assert run("new", "claim", "--section", "nope", "--id", "x-y", "--data", str(data)).returncode == 2
    assert run("new", "claim", "--section", "alpha", "--id", "first-claim", "--data", str(data)).returncode == 2
    assert run("new", "claim", "--section", "alpha", "--id", "Bad_Id", "--data", str(data)).returncode == 2


@pytest.mark.parametrize("column0", [False, True])
def test_new_source_appends_a_skeleton_in_the_files_own_indentation(tree, column0):
    from conftest import SOURCES

    text = SOURCES if not column0 else "\n".join(l[2:] if l.startswith("  ") else l for l in SOURCES.splitlines()) + "\n"
    data = tree({"sources.yml": text})
    assert run("check", "--data", str(data)).returncode == 0
    for new_id in ("src-new", "src-newer"):
        result = run("new", "source", "--id", new_id, "--data", str(data))
        assert result.returncode == 0, result.stderr
    check = run("check", "--data", str(data))
    assert check.returncode == 1
    # only the two skeletons are reported: the file still parses and nothing else breaks
    *lines, summary = check.stdout.strip().splitlines()
    assert summary.endswith("errors and 0 warnings.")
    subjects = {line.split(": ")[1] for line in lines}
    assert subjects == {"source 'src-new'", "source 'src-newer'"}, check.stdout
    assert "[empty-text]" in check.stdout and "type '' is not one of" in check.stdout


def test_main_returns_codes_in_process(tree):
    assert main(["check", "--data", str(tree())]) == 0
