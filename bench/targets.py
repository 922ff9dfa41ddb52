"""Issue 13's targets, checked against one result: ``met`` is None when this run did not measure it."""

from __future__ import annotations

import operator


def _size(result: dict, n: int) -> dict:
    return next((s for s in result["sizes"] if s["claims"] == n), {})


def _target(name: str, value, limit: float, unit: str, fmt: str, op=operator.le) -> dict:
    if value is None:
        return {"target": name, "value": "-", "met": None, "limit": limit}
    met = op(value, limit)
    shown = fmt.format(value) + unit + ("" if met else f" ({fmt.format(value - limit)}{unit} vs target)")
    return {"target": name, "value": shown, "met": met, "limit": limit, "measured": value}


def evaluate(result: dict) -> list[dict]:
    s1k, s5k, s10k = _size(result, 1_000), _size(result, 5_000), _size(result, 10_000)
    real = result.get("real") or {}
    section = (real.get("pages") or {}).get("section") or {}
    build = lambda s: (s.get("build") or {}).get("median")  # noqa: E731
    check = lambda s: s["check"]["wall"]["median"] if s else None  # noqa: E731
    first = s1k.get("first_load_gzip_bytes")
    out = [
        _target("explainer check, 10,000 claims < 2 s", check(s10k), 2.0, " s", "{:.2f}", operator.lt),
        _target("explainer check, real data < 0.3 s", check(real), 0.3, " s", "{:.3f}", operator.lt),
        _target("data-layer overhead at 1,000 claims <= 1.10 x the plain twin", (s1k.get("overhead") or {}).get("median"),
                1.10, " x", "{:.3f}"),
        _target("build 5,000 claims <= 5.5 x build 1,000", build(s5k) / build(s1k) if build(s5k) and build(s1k) else None,
                5.5, " x", "{:.2f}"),
        _target("build peak memory at 5,000 claims < 1 GiB", s5k.get("build_peak_mib"), 1024, " MiB", "{:.0f}", operator.lt),
        _target("edit-to-reload under mkdocs serve < 3 s", ((real.get("reload") or {}).get("summary") or {}).get("median"),
                3.0, " s", "{:.2f}", operator.lt),
        _target("section page HTML <= 60 KB (real site)", section.get("html_bytes") and section["html_bytes"] / 1000, 60, " KB", "{:.1f}"),
        _target("section page and one search <= 250 KB gzip (real site)",
                section.get("first_load_gzip_bytes") and section["first_load_gzip_bytes"] / 1000, 250, " KB", "{:.1f}"),
        _target("section page and one search at 1,000 claims <= 250 KB gzip", first and first / 1000, 250, " KB", "{:.1f}"),
    ]
    pages = (real.get("lighthouse") or {}).get("pages") or {}
    for kind in ("home", "section", "claim"):
        scores = (pages.get(kind) or {}).get("scores") or {}
        out.append(_target(f"Lighthouse {kind}: performance >= 0.98", scores.get("performance"), 0.98, "", "{:.2f}", operator.ge))
        for category in ("accessibility", "best-practices", "seo"):
            out.append(_target(f"Lighthouse {kind}: {category} = 1", scores.get(category), 1.0, "", "{:.2f}", operator.ge))
    return out
