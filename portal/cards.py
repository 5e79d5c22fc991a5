"""One card type for every listing: what ``includes/card.html`` shows.

Apps build cards from their pages (``Card(url=..., title=..., image=..., summary=...)``)
for home sections and other listings; portal never imports those apps.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Card:
    """One item of a listing.

    url: the page's URL (relative or absolute); title: its translated title;
    image: a Wagtail image or None (the card then has no picture; sections prefetch
    ``portal.home_sections.CARD_RENDITIONS``); summary: one or two lines of plain text;
    kind: what the item is ("Festival"), shown before the title when given;
    meta: short facts shown under the summary, e.g. ("12 km", "Hoành Mô").
    """

    url: str
    title: str
    image: object = None
    summary: str = ""
    kind: str = ""
    meta: tuple = ()
