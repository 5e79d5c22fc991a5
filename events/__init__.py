"""Festivals and events of Bình Liêu (issue 4).

models/        EventCategory (snippet), EventIndexPage, EventPage, EventOccurrence (stored
               occurrences, kept by signals.py and ``manage.py extend_occurrences``)
occurrences.py schedules (single, yearly solar, yearly lunar, weekly) → occurrences
lunar.py       the Vietnamese lunar calendar (lunar-vn, UTC+7) and lunar dates in words
listing.py     one set of filters for the index, feeds, API and embed (EventFilterForm)
index_form.py  the index's form: the filters plus view and page, rendered by the template
index_context.py, page_context.py, display.py  what the pages show
ical.py, feeds.py   iCalendar (icalendar) and RSS on /feeds/…
api.py, api_fields.py   /api/v2/events/
embed.py       /embed/events/ (the only frame-able path)
jsonld.py      schema.org Event/Festival
venues.py      a village or attraction page, else a named place
demo/          demo content from shared/content/binh-lieu-facts.md
"""
