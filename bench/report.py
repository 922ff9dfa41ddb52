"""The benchmark's report: the Markdown table printed after a run and saved beside the JSON (for the README)."""

from __future__ import annotations


def _r(summary: dict | None, fmt: str = "{:.2f}") -> str:
    if not summary:
        return "-"
    return f"{fmt.format(summary['median'])} ({fmt.format(summary['min'])}-{fmt.format(summary['max'])})"


def _first(used: dict) -> str:
    if used.get("first_load_page_only_gzip_bytes") is None:
        return used.get("first_load_method", "-")
    return f"{used['first_load_page_only_gzip_bytes']:,} / {used['first_load_gzip_bytes']:,}"


def table(result: dict) -> str:
    m = result["machine"]
    lines = [
        f"AI Race, Annotated: benchmark ({result['mode']}, {result['runs']} runs, median (min-max)) "
        f"{result['date']} on {m['cores']} cores, {m['ram_gib']} GiB, Python {m['python']}",
        f"Measured: {result['revision'].get('source')} at {result['revision'].get('commit')}"
        + (" (with uncommitted changes)" if result["revision"].get("uncommitted_changes") else "")
        + f"; elapsed {result.get('elapsed_s', 0):.0f} s",
        "",
        "| claims | check s | check peak MiB | build s | plain build s | overhead (data/plain) | build peak MiB "
        "| section page + one search, KB gzip |",
        "|---:|---|---:|---|---|---|---:|---:|",
    ]
    busy = []
    for s in result["sizes"]:
        flag = " *" if s.get("limit_raised") else ""
        share = max(s.get("other_cpu_share") or 0, s["check"].get("other_cpu_share") or 0)
        if share > 0.15:
            busy.append(f"{s['claims']:,} claims: {100 * share:.0f}%")
        lines.append(
            f"| {s['claims']:,}{flag} | {_r(s['check']['wall'])} | {s['peak_mib']:.0f} | {_r(s.get('build'))} | "
            f"{_r(s.get('plain_build'))} | {_r(s.get('overhead'), '{:.3f}')} | "
            f"{s['build_peak_mib']:.0f} | {s['site']['first_load_gzip_bytes'] / 1000:.0f} |" if s.get("build") else
            f"| {s['claims']:,}{flag} | {_r(s['check']['wall'])} | {s['peak_mib']:.0f} | - | - | - | - | - |"
        )
    if any(s.get("limit_raised") for s in result["sizes"]):
        lines.append("")
        lines.append("\\* over the loader's 8 MiB per-file limit: measured with the limit raised (EXPLAINER_MAX_FILE_MB)")
    if busy:
        lines.append("")
        lines.append("Other processes used this share of the machine's CPU while these ran (noisy numbers): "
                     + "; ".join(busy))
    lines.append("")
    real = result.get("real", {})
    if real:
        built = f"real site build {real['real_build']['wall_s']:.2f} s" if "real_build" in real else real.get("error", "")
        lines.append(f"Real data: check {_r(real['check_real']['wall'], '{:.3f}')} s"
                     + (" (the data has errors)" if real["check_real"].get("exit_code") else "") + f"; {built}")
    if result.get("reload_s") is not None:
        lines.append(f"Edit-to-reload (mkdocs serve, real site): {_r(result['reload']['summary'])} s")
    if result.get("page_bytes"):
        lines += ["", "| page | HTML raw / gzip | CSS gzip | JS gzip | search index raw / gzip | total raw / gzip | requests "
                  "| measured: page / page + one search, gzip |",
                  "|---|---|---:|---:|---|---|---:|---|"]
        for kind, pb in result["page_bytes"].items():
            z = lambda k, f="gzip": pb.get(k, {}).get(f, 0)  # noqa: E731
            lines.append(
                f"| {kind} `{pb['url']}` | {z('html', 'raw'):,} / {z('html'):,} | {z('css'):,} | {z('js'):,} | "
                f"{z('search_index', 'raw'):,} / {z('search_index'):,} | {pb['total']['raw']:,} / {pb['total']['gzip']:,} | "
                f"{pb['requests']} | {_first(pb.get('first_use') or {})} |"
            )
    lh = result.get("lighthouse")
    if lh:
        lines.append("")
        if lh.get("skipped"):
            lines.append(f"Lighthouse: skipped ({lh['skipped']})")
        else:
            lines += [f"Lighthouse {lh.get('version', '')} mobile, median of {lh['runs']}, gzip server:", "",
                      "| page | performance | accessibility | best practices | SEO | LCP ms | TBT ms |",
                      "|---|---:|---:|---:|---:|---:|---:|"]
            for kind, pg in lh["pages"].items():
                sc, mt = pg["scores"], pg["metrics_ms"]
                lines.append(
                    f"| {kind} | {sc.get('performance')} | {sc.get('accessibility')} | {sc.get('best-practices')} | "
                    f"{sc.get('seo')} | {mt.get('largest-contentful-paint', 0):.0f} | {mt.get('total-blocking-time', 0):.0f} |"
                )
    lines += ["", "| target | value | met |", "|---|---|---|"]
    for t in result["targets"]:
        met = {True: "yes", False: "**no**", None: "not measured"}[t["met"]]
        lines.append(f"| {t['target']} | {t['value']} | {met} |")
    return "\n".join(lines)
