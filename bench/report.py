"""The benchmark's report: the Markdown table printed after a run and saved beside the JSON (for the README)."""

from __future__ import annotations


def _r(summary: dict | None, fmt: str = "{:.2f}") -> str:
    """Median (min-max)."""
    return f"{fmt.format(summary['median'])} ({fmt.format(summary['min'])}-{fmt.format(summary['max'])})" if summary else "-"


def _kb(n: int | None) -> str:
    return "-" if n is None else f"{n / 1000:.1f}"


def _sizes(result: dict) -> list[str]:
    lines = ["| claims | check s | check peak MiB | build s | plain twin s | overhead (data/twin) | no slots s "
             "| build peak MiB | section page + one search, KB gzip |", "|---:|---|---:|---|---|---|---:|---:|---:|"]
    for s in result["sizes"]:
        c = s["check"]
        built = (f"{_r(s['build'])} | {_r(s['plain_build'])} | {_r(s['overhead'], '{:.3f}')} | {s['no_slots_build_s']:.2f} | "
                 f"{s['build_peak_mib']:.0f} | {_kb(s['first_load_gzip_bytes'])}" if "build" in s else "- | - | - | - | - | -")
        lines.append(f"| {s['claims']:,}{' *' if s['limit_raised'] else ''} | {_r(c['wall'])} | {c['peak_mib']:.0f} | {built} |")
    if any(s["limit_raised"] for s in result["sizes"]):
        lines.append("\n\\* over the loader's 8 MiB per-file limit: measured with the limit raised (EXPLAINER_MAX_FILE_MB)")
    noisy = [f"{s['claims']:,} claims {100 * share:.0f}%" for s in result["sizes"]
             if (share := max(s.get("other_cpu_share", 0), s["check"]["other_cpu_share"])) > 0.15]
    if noisy:
        lines.append("\nOther processes used this share of the machine's CPU meanwhile (noisy numbers): " + "; ".join(noisy))
    return lines


def _real(real: dict) -> list[str]:
    lines = [f"Real data: check {_r(real['check']['wall'], '{:.3f}')} s"
             + (" (the data has errors)" if real["check"]["exit_code"] else "") + f"; site build {real['build_s']:.2f} s"]
    if "reload" in real:
        lines.append(f"Edit-to-reload (mkdocs serve, real site): {_r(real['reload']['summary'])} s")
    lines += ["", "| page | HTML raw bytes | on the wire, KB gzip: HTML / CSS / JS / other | page | page + one search | requests |",
              "|---|---:|---|---:|---:|---:|"]
    for kind, p in real["pages"].items():
        k = p["page_by_kind"]
        other = p["page_gzip_bytes"] - sum(k.get(x, 0) for x in ("document", "stylesheet", "script"))
        lines.append(f"| {kind} `{p['url']}` | {p['html_bytes']:,} | {_kb(k.get('document', 0))} / {_kb(k.get('stylesheet', 0))} / "
                     f"{_kb(k.get('script', 0))} / {_kb(other)} | {_kb(p['page_gzip_bytes'])} | {_kb(p['first_load_gzip_bytes'])} "
                     f"| {p['page_requests']} + {p['requests'] - p['page_requests']} |")
    lh = real.get("lighthouse")
    if lh and lh.get("skipped"):
        lines += ["", f"Lighthouse: skipped ({lh['skipped']})"]
    elif lh:
        lines += ["", f"Lighthouse {lh['version']} mobile, median of {lh['runs']}, gzip server:", "",
                  "| page | performance (runs) | accessibility | best practices | SEO | LCP ms | TBT ms |",
                  "|---|---|---:|---:|---:|---:|---:|"]
        for kind, pg in lh["pages"].items():
            sc, mt = pg["scores"], pg["metrics_ms"]
            lines.append(f"| {kind} | {sc['performance']} ({', '.join(map(str, pg['performance_runs']))}) | {sc['accessibility']} "
                         f"| {sc['best-practices']} | {sc['seo']} | {mt['largest-contentful-paint']} | {mt['total-blocking-time']} |")
    return lines


def table(result: dict) -> str:
    m, rev = result["machine"], result["revision"]
    lines = [f"AI Race, Annotated: benchmark ({result['mode']}, {result['runs']} runs, median (min-max)) {result['date']} "
             f"on {m['cores']} cores, {m['ram_gib']} GiB, Python {m['python']}",
             f"Measured: {rev['commit']}{' with uncommitted changes' if rev['uncommitted_changes'] else ''}; "
             f"elapsed {result['elapsed_s']} s", "", *_sizes(result), "", *_real(result["real"]),
             "", "| target | value | met |", "|---|---|---|"]
    for t in result["targets"]:
        lines.append(f"| {t['target']} | {t['value']} | {({True: 'yes', False: '**no**', None: 'not measured'})[t['met']]} |")
    return "\n".join(lines)
