"""Portal page factories: a partners page.

The portal has no partners page type: any standard page whose body holds the
``partner_addresses`` block shows the partners' addresses (portal/partners.py).
"""

from portal.models import StandardPage

from . import add_page


def add_partners_page(parent, **fields):
    """A published standard page under ``parent`` showing the partners' addresses."""
    fields.setdefault("title_vi", "Dành cho đối tác thử")
    fields.setdefault("title_en", "For test partners")
    fields.setdefault("slug_vi", "doi-tac-thu")
    fields.setdefault("slug_en", "test-partners")
    fields.setdefault("introduction_vi", "Địa chỉ dữ liệu cho đối tác.")
    fields.setdefault("introduction_en", "Data addresses for partners.")
    fields.setdefault("body_vi", [("partner_addresses", None)])
    fields.setdefault("body_en", [("partner_addresses", None)])
    return add_page(parent, StandardPage, **fields)
