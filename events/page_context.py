"""What an event page shows: next and following occurrences, lunar dates, links, JSON-LD."""

from django.utils import translation
from wagtail.models import Site

from events import jsonld
from events.display import shown
from events.links import absolute, event_links
from events.lunar import lunar_rule_sentence
from events.occurrences import Kind, add_years, occurrences_between
from portal.address import absolute_url
from portal.i18n import page_url

# A weekly market lists its next few weeks, not three years of them.
WEEKLY_SHOWN = 8
JSONLD_IMAGE = "fill-1200x675|format-jpeg"


def last_occurrence(schedule, today):
    """The most recent occurrence that is over (for events with nothing ahead)."""
    found = occurrences_between(schedule, add_years(today, -3), today)
    past = [o for o in found if o.end < today]
    if not past and schedule.kind == Kind.SINGLE:
        past = occurrences_between(schedule, schedule.start_date, schedule.start_date)
    return past[-1] if past else None


def lunar_rule_text(page):
    if page.schedule_kind != Kind.YEARLY_LUNAR or not (page.rule_day and page.rule_month):
        return ""
    return lunar_rule_sentence(
        page.rule_day, page.rule_month, page.rule_end_day, page.rule_end_month
    )


def image_urls(page, request):
    if page.image is None:
        return []
    return [absolute(request, page.image.get_rendition(JSONLD_IMAGE).url)]


def _portal_office(request, language):
    """(name, URL) of the office that runs the portal (Settings → Contact details)."""
    from portal.models import ContactSettings

    if request is not None:  # cached on the request, shared with the page's footer
        contact = ContactSettings.for_request(request)
    else:
        site = Site.objects.filter(is_default_site=True).first()
        contact = ContactSettings.for_site(site) if site else None
    return (contact.office_name if contact else ""), absolute_url(f"/{language}/")


def page_jsonld(page, request, occurrence, language):
    place = page.place
    place_page = place.page if place else None
    return jsonld.event_data(
        schema_type=page.category.schema_type if page.category else "Event",
        name=page.title,
        url=page_url(page, language, request, absolute=True),
        occurrence=occurrence,
        status=page.status,
        language=language,
        description=page.summary or page.search_description,
        images=image_urls(page, request),
        place=place,
        place_url=page_url(place_page, language, request, absolute=True) if place_page else "",
        organiser=jsonld.organizer_data(page.organiser, *_portal_office(request, language)),
        is_free=page.is_free,
        price_vnd=page.price_vnd,
        previous_start=page.previous_start,
    )


def featured_occurrence(page, today):
    """The occurrence structured data describes: the next one, else the last."""
    upcoming = page.following_occurrences(today, limit=1)
    return upcoming[0] if upcoming else last_occurrence(page.schedule, today)


def event_page_context(page, request, today):
    language = translation.get_language()
    with_lunar = page.schedule_kind == Kind.YEARLY_LUNAR
    limit = WEEKLY_SHOWN if page.schedule_kind == Kind.WEEKLY else None
    upcoming = page.following_occurrences(today, limit=limit)
    last = None if upcoming else last_occurrence(page.schedule, today)
    return {
        "next_occurrence": shown(upcoming[0], today, with_lunar) if upcoming else None,
        "following_occurrences": [shown(o, today, with_lunar) for o in upcoming[1:]],
        "last_occurrence": shown(last, today, with_lunar),
        "lunar_rule": lunar_rule_text(page),
        "place": page.place,
        "calendar_links": event_links(request, page, language, upcoming[0] if upcoming else None),
        "featured_occurrence": upcoming[0] if upcoming else last,
    }
