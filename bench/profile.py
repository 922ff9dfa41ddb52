"""Where the time goes: ``python -m bench.profile [--what build|plain|check] [--claims N]``.

Generates N synthetic claims (default 1,000), runs one ``mkdocs build`` of the data-driven site (or of
its plain-Markdown twin, or ``explainer check``) under cProfile in a child process, and prints the time
by package (self time) and the top functions by cumulative time. The .prof file is kept under
bench/results/runs/ (not committed) for snakeviz or pstats.
"""

from __future__ import annotations

import argparse
import pstats
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from bench import synth
from bench.project import BENCH, capture_plain, child_env, make_project, raised_limits, source_root

GROUPS = (
    ("explainer/", "explainer (engine)"), ("macros/", "macros (adapter)"), ("mkdocs_macros", "mkdocs-macros"),
    ("material/", "mkdocs-material"), ("mkdocs/contrib/search", "mkdocs search plugin"), ("mkdocs/", "mkdocs"),
    ("markdown/", "Python-Markdown"), ("pymdownx", "pymdown-extensions"), ("jinja2", "Jinja2"),
    ("yaml/", "PyYAML"), ("pydantic", "pydantic"), ("nh3", "nh3"), ("matplotlib", "matplotlib"),
    ("babel", "babel"), ("re/", "re"), ("html/", "html"), ("json/", "json"),
)


def group_of(filename: str) -> str:
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins"
    for needle, label in GROUPS:
        if needle in filename:
            return label
    return "other"


def report(prof: Path, top: int = 25) -> str:
    stats = pstats.Stats(str(prof))
    total = stats.total_tt
    by_group: dict[str, float] = defaultdict(float)
    for (filename, _line, _name), (_cc, _nc, tt, _ct, _callers) in stats.stats.items():
        by_group[group_of(filename)] += tt
    lines = [f"total {total:.2f} s under cProfile", "", "self time by package:"]
    for label, tt in sorted(by_group.items(), key=lambda kv: -kv[1]):
        lines.append(f"  {tt:7.2f} s  {100 * tt / total:5.1f}%  {label}")
    lines += ["", f"top {top} functions by cumulative time (ours and the big ones):"]
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][3])
    shown = 0
    for (filename, line, name), (_cc, nc, tt, ct, _callers) in rows:
        if ct < 0.02 * total:
            break
        short = filename.split("site-packages/")[-1].split("/work/")[-1]
        lines.append(f"  {ct:7.2f} s cum  {tt:6.2f} s self  {nc:>9} calls  {short}:{line} {name}")
        shown += 1
        if shown >= top:
            break
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    p.add_argument("--claims", type=int, default=1000)
    p.add_argument("--what", choices=("build", "plain", "check"), default="build")
    p.add_argument("--top", type=int, default=25)
    args = p.parse_args(argv)
    env = child_env()
    scratch = Path(tempfile.mkdtemp(prefix="ax-bench-profile-"))
    out_dir = BENCH / "results" / "runs"
    out_dir.mkdir(parents=True, exist_ok=True)
    prof = out_dir / f"profile-{args.what}-{args.claims}.prof"
    try:
        info = synth.generate(args.claims, scratch / "data", source_root() / "data", source_root() / "docs")
        from explainer.yamlfile import MAX_BYTES

        unlimited = max(info["file_bytes"].values()) > MAX_BYTES
        if unlimited:
            env = raised_limits(env)
        runner = [sys.executable, "-m", "cProfile", "-o", str(prof), "-m"]
        if args.what == "check":
            cmd, cwd = runner + ["explainer", "check", "--data", str(scratch / "data")], scratch
        else:
            project = make_project(scratch / "project", scratch / "data")
            cwd = project
            if args.what == "plain":
                cwd = capture_plain(project, scratch / "plain", env)
            cmd = runner + ["mkdocs", "build", "--strict", "--quiet", "--site-dir", str(scratch / "site")]
        proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
        if proc.returncode != 0 or not prof.exists():
            print(proc.stderr[-3000:], file=sys.stderr)
            return 1
        print(f"{args.what}, {args.claims:,} claims" + (" (loader limit raised)" if unlimited else ""))
        print(report(prof, args.top))
        print(f"\nprofile saved to {prof}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
