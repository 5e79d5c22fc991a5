"""Links to the feeds: .ics, webcal:// subscriptions, Google Calendar, RSS, the embed."""

from urllib.parse import urlencode

from django.urls import reverse

from events.ical import TZID
from events.occurrences import ONE_DAY
from portal.address import absolute_url

GOOGLE_TEMPLATE = "https://calendar.google.com/calendar/render"


def _query(**params):
    clean = {k: v for k, v in params.items() if v not in (None, "")}
    return f"?{urlencode(clean)}" if clean else ""


def absolute(request, path):
    return absolute_url(path)


def webcal(url):
    """The same address with the webcal:// scheme calendar apps subscribe to."""
    scheme, sep, rest = url.partition("://")
    return f"webcal://{rest}" if sep else url


def google_subscribe(url):
    """Google Calendar's 'add by URL' for a feed (it fetches the http(s) address)."""
    return f"{GOOGLE_TEMPLATE}?{urlencode({'cid': webcal(url)})}"


def feed_links(request, language, village="", category=""):
    """The feed addresses for a language and (optionally) one village or category."""
    query = _query(lang=language, village=village, category=category)
    ics = absolute(request, reverse("events:feed_ics") + query)
    return {
        "ics": ics,
        "webcal": webcal(ics),
        "google": google_subscribe(ics),
        "rss": absolute(request, reverse("events:feed_rss") + _query(lang=language)),
        "embed": absolute(request, reverse("events:embed") + query),
        "api": absolute(request, reverse("wagtailapi:events:listing") + _query(lang=language)),
    }


def event_ics_url(request, page, language):
    return absolute(request, page.ics_path + _query(lang=language))


def _google_dates(occurrence):
    if occurrence.all_day:
        return f"{occurrence.start:%Y%m%d}/{occurrence.end + ONE_DAY:%Y%m%d}"
    start = occurrence.start_datetime
    end = occurrence.end_datetime or start
    return f"{start:%Y%m%dT%H%M%S}/{end:%Y%m%dT%H%M%S}"


def google_event(title, occurrence, details="", location=""):
    """Google Calendar's 'add this event' link for one occurrence."""
    params = {
        "action": "TEMPLATE",
        "text": title,
        "dates": _google_dates(occurrence),
        "ctz": TZID,
        "details": details,
        "location": location,
    }
    return f"{GOOGLE_TEMPLATE}?{urlencode({k: v for k, v in params.items() if v})}"


def event_links(request, page, language, occurrence):
    ics = event_ics_url(request, page, language)
    place = page.place
    links = {"ics": ics, "webcal": webcal(ics), "google": ""}
    if occurrence is not None:
        details = "\n\n".join(
            part for part in (page.summary, absolute(request, page.get_url(request))) if part
        )
        location = place.text if place else ""
        links["google"] = google_event(page.title, occurrence, details, location)
    return links
