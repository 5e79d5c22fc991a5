"""QR codes of public pages (segno, BSD licence; drawn locally, no network service)."""

import io

import segno

from portal.public_address import public_page_url

FORMATS = {"svg": "image/svg+xml", "png": "image/png"}


def page_qr(page, language, request=None):
    """A segno QR code for the page's URL in ``language`` (error correction Q, which
    survives a scratched or weathered sign)."""
    return segno.make(public_page_url(page, language, request), error="q", micro=False)


def qr_bytes(qr, fmt):
    """The QR code as an SVG or PNG file (PNG: 10 px per module, quiet zone of 4)."""
    buffer = io.BytesIO()
    if fmt == "png":
        qr.save(buffer, kind="png", scale=10, border=4)
    else:
        qr.save(buffer, kind="svg", scale=10, border=4, xmldecl=True, title=None)
    return buffer.getvalue()


def qr_svg_inline(qr):
    """An inline <svg> element (no inline style) that scales with its box."""
    return qr.svg_inline(scale=4, border=4, omitsize=True)


def is_public(page):
    """Live and without a view restriction: a page a sign may point at."""
    return page.live and not page.get_view_restrictions().exists()
