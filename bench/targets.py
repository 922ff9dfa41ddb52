"""The targets of issue 7, checked against one result. ``met`` is None when not measured in this run."""

from __future__ import annotations


def _size(result: dict, n: int) -> dict | None:
    return next((s for s in result.get("sizes", []) if s["claims"] == n), None)


def _t(target: str, value, limit, unit: str, fmt: str, le: bool = True, strict: bool = False) -> dict:
    if value is None:
        return {"target": target, "value": "-", "met": None, "limit": limit}
    met = (value < limit if strict else value <= limit) if le else value >= limit
    return {"target": target, "value": f"{fmt.format(value)}{unit} ({fmt.format(value - limit)}{unit} vs target)"
            if not met else f"{fmt.format(value)}{unit}", "met": met, "limit": limit, "measured": value}


def evaluate(result: dict) -> list[dict]:
    out = []
    s10k = _size(result, 10_000)
    out.append(_t("explainer check, 10,000 claims < 2 s", s10k and s10k["check_s"], 2.0, " s", "{:.2f}", strict=True))
    out.append(_t("explainer check, real data < 0.5 s", result.get("check_real_s"), 0.5, " s", "{:.3f}", strict=True))
    s1k, s5k = _size(result, 1_000), _size(result, 5_000)
    out.append(_t("data-layer overhead at 1,000 claims <= 1.10 x plain", s1k and s1k.get("overhead_ratio"), 1.10, " x", "{:.3f}"))
    growth = None
    if s1k and s5k and s1k.get("build_s") and s5k.get("build_s"):
        growth = s5k["build_s"] / s1k["build_s"]
    out.append(_t("build 5,000 claims <= 5.5 x build 1,000", growth, 5.5, " x", "{:.2f}"))
    out.append(_t("edit-to-reload under mkdocs serve < 3 s", result.get("reload_s"), 3.0, " s", "{:.2f}", strict=True))
    section = (result.get("page_bytes") or {}).get("section")
    out.append(_t("section page HTML <= 60 KB (raw)", section and section["html"]["raw"] / 1000, 60, " KB", "{:.1f}"))
    real_first = section and (section.get("first_use") or {}).get("first_load_gzip_bytes")
    out.append(_t("section page first load and one search <= 250 KB gzip (real site)",
                  real_first and real_first / 1000, 250, " KB", "{:.1f}"))
    first = s1k and (s1k.get("site") or {}).get("first_load_gzip_bytes")
    out.append(_t("section page first load and one search at 1,000 claims <= 250 KB gzip",
                  first and first / 1000, 250, " KB", "{:.1f}"))
    lh = result.get("lighthouse") or {}
    for kind in ("home", "section", "claim"):
        page = (lh.get("pages") or {}).get(kind)
        scores = page["scores"] if page else {}
        out.append(_t(f"Lighthouse {kind}: performance >= 0.98", scores.get("performance"), 0.98, "", "{:.2f}", le=False))
        for cat in ("accessibility", "best-practices", "seo"):
            out.append(_t(f"Lighthouse {kind}: {cat} = 1.0", scores.get(cat), 1.0, "", "{:.2f}", le=False))
    if result.get("mode") == "quick":
        out.append(_t("python -m bench --quick < 5 min", result.get("elapsed_s"), 300, " s", "{:.0f}", strict=True))
    return out
