"""Site-wide behaviour in the browser: palettes and chart legibility, search, print, privacy."""

from __future__ import annotations

import json
import re
from collections import Counter
from urllib.parse import quote

import pytest

_SCHEME = "document.body.getAttribute('data-md-color-scheme')"
_BACKGROUND_FN = """function backgroundOf(el) { // the first opaque background behind el
  for (let n = el; n; n = n.parentElement) {
    const c = getComputedStyle(n).backgroundColor;
    if (c && c !== 'transparent' && !/rgba\\(.*,\\s*0\\)$/.test(c)) return c;
  }
  return '#ffffff'; // the canvas default
}"""
_BACKGROUND_JS = f"el => {{ {_BACKGROUND_FN}; return backgroundOf(el); }}"


@pytest.mark.browser
def test_palette_toggle_switches_to_dark_and_back(page, colors):
    page.goto("/")
    assert page.evaluate(_SCHEME) == "default"

    def background_luminance():
        fg, _ = colors.composite(page, page.evaluate(_BACKGROUND_JS, page.locator("body").element_handle()), "#ffffff")
        return colors.luminance(fg)

    assert background_luminance() > 0.8, "the light palette's background is not light"
    toggle = page.locator("form[data-md-component=palette] label.md-header__button:visible")
    assert toggle.count() == 1, "exactly one palette toggle should be visible"
    assert "dark" in (toggle.get_attribute("title") or "").lower()
    toggle.click()
    page.wait_for_function(f"{_SCHEME} === 'slate'", timeout=3_000)
    assert background_luminance() < 0.1, "the dark palette's background is not dark"

    # The choice persists across pages.
    page.goto("/leads/")
    assert page.evaluate(_SCHEME) == "slate", "the dark palette was not kept on the next page"

    toggle = page.locator("form[data-md-component=palette] label.md-header__button:visible")
    assert "light" in (toggle.get_attribute("title") or "").lower()
    toggle.click()
    page.wait_for_function(f"{_SCHEME} === 'default'", timeout=3_000)
    assert background_luminance() > 0.8
    page.reload()
    assert page.evaluate(_SCHEME) == "default"


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_chart_text_keeps_contrast_in_both_palettes(page, set_palette, colors, scheme):
    page.goto("/charts/")
    set_palette(page, scheme)
    page.reload()
    assert page.evaluate(_SCHEME) == scheme
    texts = page.locator("figure.ax-chart svg text")
    assert texts.count() > 0, "no SVG text on /charts/"
    samples = page.evaluate(
        f"""() => {{ {_BACKGROUND_FN};
          return Array.from(document.querySelectorAll('figure.ax-chart svg text')).map(t => {{
            const s = getComputedStyle(t);
            return {{text: t.textContent.trim(), fill: s.fill, opacity: s.opacity, bg: backgroundOf(t),
                     chart: t.closest('figure').id}};
          }}); }}"""
    )
    failures = []
    for s in samples:
        assert s["fill"] and s["fill"] != "none", f"text {s['text']!r} in {s['chart']} has no fill"
        assert float(s["opacity"]) == 1.0, f"text {s['text']!r} in {s['chart']} is translucent"
        fg, bg = colors.composite(page, s["fill"], s["bg"])
        ratio = colors.contrast_ratio(fg, bg)
        if ratio < 4.5:
            failures.append(f"{s['chart']}: {s['text']!r} fill {s['fill']} on {s['bg']}: {ratio:.2f}:1")
    assert not failures, f"{len(failures)} chart labels under 4.5:1 in {scheme}:\n  " + "\n  ".join(failures[:20])


def _search_word(site_dir, claim_ids):
    """A word of some claim's conclusion that the fewest indexed pages contain (so the claim page shows in
    the first results): returns (claim id, word)."""
    from tests.test_site import search_records

    pages = {r["url"].strip("/"): r["meta"].get("title", "") + " " + r["content"] for r in search_records(site_dir)}
    words_by_page = {p: Counter(re.findall(r"[a-z]{6,}", t.lower())) for p, t in pages.items()}
    best = None
    for claim_id, conclusion in claim_ids:
        if f"claims/{claim_id}" not in pages:
            continue
        for word in set(re.findall(r"[a-z]{6,}", conclusion.lower())):
            if word not in words_by_page[f"claims/{claim_id}"]:
                continue
            n = sum(1 for counts in words_by_page.values() if word in counts)
            key = (n, -len(word), claim_id, word)
            if best is None or key < best:
                best = key
    assert best is not None, "no claim page in the search index"
    return best[2], best[3]


def _search(page, words: str):
    """Search from the header's search link, as a reader would; returns the results list."""
    page.locator("a.ax-search-link").click()
    page.wait_for_url(re.compile(r"/search/"))
    box = page.locator("#ax-search-q")
    box.click()
    page.keyboard.type(words, delay=20)
    return page.locator("#ax-search-results")


