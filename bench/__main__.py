"""``python -m bench [--quick]``: the benchmarks of issue 13. Prints a table; writes bench/results/latest.json
and latest.md (the table, for the README), and a copy of both under bench/results/runs/."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

from bench import browser, measure
from bench.project import REPO, build_cmd, check_cmd, child_env, make_project, twin_equivalence
from bench.report import table
from bench.targets import evaluate
from explainer.context import SLOTS_ENV

RESULTS = REPO / "bench" / "results"
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "Markdown", "Jinja2", "PyYAML", "pydantic", "pagefind")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    sizes = lambda s: [int(x) for x in s.split(",") if x]  # noqa: E731
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument("--quick", action="store_true", help="builds of 100 and 1,000 claims, the 10,000-claim check, no Lighthouse")
    p.add_argument("--runs", type=int, default=3, help="runs per measurement, median reported (default 3)")
    p.add_argument("--sizes", type=sizes, help="build sizes (default 100,1000,5000; --quick 100,1000)")
    p.add_argument("--check-sizes", type=sizes, default=[10_000], help="sizes for the check alone (default 10000)")
    p.add_argument("--lighthouse", action=argparse.BooleanOptionalAction, help="run Lighthouse (default: unless --quick)")
    p.add_argument("--no-reload", action="store_true", help="skip the mkdocs serve edit-to-reload measurement")
    args = p.parse_args(argv)
    args.sizes = args.sizes if args.sizes is not None else [100, 1_000] + ([] if args.quick else [5_000])
    args.lighthouse = not args.quick if args.lighthouse is None else args.lighthouse
    return args


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def machine() -> dict:
    mem = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal:"))
    return {"cores": os.cpu_count(), "ram_gib": round(mem / 2**20, 1), "python": platform.python_version(),
            "packages": {name: metadata.version(name) for name in PACKAGES}}


def revision() -> dict:
    git = lambda *a: subprocess.run(["git", *a], cwd=REPO, capture_output=True, text=True).stdout.strip()  # noqa: E731
    dirty = git("status", "--porcelain", "--", "explainer", "explainer_mkdocs", "macros", "docs", "data", "mkdocs.yml", "bench",
                ":(exclude)bench/results")
    return {"commit": git("rev-parse", "--short", "HEAD"), "uncommitted_changes": bool(dirty)}


def time_check(data: Path, env: dict, runs: int, ok: tuple[int, ...] = (0,)) -> dict:
    """A first check without the engine's file cache, a warm-up, then ``runs`` timed checks. The real data
    may have errors while it is being edited (exit 1), which still times a full check."""
    cmd = check_cmd(data)
    nocache = measure.run(cmd, data.parent, {**env, "EXPLAINER_CACHE": "0"}, ok=ok)
    measure.run(cmd, data.parent, env, ok=ok)
    results = [measure.run(cmd, data.parent, env, ok=ok) for _ in range(runs)]
    return {"exit_code": results[-1].rc, "nocache_wall_s": nocache.wall_s, "other_cpu_share": measure.other_share(results),
            "wall": measure.summary([r.wall_s for r in results]), "peak_mib": max(r.peak_mib for r in results)}


def bench_builds(n: int, where: Path, env: dict, runs: int) -> dict:
    """Data build and plain twin, alternately (A B A B ...: the ratio is taken pair by pair)."""
    project = make_project(where / "project", where / "data")
    twin = where / "plain"
    subprocess.run([sys.executable, "-m", "bench.project", str(project), str(twin)], cwd=REPO, env=env, check=True)
    data_runs, plain_runs, record = [], [], {}
    for i in range(runs):
        site, plain_site = where / f"site-{i}", where / f"plain-{i}"
        data_runs.append(measure.run(build_cmd(site), project, env))
        plain_runs.append(measure.run(build_cmd(plain_site), twin, env))
        say(f"[{n:,} claims] pair {i + 1}/{runs}: data {data_runs[-1].wall_s:.2f} s, plain {plain_runs[-1].wall_s:.2f} s")
        if i == 0:
            used = browser.first_use(site, "leads/")
            record.update(twin_equivalence=twin_equivalence(site, plain_site), first_use=used,
                          first_load_gzip_bytes=used["first_load_gzip_bytes"],
                          section_html_bytes=(site / "leads" / "index.html").stat().st_size)
            # The gain from slots: the same build with finished HTML put through the Markdown pass.
            record["no_slots_build_s"] = measure.run(build_cmd(where / "no-slots"), project, {**env, SLOTS_ENV: "0"}).wall_s
            shutil.rmtree(where / "no-slots")
        shutil.rmtree(site)
        shutil.rmtree(plain_site)
    return {**record, "build": measure.summary([r.wall_s for r in data_runs]),
            "plain_build": measure.summary([r.wall_s for r in plain_runs]),
            "overhead": measure.summary([a.wall_s / b.wall_s for a, b in zip(data_runs, plain_runs)]),
            "build_peak_mib": max(r.peak_mib for r in data_runs), "other_cpu_share": measure.other_share(data_runs + plain_runs)}


def bench_size(n: int, scratch: Path, env: dict, runs: int, build: bool) -> dict:
    where = scratch / f"claims-{n}"
    info = json.loads(subprocess.run([sys.executable, "-m", "bench.synth", str(n), str(where / "data")], cwd=REPO,
                                     check=True, capture_output=True, text=True).stdout)
    from explainer.yamlfile import LIMIT_ENV, MAX_BYTES

    record = {"claims": n, "data_bytes": sum(info["file_bytes"].values()),
              "limit_raised": max(info["file_bytes"].values()) > MAX_BYTES}
    if record["limit_raised"]:  # the engine refuses files over 8 MiB: raise its limit, and say so
        env = {**env, LIMIT_ENV: "1024"}
    record["check"] = time_check(where / "data", env, runs)
    say(f"[{n:,} claims] check {record['check']['wall']['median']:.2f} s")
    if build:
        record.update(bench_builds(n, where, env, runs))
    shutil.rmtree(where)
    return record


def bench_real(scratch: Path, env: dict, runs: int, reload: bool, lighthouse: bool) -> dict:
    from bench.reload import first_claim, measure_reload

    out: dict = {"check": time_check(REPO / "data", env, runs, ok=(0, 1))}
    site = scratch / "real-site"
    out["build_s"] = measure.run(build_cmd(site), make_project(scratch / "real-project"), env).wall_s
    pages = {"home": "", "section": "leads/", "claim": f"claims/{first_claim(REPO / 'data', 'leads')}/"}
    out["pages"] = {kind: {"url": "/" + path, "html_bytes": (site / path / "index.html").stat().st_size,
                           **browser.first_use(site, path)} for kind, path in pages.items()}
    say(f"[real site] check {out['check']['wall']['median']:.3f} s, build {out['build_s']:.2f} s")
    if reload:
        out["reload"] = measure_reload(scratch, env, edits=runs)
        out["reload"]["summary"] = measure.summary(out["reload"]["times"])
    if lighthouse:
        try:
            out["lighthouse"] = browser.lighthouse(site, {k: "/" + p for k, p in pages.items()}, scratch, runs)
        except (OSError, subprocess.SubprocessError, KeyError, ValueError) as exc:
            out["lighthouse"] = {"skipped": f"{type(exc).__name__}: {exc}"[:400]}
    return out


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    scratch, env, started = Path(tempfile.mkdtemp(prefix="ax-bench-")), child_env(), time.perf_counter()
    result: dict = {"schema": 2, "mode": "quick" if args.quick else "full", "runs": args.runs,
                    "date": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
                    "machine": machine(), "revision": revision()}
    try:
        result["sizes"] = [bench_size(n, scratch, env, args.runs, n in args.sizes)
                           for n in sorted(set(args.sizes) | set(args.check_sizes))]
        result["real"] = bench_real(scratch, env, args.runs, not args.no_reload, args.lighthouse)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    result["elapsed_s"] = round(time.perf_counter() - started)
    result["targets"] = evaluate(result)
    text = table(result)
    print(text)
    stamp = result["date"].replace(":", "").replace("+0000", "Z") + "-" + result["mode"]
    (RESULTS / "runs").mkdir(parents=True, exist_ok=True)
    for path in (RESULTS / "latest", RESULTS / "runs" / stamp):
        path.with_suffix(".json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        path.with_suffix(".md").write_text(text + "\n", encoding="utf-8")
    say(f"wrote {RESULTS / 'latest.json'} ({result['elapsed_s']} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
