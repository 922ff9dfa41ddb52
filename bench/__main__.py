"""``python -m bench [--quick]``: the benchmarks of issue 7; prints a table, writes bench/results/latest.json."""

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

from bench import measure, synth
from bench.project import (BENCH, REPO, capture_plain, check_cmd, child_env, make_project, mkdocs_cmd, raised_limits,
                           source_root, use_revision)
from bench.compare import compare_sites
from bench.report import table
from bench.targets import evaluate
from bench.weight import page_weight

RESULTS = BENCH / "results"
FULL_SIZES = (100, 1_000, 5_000)
QUICK_SIZES = (100, 1_000)
CHECK_ONLY_SIZES = (10_000,)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument("--quick", action="store_true", help="builds of 100 and 1,000 claims and the 10,000-claim check (no Lighthouse)")
    p.add_argument("--runs", type=int, default=3, help="runs per measurement, median reported (default 3, at least 3)")
    p.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",") if x], default=None,
                   help="build sizes, comma-separated (default 100,1000,5000; --quick 100,1000)")
    p.add_argument("--check-sizes", type=lambda s: [int(x) for x in s.split(",") if x], default=None,
                   help="extra sizes for the check timing only (default 10000)")
    p.add_argument("--lighthouse", dest="lighthouse", action="store_true", default=None,
                   help="run Lighthouse (default: in the full run only)")
    p.add_argument("--no-lighthouse", dest="lighthouse", action="store_false")
    p.add_argument("--no-reload", action="store_true", help="skip the mkdocs serve edit-to-reload measurement")
    p.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS",
                   help="before each size, wait up to SECONDS for the machine to be idle (default 0: don't wait)")
    p.add_argument("--rev", default=None, metavar="REV",
                   help="measure git revision REV (exported with git archive) instead of the working tree")
    p.add_argument("--scratch", type=Path, default=None,
                   help="folder for the scratch dir (default: the system temp dir); the scratch dir is removed after")
    p.add_argument("--keep", action="store_true", help="keep the scratch folder")
    p.add_argument("--out", type=Path, default=RESULTS / "latest.json", help="results file (default bench/results/latest.json)")
    args = p.parse_args(argv)
    if args.runs < 1:
        p.error("--runs must be at least 1")
    if args.runs < 3:
        print(f"bench: --runs {args.runs} is for trying things out; published numbers use at least 3", file=sys.stderr)
    if args.sizes is None:
        args.sizes = list(QUICK_SIZES if args.quick else FULL_SIZES)
    if args.check_sizes is None:
        args.check_sizes = list(CHECK_ONLY_SIZES)
    if args.lighthouse is None:
        args.lighthouse = not args.quick
    return args


WAITED = {"s": 0.0}


def idle(wait: float, what: str) -> None:
    if wait:
        waited = measure.wait_idle(wait)
        WAITED["s"] += waited
        if waited > 3:
            say(f"[{what}] waited {waited:.0f} s for an idle machine")


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def machine() -> dict:
    mem = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) * 1024
    except OSError:
        pass
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for dist in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "Markdown", "Jinja2", "PyYAML", "pydantic", "nh3"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            pass
    import yaml

    return {
        "cores": os.cpu_count(),
        "ram_gib": round(mem / 2**30, 1),
        "cpu": cpu,
        "python": platform.python_version(),
        "os": platform.platform(),
        "libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
        "packages": versions,
    }


def revision(rev: str | None = None) -> dict:
    """The commit measured, and whether the engine, adapter, templates or data had uncommitted edits."""

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, timeout=10).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    if rev:
        return {"commit": git("rev-parse", "--short", rev) or rev, "source": f"git archive {rev}"}
    dirty = git("status", "--porcelain", "--", "explainer", "explainer_mkdocs", "macros", "docs", "data", "mkdocs.yml")
    return {"commit": git("rev-parse", "--short", "HEAD") or None, "source": "working tree",
            "uncommitted_changes": bool(dirty)}


