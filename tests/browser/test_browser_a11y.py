"""Accessibility (axe-core, WCAG 2.1 A and AA) in both palettes, and screenshots at desktop and phone widths."""

from __future__ import annotations

from pathlib import Path

import pytest

PAGES = ["home", "section-leads", "claim", "sources", "glossary", "educators"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Not tagged WCAG in axe but failed by stock Material (its search dialog has no name): checked too,
# so the fix in overrides/partials/search.html stays in place.
EXTRA_RULES = ["aria-dialog-name"]


def _axe_script() -> Path:
    import axe_playwright_python

    path = Path(axe_playwright_python.__file__).parent / "axe.min.js"
    assert path.is_file(), f"axe-core is not bundled at {path}"
    return path


def _path_of(key_pages, name: str) -> str:
    return dict((n, p) for p, n in key_pages)[name]


def _format(violations) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} nodes) {v['helpUrl']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("name", PAGES)
def test_axe_reports_no_wcag21_violations(new_context, set_palette, key_pages, name, scheme):
    page = new_context().new_page()
    path = _path_of(key_pages, name)
    page.goto(path)
    if scheme != "default":
        set_palette(page, scheme)
        page.reload()  # load straight into the palette, as a returning reader would
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    if name == "search":
        page.locator("#ax-search-results li").first.wait_for(timeout=10_000)
    page.add_script_tag(path=str(_axe_script()))
    result = page.evaluate(
        """([tags, extra]) => axe.run(document, {
              runOnly: {type: 'tag', values: tags},
              rules: Object.fromEntries(extra.map(id => [id, {enabled: true}])),
              resultTypes: ['violations'],
           }).then(r => ({violations: r.violations, passes: r.passes.map(p => p.id), version: axe.version}))""",
        [WCAG_TAGS, EXTRA_RULES],
    )
    assert "color-contrast" in result["passes"], f"axe {result['version']} did not run color-contrast on {path}"
    if page.locator('[role="dialog"]').count():  # e.g. the theme's search dialog, where it is on
        assert "aria-dialog-name" in result["passes"] + [v["id"] for v in result["violations"]]
    assert not result["violations"], f"axe {result['version']} on {path} ({scheme}):\n" + _format(result["violations"])


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("name", PAGES)
def test_screenshot_and_no_horizontal_scroll(new_context, key_pages, screenshot_dir, name, width):
    mobile = width < 600
    context = new_context(
        viewport={"width": width, "height": 812 if mobile else 900},
        device_scale_factor=1,
        is_mobile=mobile,
        has_touch=mobile,
    )
    page = context.new_page()
    path = _path_of(key_pages, name)
    page.goto(path)
    page.wait_for_load_state("networkidle")
    out = screenshot_dir / f"{name}-{width}.png"
    page.screenshot(path=str(out), full_page=True)
    assert out.stat().st_size > 5_000, f"screenshot {out} looks empty"
    scroll_width, client_width = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    if scroll_width > width:
        culprits = page.evaluate(
            """w => Array.from(document.querySelectorAll('body *'))
                 .filter(el => el.getBoundingClientRect().right > w + 1 && el.getClientRects().length)
                 .slice(0, 8).map(el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' right=' + Math.round(el.getBoundingClientRect().right))""",
            width,
        )
        pytest.fail(f"{path} scrolls sideways at {width} px (scrollWidth {scroll_width}):\n  " + "\n  ".join(culprits))
    assert client_width <= width