@pytest.mark.browser
def test_search_finds_a_claim_by_a_word_of_its_conclusion(page, site_data, site_dir, site_url):
    claim_id, word = _search_word(site_dir, [(c.id, c.conclusion) for c in site_data.claims])
    claim = site_data.claim(claim_id)
    assert word in claim.conclusion.lower()
    page.goto("/")
    results = _search(page, word)
    link = results.locator(f'li > a[href*="claims/{claim_id}/"]').first
    link.wait_for(state="visible", timeout=10_000)
    status = page.locator("#ax-search-status").inner_text()
    assert re.match(r"^\d+ pages? match", status), status
    assert page.url.endswith("/search/?q=" + word), page.url  # the query is in the address: a search can be linked
    assert "<mark>" in results.locator("li").first.inner_html()
    link.click()
    page.wait_for_url(re.compile(re.escape(f"{site_url}/claims/{claim_id}/") + r"(\?[^#]*)?(#.*)?$"), timeout=5_000)
    assert page.locator(f'.ax-claim[data-claim="{claim_id}"]').count() == 1
    assert claim.title in page.locator("article h1").first.inner_text()


@pytest.mark.browser
def test_search_finds_each_claim_by_words_of_its_title_and_quote(page, site_data):
    """A linked query (?q=) runs on load; the claim's page is among the results for its title's words and for
    words of the article's sentence."""
    for claim in site_data.claims[:3]:
        for words in (claim.title, " ".join(claim.quote.split()[:8])):
            page.goto("/search/?q=" + quote(words))
            item = page.locator(f'#ax-search-results li > a[href$="/claims/{claim.id}/"]')
            item.first.wait_for(state="attached", timeout=10_000)
            assert page.locator("#ax-search-q").input_value() == words


@pytest.mark.browser
def test_search_says_when_nothing_matches(page):
    page.goto("/search/?q=qqqqqqqq")
    status = page.locator("#ax-search-status")
    status.filter(has_text="No pages match").wait_for(timeout=10_000)
    assert page.locator("#ax-search-results li").count() == 0
    assert status.get_attribute("role") == "status"


@pytest.mark.browser
def test_print_shows_annotations_and_source_urls_and_hides_navigation(page, sample_claim):
    for path in (f"/claims/{sample_claim.id}/",):  # section pages carry compact cards without annotations
        page.goto(path)
        page.emulate_media(media="print")
        assert page.evaluate("matchMedia('print').matches")
        for selector in (".md-header", ".md-sidebar", ".md-footer", ".md-search"):
            hidden = page.evaluate(
                "sel => Array.from(document.querySelectorAll(sel)).every(el => el.getClientRects().length === 0)",
                selector,
            )
            assert hidden, f"{path}: {selector} is still shown in print"
        card = page.locator(f'.ax-claim[data-claim="{sample_claim.id}"]')
        annotation = card.locator(".ax-claim__annotation")
        assert annotation.is_visible(), f"{path}: the annotation is hidden in print"
        assert len(annotation.inner_text().strip()) > 80, f"{path}: the annotation prints no text"
        urls = card.locator(".ax-sourcelist a.ax-extlink")
        assert urls.count() >= 2, f"{path}: fewer than two source URLs on the card"
        for i in range(urls.count()):
            url = urls.nth(i)
            assert url.is_visible(), f"{path}: source URL {i} is hidden in print"
            assert url.inner_text().strip() == url.get_attribute("href"), f"{path}: the printed text is not the URL"
        # Other external links get their URL printed after them.
        after = page.evaluate(
            """() => { const a = document.querySelector('.md-typeset a[href^="http"]:not(.ax-extlink)');
                       return a ? [a.href, getComputedStyle(a, '::after').content] : null; }"""
        )
        if after:
            assert after[0].rstrip("/") in after[1], f"{path}: external link prints no URL ({after})"
        assert page.locator(".ax-cite__tip").first.is_hidden()
        page.emulate_media(media="screen")
        assert page.locator(".md-header").is_visible(), "screen media did not come back"


@pytest.mark.browser
def test_no_request_leaves_127_0_0_1(new_context, key_pages, site_url):
    context = new_context()
    page = context.new_page()
    pages = [p for p, _ in key_pages] + ["/charts/", "/downloads/", "/methodology/", "/does-not-exist/"]
    for path in pages:
        page.goto(path)
        page.wait_for_load_state("networkidle")
    # Interactions that load more: search (Pagefind's script, WebAssembly, index chunks), palette switch,
    # a source preview.
    page.goto("/")
    _search(page, "chips").locator("li").first.wait_for(timeout=10_000)
    page.goto("/")
    page.locator("form[data-md-component=palette] label.md-header__button:visible").click()
    page.goto("/claims/")
    page.goto("/leads/")
    page.locator(".ax-claim__link").first.click()
    page.locator(".ax-claim__annotation .ax-cite__link").first.hover()
    page.emulate_media(media="print")
    page.wait_for_load_state("networkidle")
    requests = context.requests
    assert len(requests) >= len(pages), f"only {len(requests)} requests recorded: is the log working?"
    assert any("/pagefind/index/" in u for u in requests), "no search index chunk was ever requested"
    foreign = sorted({u for u in requests if not u.startswith(site_url + "/") and not u.startswith(("data:", "blob:"))})
    assert not foreign, "requests that left 127.0.0.1:\n  " + "\n  ".join(foreign)
