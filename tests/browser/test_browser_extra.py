"""Cite-this-page, heading copy links, glossary hovers inside cards, and the offline copy from file://."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.browser
def test_cite_this_page_gives_the_absolute_url_and_access_date(page, site_url):
    page.goto("/leads/")
    box = page.locator("details#cite-this-page")
    box.locator("summary").click()
    text = box.locator(".ax-cite-this__text").first.inner_text()
    assert f"{site_url}/leads/" in text, text
    assert re.search(r"Accessed \d{4}-\d{2}-\d{2}\.$", text), text
    bib = box.locator("code").inner_text()
    assert f'url = "{site_url}/leads/"' in bib, bib


@pytest.mark.browser
def test_every_heading_has_one_link_control_that_copies_its_address(new_context, site_url, sample_claim):
    context = new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"/{sample_claim.section}/")
    headings = page.locator("h2.ax-claim__title")
    assert headings.count() >= 3
    controls = page.evaluate(
        "() => [...document.querySelectorAll('h1, h2, h3')].map(h => h.querySelectorAll('a, button').length)"
    )
    assert set(controls) <= {0, 1}, controls  # never two link controls side by side
    link = page.locator(f"h2#{sample_claim.id} a.headerlink")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("el => el.hasAttribute('data-ax-copied')", arg=link.element_handle(), timeout=3_000)
    expected = f"{site_url}/{sample_claim.section}/#{sample_claim.id}"
    assert link.get_attribute("data-ax-copied") == expected
    assert page.evaluate("navigator.clipboard.readText()") == expected


@pytest.mark.browser
def test_glossary_terms_explain_themselves_inside_claim_cards(page, site_data):
    found = 0
    for claim in site_data.claims[:25]:
        page.goto(f"/claims/{claim.id}/")
        abbr = page.locator(".ax-claim__annotation abbr[title]")
        if abbr.count():
            assert abbr.first.get_attribute("title").strip()
            found += 1
    assert found >= 3, "glossary terms are not marked up inside the claim cards"


@pytest.mark.browser
def test_offline_copy_works_from_disk_with_search(browser, tmp_path, site_data):
    out = tmp_path / "offline"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": "true"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.goto((out / "index.html").as_uri())
    claim = site_data.claims[0]
    page.locator(".md-search__input").click()
    page.keyboard.type(claim.title.split()[0] + " " + claim.title.split()[1], delay=20)
    link = page.locator(".md-search-result__item > a.md-search-result__link").first
    link.wait_for(state="visible", timeout=10_000)
    page.goto((out / "claims" / f"{claim.id}.html").as_uri())
    assert page.locator(f'.ax-claim[data-claim="{claim.id}"]').count() == 1
    page.locator(".ax-cite__link").first.hover()
    assert page.locator(".ax-cite__tip").first.is_visible()
    context.close()
    foreign = [u for u in requests if not u.startswith(("file:", "data:", "blob:"))]
    assert foreign == [], foreign
