"""Reading claims in the browser: source previews, deep links, permanent links and aliases, copy and cite."""

from __future__ import annotations

import json
import re

import pytest

# Is the element's box at least partly inside the viewport, and where is it?
_BOX_JS = """el => { const r = el.getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, vh: window.innerHeight, scrollY: window.scrollY}; }"""


def _tip_shown(tip) -> bool:
    return tip.is_visible() and tip.evaluate("el => el.getBoundingClientRect().height > 0")


@pytest.mark.browser
def test_citation_preview_on_hover_and_keyboard_focus_and_escape_closes_it(page, sample_claim):
    page.goto(f"/claims/{sample_claim.id}/")
    cite = page.locator(".ax-claim__annotation .ax-cite").first
    link = cite.locator(".ax-cite__link")
    tip = cite.locator(".ax-cite__tip")
    assert link.count() == 1 and tip.count() == 1, "no citation with a preview on the claim page"
    page.mouse.move(1, 1)
    assert not _tip_shown(tip), "the source preview is shown before any hover or focus"

    # Hover shows the preview; it names the source and the link points at the describing tooltip.
    link.hover()
    tip.wait_for(state="visible", timeout=2_000)
    assert _tip_shown(tip)
    assert tip.locator(".ax-cite__tip-title").inner_text().strip(), "the preview has no source title"
    assert link.get_attribute("aria-describedby") == tip.get_attribute("id")
    # Escape hides it while the pointer is still on the citation.
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden", timeout=2_000)

    # Move away, then reach the citation with the keyboard alone (Tab from the previous stop).
    page.mouse.move(1, 1)
    link_handle = link.element_handle()
    previous = page.evaluate_handle(
        """link => {
          const all = Array.from(document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]'))
            .filter(el => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0);
          const i = all.indexOf(link);
          return i > 0 ? all[i - 1] : null;
        }""",
        link_handle,
    )
    assert previous.evaluate("el => !!el"), "no focusable element before the citation"
    previous.evaluate("el => el.focus()")
    page.keyboard.press("Tab")
    assert page.evaluate("link => document.activeElement === link", link_handle), "Tab did not reach the citation link"
    tip.wait_for(state="visible", timeout=2_000)
    assert _tip_shown(tip), "keyboard focus does not show the source preview"
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden", timeout=2_000)
    assert page.evaluate("link => document.activeElement === link", link_handle), "Escape moved the focus"


@pytest.mark.browser
def test_deep_link_lands_on_the_card_and_marks_it(page, site_data):
    claims = site_data.in_section("leads")
    assert len(claims) >= 2
    target, other = claims[-1], claims[0]  # the last card: the page must scroll to reach it
    page.goto(f"/{target.section}/#{target.id}")
    page.wait_for_load_state("load")
    heading = page.locator(f"h2#{target.id}")
    card = page.locator(f"h2#{target.id} + div.ax-claim")
    assert heading.count() == 1 and card.count() == 1, f"no h2#{target.id} followed by div.ax-claim"
    page.wait_for_function(
        "id => document.querySelector('h2#' + CSS.escape(id) + ' + div.ax-claim').classList.contains('ax-claim--target')",
        arg=target.id,
        timeout=3_000,
    )
    assert page.locator(".ax-claim--target").count() == 1, "more than one card is marked"
    assert card.get_attribute("data-claim") == target.id

    h = heading.evaluate(_BOX_JS)
    c = card.evaluate(_BOX_JS)
    assert h["scrollY"] > 0, "the page did not scroll to the deep-linked claim"
    header_bottom = page.locator(".md-header").evaluate("el => el.getBoundingClientRect().bottom")
    assert header_bottom - 1 <= h["top"] < h["vh"], f"heading not in view below the sticky header: {h}, header {header_bottom}"
    assert c["top"] < c["vh"] and c["bottom"] > 0, f"card not in the viewport: {c}"

    # "Visibly marked": the marked card has an outline and a tinted background; an unmarked one has not.
    style = "el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth, s.backgroundColor]; }"
    outline, width, background = card.evaluate(style)
    assert outline != "none" and width not in ("0px", ""), f"marked card has no outline ({outline} {width})"
    plain = page.locator(f"h2#{other.id} + div.ax-claim").evaluate(style)
    assert plain[0] == "none" or plain[1] == "0px", "an unmarked card is outlined too"
    assert background != plain[2], "the marked card's background is no different"

    # Following another in-page link moves the mark.
    page.evaluate("id => { location.hash = id; }", other.id)
    page.wait_for_function(
        "id => document.querySelector('h2#' + CSS.escape(id) + ' + div.ax-claim').classList.contains('ax-claim--target')",
        arg=other.id,
        timeout=3_000,
    )
    assert page.locator(".ax-claim--target").count() == 1


