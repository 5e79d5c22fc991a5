"""A partner copies the embed snippet from the partners page into a page of their own
site (another origin), and the festival list shows there. The partners page (a
standard page with the partners' addresses block) is made in the admin first."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytestmark = pytest.mark.browser

HOME_ID = 3  # the test site's home page: root (1), Wagtail's welcome page (2, removed), home
PARTNERS_BLOCK = "Địa chỉ cho đối tác (lịch, API, mã nhúng)"  # its label in the Vietnamese admin


def serve_partner_page(html):
    """A partner's site on another port of this machine (another origin, served from
    a loopback address like the portal, so chromium's local-network rules allow it)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = html.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def partners_path(browser, site_url):
    """The English path of a partners page published through the admin."""
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{site_url}/admin/login/")
        page.fill("#id_username", "admin")
        page.fill("#id_password", "binhlieu-admin")
        page.locator("form button[type=submit]").first.click()
        page.wait_for_url(f"{site_url}/admin/")
        page.goto(f"{site_url}/admin/pages/add/portal/standardpage/{HOME_ID}/")
        page.fill("#id_title_vi", "Đối tác thử")
        page.locator("button.locale-toggle", has_text="en").first.click()
        page.fill("#id_title_en", "Test partners")
        for language in ("vi", "en"):
            page.locator(f"[data-contentpath=body_{language}] button.c-sf-add-button").first.click()
            page.get_by_role("option", name=PARTNERS_BLOCK).click()
        page.get_by_role("tab", name="Quảng bá").click()
        page.fill("#id_slug_vi", "doi-tac-thu")
        page.fill("#id_slug_en", "test-partners")
        with page.expect_navigation():
            page.locator('button[name="action-publish"]').evaluate("button => button.click()")
        assert "/admin/pages/" in page.url
    finally:
        context.close()
    return "/en/test-partners/"


def test_the_snippet_from_the_partners_page_renders_on_another_origin(
    page, site_url, partners_path
):
    page.goto(f"{site_url}{partners_path}")
    # The picker rewrites the snippet for one category.
    page.select_option("[data-partner-embed] select[name=category]", "festival")
    snippet = page.locator("#partner-embed-snippet").input_value()
    assert f'src="{site_url}/embed/events/?lang=en&amp;category=festival' in snippet
    assert (
        page.locator("[data-partner-preview]")
        .get_attribute("src")
        .endswith("category=festival&limit=5")
    )

    server = serve_partner_page(
        f"<!doctype html><html><body><h1>Tour agency</h1>{snippet}</body></html>"
    )
    try:
        partner = f"http://127.0.0.1:{server.server_address[1]}/tours/"
        assert partner.rsplit(":", 1)[0] == site_url.rsplit(":", 1)[0] and partner[:-7] != site_url
        page.goto(partner)
        frame = page.frame_locator("iframe")
        frame.locator("body").wait_for()
        # The test site's one festival: its yearly lunar singing festival.
        festival = frame.locator("li a", has_text="Cloud Hill Test Singing Festival")
        festival.wait_for()
        assert festival.count() == 1
        assert "/en/" in festival.get_attribute("href")
    finally:
        server.shutdown()
        server.server_close()
