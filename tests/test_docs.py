"""Every command, make target and macro is documented (README or the contributing page)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import PROJECT
from explainer.checks import CODES
from explainer.cli import build_parser

README = (PROJECT / "README.md").read_text(encoding="utf-8")
CONTRIBUTING = (PROJECT / "docs" / "contributing.md").read_text(encoding="utf-8")
DOCS = README + CONTRIBUTING


def _subcommands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return list(action.choices)


class FakeEnv:
    def __init__(self):
        self.macros: dict = {}
        self.variables: dict = {}

    def macro(self, fn=None, name=None):
        if fn is None:
            return lambda f: self.macro(f, name)
        self.macros[name or fn.__name__] = fn
        return fn


def _macros() -> dict:
    import macros

    env = FakeEnv()
    macros.define_env(env)
    return env.macros


@pytest.mark.parametrize("command", _subcommands())
def test_every_cli_command_is_documented(command):
    assert f"explainer {command}" in DOCS


@pytest.mark.parametrize("command", _subcommands())
def test_every_cli_command_has_help(command):
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    assert any(choice.dest == command for choice in action._choices_actions)


@pytest.mark.parametrize("name", sorted(_macros()))
def test_every_macro_is_documented_with_a_docstring(name):
    fn = _macros()[name]
    assert fn.__doc__ and fn.__doc__.strip()
    assert re.search(rf"`{name}\(", CONTRIBUTING), name


@pytest.mark.parametrize("target", ["serve", "site", "test", "check", "bench", "bench-quick", "dist", "lock"])
def test_every_make_target_is_documented_and_exists(target):
    makefile = (PROJECT / "Makefile").read_text()
    assert re.search(rf"^{re.escape(target)}:", makefile, re.M)
    assert f"make {target}" in README


def test_every_problem_code_appears_in_the_contributing_table():
    # the page renders CODES through the problem_codes() macro; make sure the macro is called
    assert "{{ problem_codes() }}" in CONTRIBUTING
    assert len(CODES) >= 25


@pytest.mark.parametrize("code", sorted(CODES))
def test_readme_lists_every_problem_code_with_an_example(code):
    row = next((l for l in README.splitlines() if l.startswith(f"| `{code}` |")), None)
    assert row is not None, code
    assert f"[{code}]" in row  # an example message in the one shape
    assert re.search(r"`\S+:\d+: ", row)


def _case_messages() -> dict[str, set[str]]:
    """code -> the messages the bad-input cases really produce, with paths shown as data/..."""
    import os
    import tempfile

    from conftest import FIXTURE_TODAY, write_tree
    from explainer.load import load_and_check
    from test_bad_input import CASES

    found: dict[str, set[str]] = {}
    before = os.environ.get("EXPLAINER_TODAY")
    os.environ["EXPLAINER_TODAY"] = FIXTURE_TODAY
    try:
        for _, files, _, _, code in CASES:
            with tempfile.TemporaryDirectory() as tmp:
                data = write_tree(Path(tmp), files)
                for p in load_and_check(data)[1]:
                    if p.code == code:
                        found.setdefault(code, set()).add(p.format().replace(str(data), "data"))
    finally:
        if before is None:
            os.environ.pop("EXPLAINER_TODAY", None)
        else:
            os.environ["EXPLAINER_TODAY"] = before
    return found


def test_readme_examples_are_what_a_real_run_prints():
    """Each README example for a code the bad-input suite covers is a message that suite really produces."""
    produced = _case_messages()
    stale = {}
    for code, messages in produced.items():
        row = next(l for l in README.splitlines() if l.startswith(f"| `{code}` |"))
        example = row.rsplit("| `", 1)[1].rsplit("` |", 1)[0]
        if example not in messages:
            stale[code] = (example, sorted(messages)[0])
    assert stale == {}


def _doc_examples(text: str) -> dict[str, tuple[str, list[str]]]:
    """``<!-- example: NAME -->`` console blocks: name -> (command, output lines)."""
    found = {}
    for match in re.finditer(r"<!-- example: (\S+) -->\n```console\n\$ ([^\n]+)\n(.*?)```", text, re.S):
        found[match.group(1)] = (match.group(2), match.group(3).splitlines())
    return found


def _run_here(root: Path, command: str) -> list[str]:
    import os
    import shlex
    import subprocess
    import sys

    args = shlex.split(command)
    assert args[0] == "explainer", command
    env = {**os.environ, "EXPLAINER_TODAY": "2026-11-26"}  # the synthetic tree's day
    result = subprocess.run([sys.executable, "-m", "explainer", *args[1:]], cwd=root, capture_output=True, text=True, env=env)
    return (result.stdout + result.stderr).splitlines()


def test_contributing_examples_are_what_real_runs_print(tmp_path):
    from conftest import CLAIM, write_tree
    from test_bad_input import B, LINKED, SECOND, sub

    examples = _doc_examples(CONTRIBUTING)
    assert set(examples) == {"new-after", "skeleton-check", "stale", "tab"}
    runs = {}
    linked = tmp_path / "linked"
    write_tree(linked, LINKED)
    runs["new-after"] = _run_here(linked, examples["new-after"][0])
    runs["skeleton-check"] = _run_here(linked, examples["skeleton-check"][0])
    broken = tmp_path / "broken"
    write_tree(broken, {**LINKED, B: sub(SECOND, "    kind: fact", "\tkind: fact")})
    runs["tab"] = _run_here(broken, examples["tab"][0])
    old = tmp_path / "old"
    write_tree(old, {"claims/alpha.yml": CLAIM.replace("as_of: 2026-11-01", "as_of: 2024-01-01").replace("reviewed: 2026-11-02", "reviewed: 2024-01-02")})
    runs["stale"] = _run_here(old, examples["stale"][0])
    assert {name: lines for name, (_, lines) in examples.items()} == runs


def test_readme_problem_table_is_the_registry_in_order():
    """The README's problem-code table lists the registry (explainer.checks.CODES): every code, its
    meaning word for word, in the registry's order; the examples are checked above against real runs."""
    rows = re.findall(r"^\| `([a-z-]+)` \| (.*?) \| `.*` \|$", README, flags=re.M)
    assert rows == list(CODES.items())