def _assert_claim_page(page, claim, base):
    page.wait_for_url(re.compile(re.escape(f"{base}/claims/{claim.id}/") + r"(#.*)?$"), timeout=5_000)
    assert page.locator(f'.ax-claim[data-claim="{claim.id}"]').count() == 1, f"/claims/{claim.id}/ shows no card for it"
    h1 = page.locator("article h1").first.inner_text()
    assert claim.title in h1, f"claim page heading {h1!r} is not the claim's title {claim.title!r}"


@pytest.mark.browser
def test_claim_pages_reach_their_claim(page, site_data, site_url):
    for claim in site_data.claims[:: max(1, len(site_data.claims) // 6)]:
        response = page.goto(f"/claims/{claim.id}/")
        assert response is not None and response.ok, f"/claims/{claim.id}/ answered {response and response.status}"
        _assert_claim_page(page, claim, site_url)
        # The page carries one ClaimReview for this claim.
        blocks = page.locator('script[type="application/ld+json"]').all_inner_texts()
        reviews = [b for b in map(json.loads, blocks) if b.get("@type") == "ClaimReview"]
        assert len(reviews) == 1, f"/claims/{claim.id}/ has {len(reviews)} ClaimReview blocks"


@pytest.mark.browser
def test_every_alias_reaches_its_claim(new_context, site_data, site_url, serve_dir, project_copy_with_alias):
    """Former ids keep working: /claims/<alias>/ redirects to /claims/<id>/ and /<section>/#<alias>
    marks the card. With no alias in the data yet, the same mechanism is tested on a copy of the
    project in which one claim gains a former id (nothing is skipped)."""
    aliases = site_data.aliases
    base = site_url
    if not aliases:
        site, alias, claim = project_copy_with_alias()
        base = serve_dir(site)
        aliases = {alias: claim}
    page = new_context(base_url=base).new_page()
    for alias, claim in sorted(aliases.items()):
        response = page.goto(f"/claims/{alias}/")
        assert response is not None and response.ok, f"/claims/{alias}/ answered {response and response.status}"
        _assert_claim_page(page, claim, base)
        # The redirect keeps a fragment.
        page.goto(f"/claims/{alias}/#top")
        page.wait_for_url(f"{base}/claims/{claim.id}/#top", timeout=5_000)
        # The old in-page anchor still lands on (and marks) the card in its section.
        page.goto(f"/{claim.section}/#{alias}")
        card = page.locator(f'div.ax-claim[data-claim="{claim.id}"]')
        page.wait_for_function(
            "id => document.querySelector('div.ax-claim[data-claim=\"' + id + '\"]').classList.contains('ax-claim--target')",
            arg=claim.id,
            timeout=3_000,
        )
        box = card.evaluate(_BOX_JS)
        assert box["top"] < box["vh"] and box["bottom"] > 0, f"/{claim.section}/#{alias}: card not in view {box}"


@pytest.mark.browser
def test_copy_link_puts_the_absolute_claim_url_on_the_clipboard(new_context, sample_claim, site_url):
    context = new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    expected = f"{site_url}/claims/{sample_claim.id}/"
    for path in (f"/claims/{sample_claim.id}/",):  # section cards link to this page instead
        page.goto(path)
        page.evaluate("navigator.clipboard.writeText('(empty)')")
        button = page.locator(f'.ax-claim[data-claim="{sample_claim.id}"] [data-ax-copy]')
        button.click()
        page.wait_for_function(
            "el => el.hasAttribute('data-ax-copied')", arg=button.element_handle(), timeout=3_000
        )
        assert button.get_attribute("data-ax-copied") == expected, f"{path}: copied URL is not the permanent URL"
        assert page.evaluate("navigator.clipboard.readText()") == expected, f"{path}: clipboard does not hold {expected}"
        assert "copied" in button.inner_text().lower(), "the button does not confirm the copy"


@pytest.mark.browser
def test_cite_box_gives_the_absolute_url_and_text(page, sample_claim, site_url):
    expected = f"{site_url}/claims/{sample_claim.id}/"
    page.goto(f"/claims/{sample_claim.id}/")
    box = page.locator(f'.ax-claim[data-claim="{sample_claim.id}"] details.ax-cite-this')
    box.locator("summary").click()
    citation = box.locator("[data-ax-citation]")
    citation.wait_for(state="visible")
    text = citation.inner_text()
    assert expected in text, f"citation lacks the absolute URL {expected}: {text!r}"
    assert sample_claim.title in text, f"citation lacks the claim title: {text!r}"
    assert re.search(r"Accessed \d{4}-\d{2}-\d{2}\.$", text.strip()), f"citation lacks the access date: {text!r}"
    assert "../" not in text, "a relative URL is left in the citation"
    bib = box.locator(".ax-cite-this__bib code").inner_text()
    assert f"url = \"{expected}\"" in bib or f"url = {{{expected}}}" in bib, f"BibTeX url is not {expected}:\n{bib}"
    reuse = box.locator(".ax-cite-this__text").nth(1).inner_text()
    assert expected in reuse and "CC BY 4.0" in reuse, f"reuse text lacks the URL or licence: {reuse!r}"