def time_check(data: Path, cwd: Path, env: dict, runs: int, ok: tuple[int, ...] = (0,)) -> dict:
    """Synthetic data must check clean (exit 0); the real data may have errors (exit 1) while it is
    being edited, which still times a full check (``exit_code`` records it)."""
    cmd = check_cmd(data)
    # Without the engine's file cache (what a first check, or a check after every file changed, costs).
    nocache = measure.run(cmd, cwd, {**env, "EXPLAINER_CACHE": "0"}, ok=ok)
    measure.run(cmd, cwd, env, ok=ok)  # warm-up: the OS file cache and the engine's file cache
    results = [measure.run(cmd, cwd, env, ok=ok) for _ in range(runs)]
    return {
        "exit_code": results[-1].rc,
        "nocache_wall_s": round(nocache.wall_s, 3),
        "other_cpu_share": other_share(results),
        "wall": measure.summary([r.wall_s for r in results]),
        "peak_mib": measure.summary([r.peak_mib for r in results], 1),
        "cpu": measure.summary([r.cpu_s for r in results]),
    }


def other_share(runs: list) -> float:
    """Share of the machine's CPU that other processes used while ours ran (0 = quiet machine)."""
    cores = os.cpu_count() or 1
    wall = sum(r.wall_s for r in runs) * cores
    return round(sum(r.other_cpu_s for r in runs) / wall, 3) if wall else 0.0


