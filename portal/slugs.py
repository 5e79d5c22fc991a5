"""Readable ASCII slugs from Vietnamese titles (đ → d, marks dropped).

Built on anyascii (ISC licence, already a Wagtail dependency). The staff branch is
adding ASCII slugs for the whole site; until it lands, importers call this.
"""

from anyascii import anyascii
from django.utils.text import slugify


def ascii_slug(title, max_length=80):
    """``"Homestay Đồng Văn"`` → ``"homestay-dong-van"``; "" when nothing readable is left."""
    return slugify(anyascii(str(title or "")))[:max_length].strip("-")
