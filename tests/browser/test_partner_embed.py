"""A partner copies the embed snippet from the partners page into a page of their own
site (another origin), and the festival list shows there."""

import pytest

pytestmark = pytest.mark.browser

PARTNER_ORIGIN = "http://dai-ly-du-lich.example"


def test_the_snippet_from_the_partners_page_renders_on_another_origin(page, site_url):
    page.goto(f"{site_url}/en/partners/")
    # The picker rewrites the snippet for one category.
    page.select_option("[data-partner-embed] select[name=category]", "festival")
    snippet = page.locator("#partner-embed-snippet").input_value()
    assert f'src="{site_url}/embed/events/?lang=en&amp;category=festival' in snippet
    assert (
        page.locator("[data-partner-preview]")
        .get_attribute("src")
        .endswith("category=festival&limit=5")
    )

    html = f"<!doctype html><html><body><h1>Tour agency</h1>{snippet}</body></html>"
    page.route(
        f"{PARTNER_ORIGIN}/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body=html),
    )
    page.goto(f"{PARTNER_ORIGIN}/tours/")
    frame = page.frame_locator("iframe")
    frame.locator("body").wait_for()
    assert frame.locator("a[href*='/en/']").count() >= 1
