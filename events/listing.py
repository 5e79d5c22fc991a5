"""Which events and occurrences a visitor asked for: one set of filters for the index,
the feeds, the API and the embed, so that they always agree.

Parameters: ``category`` (slug), ``village`` (slug in any language, or page id),
``month`` (YYYY-MM), ``from`` and ``to`` (YYYY-MM-DD), ``past`` (1 for the archive).
Unknown values are errors (400), never a silent empty list.
"""

import calendar
import datetime
from collections import defaultdict
from dataclasses import dataclass

from django import forms
from django.db.models import Prefetch, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.images import get_image_model

from events.models import EventCategory, EventPage
from events.occurrences import add_years, occurrences_between
from events.venues import attach_places
from portal.i18n import language_codes
from portal.params import parse_id
from villages.models import AttractionPage, VillagePage

UPCOMING_YEARS = 1
ARCHIVE_YEARS = 3
MAX_SPAN_DAYS = 3 * 366
FIRST_YEAR, LAST_YEAR = 1901, 2099
CARD_RENDITION = "fill-320x200|format-webp"


MAX_ID = 2**63 - 1  # beyond this the database cannot even look the id up


def is_page_id(value):
    """ "42" is one; "²", "①", "٣" and 2**63 are not (ASCII digits, database range)."""
    return parse_id(value) is not None


@dataclass
class Window:
    first: datetime.date
    last: datetime.date
    newest_first: bool = False


def find_village(value):
    """The live public village with this id or slug (in any language), or None."""
    value = (value or "").strip()
    if not value:
        return None
    villages = VillagePage.objects.live().public()
    if value.isdigit():  # digits of any script: an id or nothing, never a slug
        return villages.filter(pk=parse_id(value)).first() if is_page_id(value) else None
    match = Q(slug=value)
    for code in language_codes():
        match |= Q(**{build_localized_fieldname("slug", code): value})
    return villages.filter(match).first()


def _month(value):
    try:
        day = datetime.datetime.strptime(value, "%Y-%m").date()
    except ValueError:
        return None
    return day if FIRST_YEAR <= day.year <= LAST_YEAR else None


def _check_year(day):
    if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise forms.ValidationError(
            _("Choose a date between %(first)s and %(last)s."),
            params={"first": FIRST_YEAR, "last": LAST_YEAR},
        )
    return day


class EventFilterForm(forms.Form):
    category = forms.CharField(label=_("Category"), required=False, max_length=80)
    village = forms.CharField(label=_("Village"), required=False, max_length=120)
    month = forms.CharField(label=_("Month"), required=False, max_length=7)
    past = forms.BooleanField(label=_("Past events"), required=False)

    def __init__(self, data=None, today=None, **kwargs):
        super().__init__(data, **kwargs)
        self.today = today
        self.fields["from"] = forms.DateField(label=_("From"), required=False)
        self.fields["to"] = forms.DateField(label=_("To"), required=False)
        self.category_obj = None
        self.village_obj = None

    def clean_category(self):
        slug = self.cleaned_data["category"].strip()
        if slug:
            self.category_obj = EventCategory.objects.filter(slug=slug).first()
            if self.category_obj is None:
                raise forms.ValidationError(
                    _("Unknown category “%(value)s”."), params={"value": slug}
                )
        return slug

    def clean_village(self):
        value = self.cleaned_data["village"].strip()
        if value:
            self.village_obj = find_village(value)
            if self.village_obj is None:
                raise forms.ValidationError(
                    _("Unknown village “%(value)s”."), params={"value": value}
                )
        return value

    def clean_month(self):
        value = self.cleaned_data["month"].strip()
        if value and _month(value) is None:
            raise forms.ValidationError(_("Give the month as YYYY-MM, e.g. 2027-04."))
        return value

    def clean(self):
        cleaned = super().clean()
        for name in ("from", "to"):
            try:
                _check_year(cleaned.get(name))
            except forms.ValidationError as error:
                self.add_error(name, error)
        first, last = cleaned.get("from"), cleaned.get("to")
        if first and last and last < first:
            self.add_error("to", _("The end of the range comes before its start."))
        return cleaned

    def window(self):
        """The days asked for, clamped to MAX_SPAN_DAYS."""
        data, today = self.cleaned_data, self.today
        if data.get("month"):
            first = _month(data["month"])
            last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
            return Window(first, last)
        if data.get("from") or data.get("to"):
            first = data.get("from") or today
            last = data.get("to") or add_years(first, UPCOMING_YEARS)
            return Window(first, min(last, first + datetime.timedelta(days=MAX_SPAN_DAYS)))
        if data.get("past"):
            return Window(
                add_years(today, -ARCHIVE_YEARS), today - datetime.timedelta(days=1), True
            )
        return Window(today, add_years(today, UPCOMING_YEARS))

    def error_text(self):
        """All errors in one line, for plain-text and JSON 400 answers."""
        return " ".join(
            f"{name}: {message}" for name, messages in self.errors.items() for message in messages
        )

    def active_filters(self):
        """The filters worth repeating in links (feeds, pagination)."""
        return {
            name: self.data.get(name)
            for name in ("category", "village", "month", "from", "to", "past")
            if self.data.get(name)
        }


def published_events():
    """Live, public event pages only: drafts and private pages never leave the admin."""
    return EventPage.objects.live().public()


def event_queryset(category=None, village=None, renditions=()):
    """Published events with what listings show, in a fixed number of queries:
    category, ethnic groups, and the image (with the given renditions prefetched)."""
    queryset = (
        published_events()
        .select_related("category")
        .prefetch_related("ethnic_groups")
        .order_by("start_date", "pk")
    )
    if renditions:
        images = get_image_model().objects.prefetch_renditions(*renditions)
        queryset = queryset.prefetch_related(Prefetch("image", queryset=images))
    else:
        queryset = queryset.select_related("image")
    if category is not None:
        queryset = queryset.filter(category=category)
    if village is not None:
        attractions = AttractionPage.objects.filter(village=village).values("pk")
        queryset = queryset.filter(Q(venue=village) | Q(venue__in=attractions))
    return queryset


def filtered_events(form, renditions=()):
    """The events matching a valid form's category and village, venues attached."""
    events = event_queryset(form.category_obj, form.village_obj, renditions)
    return attach_places(events)


def occurrences_in(events, window):
    """(event, occurrence) pairs overlapping the window, by date (newest first if asked)."""
    pairs = [
        (event, occurrence)
        for event in events
        for occurrence in occurrences_between(event.schedule, window.first, window.last)
    ]
    pairs.sort(key=lambda pair: (pair[1].sort_key, pair[0].title), reverse=window.newest_first)
    return pairs


def events_in(events, window):
    """The events with at least one occurrence in the window, in date order."""
    seen, ordered = set(), []
    for event, _occurrence in occurrences_in(events, window):
        if event.pk not in seen:
            seen.add(event.pk)
            ordered.append(event)
    return ordered


def month_grid(pairs, year, month, today):
    """Weeks of the month (Monday first), each day with the events on it."""
    by_day = defaultdict(list)
    for event, occurrence in pairs:
        for day in occurrence.days():
            by_day[day].append(event)
    return [
        [
            {
                "date": day,
                "in_month": day.month == month,
                "is_today": day == today,
                "events": by_day.get(day, []),
            }
            for day in week
        ]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]


def bad_request_text(form):
    return gettext("Bad parameters: %(errors)s") % {"errors": form.error_text()}
