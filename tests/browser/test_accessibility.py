"""axe-core (node_modules/axe-core, the version pinned in package.json) finds no WCAG
2.2 A/AA problem on any public page type, in either language, on a 360 × 780 phone
and a 1366 × 768 desktop. Map tiles are refused (no internet in tests): the maps are
checked in their "no background" state, as a phone without signal shows them."""

import urllib.parse
from pathlib import Path

import pytest

from tests.browser.network import block_the_internet
from tests.factories.site import VILLAGE

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {"phone": {"width": 360, "height": 780}, "desktop": {"width": 1366, "height": 768}}
# One page of every public page type: the names of tests/factories/site.py's pages.
PAGE_TYPES = {
    "village index": "villages",
    "village": "village",
    "homestay": "homestay",
    "finder": "finder",
    "attraction index": "attractions",
    "attraction": "peak",
    "festivals index": "events",
    "festival": "festival",
    "route index": "routes",
    "route": "route",
    "map": "map",
    "numbers": "numbers",
    "standard page": "about",
}
NOT_FOUND = "/{lang}/404-preview/"


def public_pages(site_url, site_pages, lang):
    """{name: absolute URL} of one page of every public page type in ``lang``."""
    pages = {"home": f"{site_url}/{lang}/"}
    for name, key in PAGE_TYPES.items():
        pages[name] = site_url + site_pages[key][lang]
    pages["festivals month view"] = pages["festivals index"] + "?view=month&month=2027-04"
    query = urllib.parse.urlencode({"q": VILLAGE[f"title_{lang}"]})
    pages["search with results"] = f"{site_url}/{lang}/search/?{query}"
    pages["404"] = site_url + NOT_FOUND.format(lang=lang)
    return pages


# What the pages' scripts do after the load event, all of it done: every map has said
# its tiles could not load (places-map.js), the map page has drawn every type of place
# it fetched, or said it could not (places-map--loaded), no map is zooming, the route
# page's "Save for offline" box has read this device's cache (routes/js/offline.js),
# and the fonts are in. Deterministic, unlike "no request for 500 ms".
SETTLED = """() => typeof axe === "object" && document.readyState === "complete"
    && document.fonts.status === "loaded"
    && [...document.querySelectorAll("[data-map-status]")].every(s => !s.hidden)
    && [...document.querySelectorAll("[data-places-map]")].every(m =>
        m.matches(".places-map--loaded"))
    && !document.querySelector(".leaflet-zoom-anim")
    && [...document.querySelectorAll("[data-offline-status]")].every(s => s.textContent.trim())"""


def violations_on(page, url):
    """["rule-id (impact): selector, selector…", …] of axe's violations on ``url``."""
    page.goto(url)
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    try:
        page.wait_for_function(SETTLED, timeout=15_000, polling=50)
    except PlaywrightTimeoutError:
        pytest.fail(f"{url}: the page's scripts did not finish within 15 s (SETTLED)")
    # The site's own page (its main landmark), not a server or debug page.
    assert page.locator("main#main").count() == 1, f"{url} is not one of the site's pages"
    found = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: "tag", values: tags}})
            .then(r => r.violations.map(v => v.id + " (" + v.impact + "): " +
                 v.nodes.map(n => n.target.join(" ")).join(", ")))""",
        TAGS,
    )
    return found


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_axe_finds_no_wcag_violation_on_any_public_page_type(
    browser, site_url, site_pages, lang, viewport
):
    assert AXE.exists(), "npm ci installs axe-core (package.json)"
    # axe is a script of its own in every page: the site's CSP would refuse it.
    context = browser.new_context(viewport=VIEWPORTS[viewport], bypass_csp=True, locale="vi-VN")
    block_the_internet(context)
    # Into every page before its own scripts, without going through the test's process.
    context.add_init_script(path=AXE)
    page = context.new_page()
    problems = {}
    try:
        pages = public_pages(site_url, site_pages, lang)
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