def _site_stats(site: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.name == "index.html"]
    section = site / "leads" / "index.html"
    claims = sorted((site / "claims").glob("*/index.html"))
    index = site / "search" / "search_index.json"
    return {
        "pages": len(pages),
        "site_mib": round(sum(p.stat().st_size for p in files) / 2**20, 1),
        "section_html_bytes": section.stat().st_size if section.exists() else None,
        "claim_html_bytes": claims[len(claims) // 2].stat().st_size if claims else None,
        "search_index_bytes": index.stat().st_size if index.exists() else None,
        # everything a reader's first visit to a section page downloads, and one search (measured in Chromium)
        **(_first_use(site) if section.exists() else {"first_load_gzip_bytes": None}),
    }


def _first_use(site: Path, page: str = "leads/") -> dict:
    from bench.firstuse import first_use

    used = first_use(site, page)
    if "skipped" in used:  # no browser: the static count (page, its assets and, with Material, the whole index)
        return {"first_load_gzip_bytes": page_weight(site, page + "index.html")["total"]["gzip"],
                "first_load_method": f"static count ({used['skipped']})"}
    return {"first_load_gzip_bytes": used["first_use_gzip_bytes"], "first_load_page_only_gzip_bytes": used["page_gzip_bytes"],
            "first_load_method": f"Chromium: the section page, then one search for \"{used['query']}\" ({used['requests']} requests)"}


def bench_size(n: int, scratch: Path, env: dict, runs: int, build: bool, wait: float = 0) -> dict:
    where = scratch / f"claims-{n}"
    idle(wait, f"{n:,} claims")
    load_before = [round(x, 2) for x in os.getloadavg()]
    started = time.perf_counter()
    info = synth.generate(n, where / "data", source_root() / "data", source_root() / "docs")
    from explainer.yamlfile import MAX_BYTES

    largest = max(info["file_bytes"].values())
    unlimited = largest > MAX_BYTES
    say(f"[{n:,} claims] data generated in {time.perf_counter() - started:.1f} s "
        f"(largest file {largest / 1e6:.2f} MB{'; over the loader limit, raised' if unlimited else ''})")
    record: dict = {"claims": n, "limit_raised": unlimited, "largest_file_bytes": largest,
                    "data_bytes": sum(info["file_bytes"].values()), "per_section": info["per_section"],
                    "sources": info["sources"]}
    if unlimited:
        env = raised_limits(env)
    check = time_check(where / "data", where, env, runs)
    record.update(check_s=check["wall"]["median"], check_nocache_s=check["nocache_wall_s"],
                  peak_mib=check["peak_mib"]["max"], check=check)
    say(f"[{n:,} claims] check {check['wall']['median']:.2f} s ({check['nocache_wall_s']:.2f} s without the cache), "
        f"{check['peak_mib']['max']:.0f} MiB")
    if not build:
        record.update(build_s=None, plain_build_s=None, overhead_ratio=None)
        record["loadavg"] = {"before": load_before, "after": [round(x, 2) for x in os.getloadavg()]}
        shutil.rmtree(where, ignore_errors=True)
        return record

    project = make_project(where / "project", where / "data")
    started = time.perf_counter()
    plain = capture_plain(project, where / "plain", env)
    say(f"[{n:,} claims] plain pages rendered in {time.perf_counter() - started:.1f} s")
    data_runs, plain_runs, ratios, cpu_ratios = [], [], [], []
    stats = None
    for i in range(runs):  # A B A B ...: the ratio is taken pair by pair
        site = where / f"site-data-{i}"
        a = measure.run(mkdocs_cmd() + ["build", "--strict", "--quiet", "--site-dir", str(site)], project, env)
        if stats is None:
            stats = _site_stats(site)
        data_site = site
        site = where / f"site-plain-{i}"
        b = measure.run(mkdocs_cmd() + ["build", "--strict", "--quiet", "--site-dir", str(site)], plain, env)
        if i == 0:
            plain_stats = _site_stats(site)
            stats["plain_search_index_bytes"] = plain_stats["search_index_bytes"]
            stats["plain_section_html_bytes"] = plain_stats["section_html_bytes"]
            record["plain_equivalence"] = compare_sites(data_site, site)
        shutil.rmtree(data_site, ignore_errors=True)
        shutil.rmtree(site, ignore_errors=True)
        data_runs.append(a)
        plain_runs.append(b)
        ratios.append(a.wall_s / b.wall_s)
        cpu_ratios.append(a.cpu_s / b.cpu_s if b.cpu_s else 0.0)
        say(f"[{n:,} claims] pair {i + 1}/{runs}: data {a.wall_s:.2f} s, plain {b.wall_s:.2f} s, ratio {ratios[-1]:.3f}")
    build = measure.summary([r.wall_s for r in data_runs])
    plain_s = measure.summary([r.wall_s for r in plain_runs])
    ratio = measure.summary(ratios)
    record.update(
        build_s=build["median"], plain_build_s=plain_s["median"], overhead_ratio=ratio["median"],
        build=build, plain_build=plain_s, overhead=ratio,
        build_peak_mib=max(r.peak_mib for r in data_runs), plain_peak_mib=max(r.peak_mib for r in plain_runs),
        build_cpu_s=measure.summary([r.cpu_s for r in data_runs])["median"],
        plain_cpu_s=measure.summary([r.cpu_s for r in plain_runs])["median"],
        site=stats,
        other_cpu_share=other_share(data_runs + plain_runs),
        overhead_cpu=measure.summary(cpu_ratios),
    )
    record["loadavg"] = {"before": load_before, "after": [round(x, 2) for x in os.getloadavg()]}
    shutil.rmtree(where, ignore_errors=True)
    return record


def bench_real(scratch: Path, env: dict, runs: int, do_reload: bool, do_lighthouse: bool, wait: float = 0) -> dict:
    idle(wait, "real site")
    out: dict = {"loadavg_before": [round(x, 2) for x in os.getloadavg()]}
    check = time_check(source_root() / "data", source_root(), env, runs, ok=(0, 1))
    out["check_real"] = check
    say(f"[real data] check {check['wall']['median']:.3f} s")
    if check["exit_code"] != 0:
        say("[real data] the data has errors (explainer check exits 1): the site cannot be built")
    project = make_project(scratch / "real-project")
    site = scratch / "real-site"
    try:
        build = measure.run(mkdocs_cmd() + ["build", "--strict", "--quiet", "--site-dir", str(site)], project, env)
    except measure.CommandFailed as exc:
        out["error"] = f"the real site does not build, so no page weight, reload or Lighthouse: {str(exc)[-1500:]}"
        say(f"[real site] {out['error']}")
        return out
    out["real_build"] = measure.as_dict(build)
    say(f"[real site] build {build.wall_s:.2f} s")
    from bench.reload import first_claim

    claim = first_claim(source_root() / "data", "leads")
    pages = {"home": "index.html", "section": "leads/index.html", "claim": f"claims/{claim}/index.html"}
    page_bytes = {}
    for kind, path in pages.items():
        w = page_weight(site, path)
        url = "/" + path[: -len("index.html")]
        page_bytes[kind] = {"url": url, **w["by_kind"], "total": w["total"], "requests": w["requests"],
                            "files": w["files"], "first_use": _first_use(site, url.lstrip("/"))}
    out["page_bytes"] = page_bytes
    if do_reload:
        from bench.reload import measure_reload

        say("[real site] edit-to-reload under mkdocs serve ...")
        try:
            reload = measure_reload(scratch, env, edits=runs)
            reload["summary"] = measure.summary(reload["times"])
            out["reload"] = reload
            say(f"[real site] reload {reload['summary']['median']:.2f} s")
        except (RuntimeError, OSError) as exc:
            out["reload_error"] = str(exc)
            say(f"[real site] reload failed: {exc}")
    if do_lighthouse:
        from bench.lighthouse import run_lighthouse

        say("[real site] Lighthouse ...")
        try:
            lh = run_lighthouse(site, {k: v["url"] for k, v in page_bytes.items()}, scratch, runs=runs)
        except (RuntimeError, OSError, ValueError, KeyError, subprocess.SubprocessError) as exc:
            lh = {"skipped": f"error: {exc}"[:600]}
        out["lighthouse"] = lh
        say(f"[real site] Lighthouse: {lh.get('skipped') or 'done'}")
    return out


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if args.scratch:
        args.scratch.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="ax-bench-", dir=args.scratch))
    if args.rev:
        use_revision(args.rev, scratch)
    env = child_env()
    started = time.perf_counter()
    result: dict = {
        "schema": 1,
        "mode": "quick" if args.quick else "full",
        "date": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "machine": machine(),
        "revision": revision(args.rev),
        "runs": args.runs,
        "sizes": [],
    }
    try:
        for n in sorted(set(args.sizes) | set(args.check_sizes)):
            result["sizes"].append(bench_size(n, scratch, env, args.runs, n in args.sizes, args.wait_idle))
        real = bench_real(scratch, env, args.runs, not args.no_reload, args.lighthouse, args.wait_idle)
        result["real"] = {k: v for k, v in real.items() if k not in ("page_bytes", "reload", "lighthouse")}
        result["check_real_s"] = real["check_real"]["wall"]["median"]
        result["reload_s"] = real["reload"]["summary"]["median"] if "reload" in real else None
        if "reload" in real:
            result["reload"] = real["reload"]
        result["page_bytes"] = real.get("page_bytes")
        if "lighthouse" in real:
            result["lighthouse"] = real["lighthouse"]
    finally:
        if args.keep:
            say(f"scratch kept in {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    result["elapsed_s"] = round(time.perf_counter() - started - WAITED["s"], 1)
    result["waited_for_idle_s"] = round(WAITED["s"], 1)
    result["targets"] = evaluate(result)
    result["notes"] = [
        "Times are wall seconds of a whole process (`python -m explainer check`, `mkdocs build --strict`), "
        "Python start-up included; peak memory is the process's max RSS (os.wait4).",
        "Synthetic claims follow the real records' shapes and text lengths (bench/synth.py), 5 sources each, "
        "spread over the 7 real section files; the plain twin is every page of the data site written as plain "
        "Markdown (markdownify of each page's article, no pre-rendered HTML) and built by MkDocs and Material "
        "alone; plain_equivalence gives the share of each page's words the twin carries.",
        "KB = 1,000 bytes in the targets.",
    ]
    if any(s.get("limit_raised") for s in result["sizes"]):
        result["notes"].append(
            "Sizes marked limit_raised have data files over explainer.yamlfile.MAX_BYTES (8 MiB); the real engine "
            "refuses them (file-too-large), so those runs raise it with EXPLAINER_MAX_FILE_MB."
        )
    text = table(result)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    args.out.with_suffix(".md").write_text(text + "\n", encoding="utf-8")  # the table, for the README
    runs_dir = RESULTS / "runs"
    runs_dir.mkdir(parents=True, exist_ok=True)
    stamp = result["date"].replace(":", "").replace("+0000", "Z")
    (runs_dir / f"{stamp}-{result['mode']}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    (runs_dir / f"{stamp}-{result['mode']}.md").write_text(text + "\n")
    say(f"wrote {args.out} ({result['elapsed_s']:.0f} s, not counting {result['waited_for_idle_s']:.0f} s waiting for idle)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
