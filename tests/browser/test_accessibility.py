"""axe-core (node_modules/axe-core, the version pinned in package.json) finds no WCAG
2.2 A/AA problem on any public page type, in either language, on a 360 × 780 phone
and a 1366 × 768 desktop. Map tiles are refused (no internet in tests): the maps are
checked in their "no background" state, as a phone without signal shows them."""

import json
import urllib.request
from pathlib import Path

import pytest

from tests.browser.network import block_the_internet

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {"phone": {"width": 360, "height": 780}, "desktop": {"width": 1366, "height": 768}}
# Page types found through the public API (its first live page), so no slug is assumed.
PAGE_TYPES = {
    "village index": "villages.VillageIndexPage",
    "village": "villages.VillagePage",
    "homestay": "villages.HomestayPage",
    "finder": "villages.HomestayFinderPage",
    "attraction index": "villages.AttractionIndexPage",
    "attraction": "villages.AttractionPage",
    "festivals index": "events.EventIndexPage",
    "festival": "events.EventPage",
    "route index": "routes.RouteIndexPage",
    "route": "routes.RoutePage",
    "map": "villages.MapPage",
    "numbers": "portal.NumbersPage",
    "standard page": "portal.StandardPage",
}
NOT_FOUND = "/{lang}/404-preview/"


def first_page_url(site_url, model, lang):
    url = f"{site_url}/api/v2/pages/?type={model}&limit=1&lang={lang}"
    with urllib.request.urlopen(url, timeout=30) as response:
        items = json.load(response)["items"]
    assert items, f"no live {model} in the demo site"
    return items[0]["meta"]["html_url"]


def public_pages(site_url, lang):
    """{name: absolute URL} of one page of every public page type in ``lang``."""
    pages = {"home": f"{site_url}/{lang}/"}
    for name, model in PAGE_TYPES.items():
        pages[name] = first_page_url(site_url, model, lang)
    pages["festivals month view"] = pages["festivals index"] + "?view=month&month=2027-04"
    pages["search with results"] = f"{site_url}/{lang}/search/?q=L%E1%BB%A5c+Ng%C3%B9"
    pages["404"] = site_url + NOT_FOUND.format(lang=lang)
    return pages


def violations_on(page, url):
    """["rule-id (impact): selector, selector…", …] of axe's violations on ``url``."""
    page.goto(url)
    page.wait_for_load_state("networkidle", timeout=15_000)
    # The site's own page (its main landmark), not a server or debug page.
    assert page.locator("main#main").count() == 1, f"{url} is not one of the site's pages"
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: "tag", values: tags}})
            .then(r => r.violations.map(v => v.id + " (" + v.impact + "): " +
                 v.nodes.map(n => n.target.join(" ")).join(", ")))""",
        TAGS,
    )
    return found


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_axe_finds_no_wcag_violation_on_any_public_page_type(browser, site_url, lang, viewport):
    assert AXE.exists(), "npm ci installs axe-core (package.json)"
    # axe is injected as a script of its own: the site's CSP would refuse it.
    context = browser.new_context(viewport=VIEWPORTS[viewport], bypass_csp=True, locale="vi-VN")
    block_the_internet(context)
    page = context.new_page()
    problems = {}
    try:
        pages = public_pages(site_url, lang)
        for name, url in pages.items():
            found = violations_on(page, url)
            if found:
                problems[f"{name} {url}"] = found
    finally:
        context.close()
    assert len(pages) == 17
    assert problems == {}, "\n".join(
        f"{where}:\n  " + "\n  ".join(found) for where, found in problems.items()
    )
