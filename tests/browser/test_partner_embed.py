"""A partner copies the embed snippet from the partners page into a page of their own
site (another origin), and the festival list shows there."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytestmark = pytest.mark.browser


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

    server = serve_partner_page(
        f"<!doctype html><html><body><h1>Tour agency</h1>{snippet}</body></html>"
    )
    try:
        partner = f"http://127.0.0.1:{server.server_address[1]}/tours/"
        assert partner.rsplit(":", 1)[0] == site_url.rsplit(":", 1)[0] and partner[:-7] != site_url
        page.goto(partner)
        frame = page.frame_locator("iframe")
        frame.locator("body").wait_for()
        assert frame.locator("a[href*='/en/']").count() >= 1
    finally:
        server.shutdown()
        server.server_close()
