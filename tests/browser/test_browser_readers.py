"""What readers do on phones and in class: tap a citation, filter the explorer, take a quiz by keyboard,
print a handout, read tables and charts on a narrow screen."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import PROJECT as ROOT


@pytest.mark.browser
def test_first_tap_on_a_citation_shows_its_preview_on_screen_and_second_tap_goes_to_the_source(new_context, sample_claim):
    context = new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"/claims/{sample_claim.id}/")
    cites = page.locator(".ax-claim__annotation .ax-cite")
    assert cites.count() >= 2
    width = page.evaluate("document.documentElement.clientWidth")
    for index in (0, cites.count() - 1):  # the first and the last: previews near either edge stay on screen
        cite = cites.nth(index)
        cite.scroll_into_view_if_needed()
        before = page.url
        cite.locator(".ax-cite__link").tap()
        tip = cite.locator("[role=tooltip]")
        tip.wait_for(state="visible", timeout=2_000)
        box = tip.bounding_box()
        assert page.url == before, "the first tap left the page"
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (box, width)
    cites.nth(0).locator(".ax-cite__link").tap()
    cites.nth(0).locator(".ax-cite__link").tap()
    page.wait_for_url(re.compile(r"/sources/#src-"), timeout=5_000)


@pytest.mark.browser
def test_explorer_filters_live_in_the_url_and_count_what_is_shown(page, site_url):
    claims = [c for f in sorted((ROOT / "data" / "claims").glob("*.yml")) for c in yaml.safe_load(f.read_text())["claims"]]
    unsupported = sorted(c["id"] for c in claims if c["verdict"] == "unsupported")
    page.goto("/claims/?verdict=unsupported")
    shown = page.eval_on_selector_all(".ax-explorer__item:not([hidden])", "els => els.map(e => e.dataset.claim).sort()")
    assert shown == unsupported
    status = page.locator("[data-ax-explorer-status]")
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text() == f"Showing {len(unsupported)} of {len(claims)} claims."
    china = sorted(c["id"] for c in claims if c["leader"] == "china" and c["verdict"] == "unsupported")
    page.select_option("select[name=leader]", "china")
    assert page.url.endswith("/claims/?verdict=unsupported&leader=china")
    shown = page.eval_on_selector_all(".ax-explorer__item:not([hidden])", "els => els.map(e => e.dataset.claim).sort()")
    assert shown == china
    option = page.locator("select[name=verdict] option[value=supported]").inner_text()
    expected = sum(1 for c in claims if c["leader"] == "china" and c["verdict"] == "supported")
    assert option == f"Supported ({expected})"
    page.click(".ax-explorer__reset")
    page.wait_for_function("() => !location.search")
    assert page.locator(".ax-explorer__item:not([hidden])").count() == len(claims)


@pytest.mark.browser
def test_explorer_without_javascript_lists_every_claim(new_context):
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto("/claims/?verdict=unsupported")
    items = page.locator(".ax-explorer__item")
    assert items.count() == page.locator(".ax-explorer__item:visible").count() >= 40
    assert not page.locator("[data-ax-explorer-form]").is_visible()


@pytest.mark.browser
def test_quiz_by_keyboard_reveals_our_verdict_and_keeps_score(page):
    page.goto("/quiz/leads/")
    item = page.locator("[data-quiz-item]").first
    ours = item.get_attribute("data-verdict")
    item.locator("input[type=radio]").first.focus()
    choice = item.locator("input[type=radio]").first.get_attribute("value")
    page.keyboard.press("Space")
    button = item.locator("[data-ax-quiz-check]")
    button.focus()
    page.keyboard.press("Enter")
    result = item.locator("[data-ax-quiz-result]")
    expected = "That matches our verdict." if choice == ours else "Our verdict is different:"
    assert result.inner_text().endswith(expected)
    assert item.locator("details").evaluate("d => d.open")
    score = page.locator("[data-ax-quiz-score]")
    assert score.get_attribute("aria-live") == "polite"
    total = page.locator("[data-quiz-item]").count()
    assert score.inner_text() == f"{1 if choice == ours else 0} of 1 answers match our verdicts ({total} questions)."


@pytest.mark.browser
@pytest.mark.parametrize("section", ["framing", "leads", "lags", "implications", "us-strengths", "us-weak-spots", "outlook"])
def test_each_handout_prints_on_at_most_four_a4_pages(page, section):
    page.goto(f"/handouts/{section}/")
    pdf = page.pdf(format="A4", print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 4, f"/handouts/{section}/ prints on {pages} pages"


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/", "/leads/", None, "/claims/", "/methodology/"])
def test_no_table_is_wider_than_a_phone_screen(new_context, sample_claim, path):
    context = new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(path or f"/claims/{sample_claim.id}/")
    widths = page.eval_on_selector_all("table", "ts => ts.map(t => Math.round(t.getBoundingClientRect().right))")
    assert all(w <= 375 for w in widths), widths


@pytest.mark.browser
def test_printed_pages_keep_glossary_text_out_of_headings_and_print_permanent_links(page, sample_claim):
    for path in (f"/claims/{sample_claim.id}/", f"/{sample_claim.section}/"):
        page.goto(path)
        page.emulate_media(media="print")
        in_headings = page.eval_on_selector_all(
            "h1 abbr, h2 abbr, h3 abbr", "els => els.map(e => getComputedStyle(e, '::after').content)"
        )
        assert all(c in ("none", "normal") for c in in_headings), in_headings
        links = page.locator(".ax-claim__printlink")
        assert links.count() >= 1 and links.first.is_visible()
        assert links.first.inner_text().startswith("Permanent link: http://127.0.0.1:")
        page.emulate_media(media="screen")


@pytest.mark.browser
def test_chart_labels_do_not_overlap(page):
    page.goto("/charts/")
    overlaps = page.evaluate(
        """() => {
          const bad = [];
          document.querySelectorAll('svg.ax-chart__svg').forEach(svg => {
            const boxes = [...svg.querySelectorAll('text')].map(t => [t.textContent.trim(), t.getBoundingClientRect()])
              .filter(([text, r]) => text && r.width > 0);
            for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
              const [a, ra] = boxes[i], [b, rb] = boxes[j];
              if (ra.left < rb.right - 1 && rb.left < ra.right - 1 && ra.top < rb.bottom - 1 && rb.top < ra.bottom - 1)
                bad.push(svg.closest('figure').id + ': ' + a + ' / ' + b);
            }
          });
          return bad;
        }"""
    )
    assert overlaps == []


@pytest.mark.browser
def test_a_deep_link_highlights_its_own_claim_in_the_table_of_contents(page, site_data):
    claims = site_data.in_section("leads")
    target = claims[len(claims) // 2]
    page.goto(f"/leads/#{target.id}")
    page.wait_for_timeout(400)
    active = page.eval_on_selector_all(
        ".md-sidebar--secondary .md-nav__link--active", "els => els.map(e => e.getAttribute('href'))"
    )
    assert active and active[-1].endswith(f"#{target.id}"), active
