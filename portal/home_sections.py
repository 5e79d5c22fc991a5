"""Sections of the home page that other apps fill (villages, festivals, routes).

An app registers a function with the ``portal_home_sections`` hook in its
``wagtail_hooks.py``; it receives the home page and the request and returns a
``HomeSection`` (its items are ``portal.cards.Card``, shown by includes/card.html) or
None. portal never imports those apps.
"""

from dataclasses import dataclass, field

from wagtail import hooks

# The renditions includes/card.html shows (its srcset), for sections to prefetch.
CARD_RENDITIONS = ("fill-400x250|format-webp", "fill-800x500|format-webp")


@dataclass
class HomeSection:
    key: str
    title: str
    items: list = field(default_factory=list)
    more_url: str = ""
    more_label: str = ""
    order: int = 100
    template: str = "includes/home_section.html"


def home_sections(home_page, request):
    """The registered sections that have something to show, in their order."""
    sections = []
    for fn in hooks.get_hooks("portal_home_sections"):
        section = fn(home_page, request)
        if section is not None and section.items:
            sections.append(section)
    return sorted(sections, key=lambda s: s.order)
