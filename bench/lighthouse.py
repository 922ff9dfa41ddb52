"""Lighthouse 12 (mobile preset) on pages of the built site, served with gzip by bench/gzserve.py.

Optional: it needs Node/npm and a Chromium already installed (``/usr/bin/chromium``; a browser is
never downloaded). Lighthouse itself is installed with npm into a scratch folder outside the repo
(``/tmp/lh`` by default, ``BENCH_LIGHTHOUSE_DIR`` to change). Anything missing: skipped with a note.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
from pathlib import Path

from bench import gzserve
from bench.reload import free_port

LH_DIR = Path(os.environ.get("BENCH_LIGHTHOUSE_DIR", "/tmp/lh"))
LH_SPEC = "lighthouse@12"
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --no-first-run --disable-sync --disable-quic")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
           "speed-index")


def _binary() -> tuple[Path | None, str]:
    if not Path(CHROME).exists():
        return None, f"{CHROME} not found (a browser is never downloaded)"
    npm = shutil.which("npm")
    if not shutil.which("node") or not npm:
        return None, "node/npm not found"
    binary = LH_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        LH_DIR.mkdir(parents=True, exist_ok=True)
        if not (LH_DIR / "package.json").exists():
            (LH_DIR / "package.json").write_text('{"name": "bench-lighthouse", "private": true}\n')
        proc = subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", "--loglevel=error", LH_SPEC],
            cwd=LH_DIR, capture_output=True, text=True, timeout=900,
            env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "PUPPETEER_SKIP_CHROMIUM_DOWNLOAD": "1"},
        )
        if proc.returncode != 0 or not binary.exists():
            return None, f"npm install {LH_SPEC} failed: {proc.stderr.strip()[-300:]}"
    return binary, ""


def _version(binary: Path) -> str:
    try:
        return subprocess.run([str(binary), "--version"], capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


def _one(binary: Path, url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": CHROME}
    proc = subprocess.run(
        [str(binary), url, "--output=json", f"--output-path={out}", "--quiet", f"--chrome-flags={CHROME_FLAGS}"],
        capture_output=True, text=True, timeout=300, env=env,
    )
    if proc.returncode != 0 or not out.exists():
        raise RuntimeError(f"lighthouse failed on {url}: {proc.stderr.strip()[-500:]}")
    report = json.loads(out.read_text())
    scores = {c: report["categories"][c]["score"] for c in CATEGORIES if c in report["categories"]}
    metrics = {m: report["audits"][m].get("numericValue") for m in METRICS if m in report["audits"]}
    failing: dict[str, list[str]] = {}
    for cid in CATEGORIES:
        cat = report["categories"].get(cid)
        if not cat:
            continue
        for ref in cat["auditRefs"]:
            audit = report["audits"].get(ref["id"], {})
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failing.setdefault(cid, []).append(ref["id"])
    savings = {}
    for aid, audit in report["audits"].items():
        details = audit.get("details") or {}
        ms = details.get("overallSavingsMs") or (audit.get("metricSavings") or {}).get("LCP")
        if details.get("type") == "opportunity" and ms and ms > 0:
            savings[aid] = round(ms)
    lcp = ((report["audits"].get("largest-contentful-paint-element") or {}).get("details") or {}).get("items") or []
    lcp_node = ""
    for item in lcp:
        for sub in (item.get("items") or [item]):
            node = sub.get("node") if isinstance(sub, dict) else None
            if node and node.get("snippet"):
                lcp_node = node["snippet"][:160]
                break
        if lcp_node:
            break
    return {"scores": scores, "metrics": metrics, "failing": failing, "savings_ms": savings, "lcp_element": lcp_node,
            "runtime_error": (report.get("runtimeError") or {}).get("message")}


def run_lighthouse(site: Path, pages: dict[str, str], scratch: Path, runs: int = 3) -> dict:
    """``pages`` maps a kind (home, section, claim) to a URL path. Returns the median score per category."""
    binary, why = _binary()
    if binary is None:
        return {"skipped": why}
    server, base = gzserve.start(site, free_port())
    result: dict = {"version": _version(binary), "preset": "mobile (default)", "runs": runs,
                    "server": "bench/gzserve.py (gzip, Cache-Control max-age=600)", "pages": {}}
    try:
        for kind, path in pages.items():
            reports = [_one(binary, base + path, scratch / f"lh-{kind}-{i}.json") for i in range(runs)]
            scores = {c: statistics.median([r["scores"][c] for r in reports if c in r["scores"]]) for c in CATEGORIES}
            metrics = {m: round(statistics.median([r["metrics"][m] for r in reports if r["metrics"].get(m) is not None]), 3)
                       for m in METRICS if any(r["metrics"].get(m) is not None for r in reports)}
            failing = sorted({a for r in reports for c in r["failing"] for a in r["failing"][c]})
            result["pages"][kind] = {
                "url": path, "scores": scores, "metrics_ms": metrics,
                "performance_runs": [r["scores"].get("performance") for r in reports],
                "audits_below_1": failing,
                "opportunities_ms": {k: max(r["savings_ms"].get(k, 0) for r in reports)
                                     for k in sorted({k for r in reports for k in r["savings_ms"]})},
                "lcp_element": reports[-1]["lcp_element"],
            }
    finally:
        server.terminate()
        server.wait(timeout=10)
    return result
