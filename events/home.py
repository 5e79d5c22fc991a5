"""The home page's "Upcoming festivals" section (portal_home_sections hook)."""

from django.utils.translation import gettext as _

from events.display import lunar_text, short_day_text
from events.listing import Window, event_queryset, events_in
from events.occurrences import Kind, add_years, occurrences_between
from events.status import Status
from portal.cards import Card
from portal.home_sections import CARD_RENDITIONS, HomeSection
from portal.navigation import section_for_request

HOME_ITEMS = 6


def _summary(page, occurrence):
    parts = [short_day_text(occurrence.start)]
    if page.schedule_kind == Kind.YEARLY_LUNAR:
        parts.append(lunar_text(occurrence))
    if page.place:
        parts.append(page.place.name)
    return " · ".join(parts)


def first_between(page, window):
    return occurrences_between(page.schedule, window.first, window.last)[0]


def upcoming_festivals_section(home_page, request, today):
    window = Window(today, add_years(today, 1))
    events = (
        event_queryset(renditions=CARD_RENDITIONS, groups=False)
        .exclude(schedule_kind=Kind.WEEKLY)
        .exclude(status=Status.CANCELLED)
    )
    pages = events_in(events, window)[:HOME_ITEMS]
    items = []
    for page in pages:
        occurrence = getattr(page, "first_occurrence", None) or first_between(page, window)
        items.append(
            Card(page.get_url(request), page.title, page.image, _summary(page, occurrence))
        )
    index = section_for_request(request, "festivals")
    return HomeSection(
        key="festivals",
        title=_("Upcoming festivals"),
        items=items,
        more_url=index.get_url(request) if index else "",
        more_label=_("All festivals and events"),
        order=20,
    )
