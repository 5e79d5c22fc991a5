"""The fields of an event in the API (/api/v2/events/), with serializers for computed ones.

Everything an app or partner needs without a second request: the next occurrences
(solar dates, and the lunar date for lunar rules), the rule in words, the status,
the venue with coordinates, the page in every language, the .ics URL and images.
"""

from rest_framework import serializers

from events import clock
from events.display import lunar_text, when_text
from events.links import event_ics_url
from events.lunar import lunar_rule_words
from events.occurrences import Kind
from events.venues import place_of
from portal.api_images import PageImageRenditionField
from portal.i18n import language_codes, page_url

API_OCCURRENCES = 6
THUMBNAIL = "fill-480x300|format-webp"
LARGE = "width-1200|format-webp"


def occurrence_data(occurrence, lunar_rule):
    end = occurrence.end_datetime
    return {
        "start": occurrence.start.isoformat(),
        "end": occurrence.end.isoformat(),
        "all_day": occurrence.all_day,
        "start_datetime": occurrence.start_datetime.isoformat(),
        "end_datetime": end.isoformat() if end else None,
        "when": when_text(occurrence),
        "lunar_date": lunar_text(occurrence) if lunar_rule else None,
    }


class PageField(serializers.Field):
    """A read-only field computed from the whole page (source "*")."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    @property
    def request(self):
        return self.context.get("request")


class NextOccurrencesField(PageField):
    def to_representation(self, page):
        lunar_rule = page.schedule_kind == Kind.YEARLY_LUNAR
        found = getattr(page, "stored_next_occurrences", None)  # events.api prefetches them
        if found is None:
            found = page.following_occurrences(clock.today(), limit=API_OCCURRENCES)
        return [occurrence_data(o, lunar_rule) for o in found]


class ScheduleField(PageField):
    def to_representation(self, page):
        data = {
            "kind": page.schedule_kind,
            "start_date": page.start_date.isoformat(),
            "end_date": page.end_date.isoformat() if page.end_date else None,
            "start_time": page.start_time.strftime("%H:%M") if page.start_time else None,
            "end_time": page.end_time.strftime("%H:%M") if page.end_time else None,
            "timezone": "Asia/Ho_Chi_Minh",
            "repeat_until": page.repeat_until.isoformat() if page.repeat_until else None,
        }
        if page.schedule_kind in (Kind.YEARLY_SOLAR, Kind.YEARLY_LUNAR):
            data.update(month=page.rule_month, day=page.rule_day, duration_days=page.duration_days)
        if page.schedule_kind == Kind.YEARLY_LUNAR:
            data.update(end_month=page.rule_end_month, end_day=page.rule_end_day)
        if page.schedule_kind == Kind.WEEKLY:
            data.update(weekday=page.weekday, duration_days=page.duration_days)
        return data


class LunarRuleField(PageField):
    def to_representation(self, page):
        if page.schedule_kind != Kind.YEARLY_LUNAR:
            return None
        return lunar_rule_words(
            page.rule_day, page.rule_month, page.rule_end_day, page.rule_end_month
        )


class VenueField(PageField):
    def to_representation(self, page):
        place = place_of(page)
        if place is None:
            return None
        data = {
            "name": place.name,
            "address": place.address,
            "locality": place.locality,
            "latitude": place.latitude,
            "longitude": place.longitude,
            "page": None,
        }
        if place.page is not None:
            data["page"] = {
                "id": place.page.pk,
                "type": place.page._meta.label,
                "urls": _urls(place.page, self.request),
            }
        return data


def _urls(page, request):
    return {code: page_url(page, code, request, absolute=True) for code in language_codes()}


class UrlsField(PageField):
    def to_representation(self, page):
        return _urls(page, self.request)


class IcsUrlField(PageField):
    def to_representation(self, page):
        from django.utils.translation import get_language

        return event_ics_url(self.request, page, get_language())


class CategoryField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, category):
        return {"slug": category.slug, "name": category.name, "schema_type": category.schema_type}


class EthnicGroupsField(PageField):
    def to_representation(self, page):
        return [{"slug": g.slug, "name": g.name} for g in page.ethnic_groups.all()]


API_FIELDS = [
    ("summary", {}),
    ("status", {}),
    ("previous_start_date", {}),
    ("category", {"serializer": CategoryField()}),
    ("ethnic_groups", {"serializer": EthnicGroupsField()}),
    ("schedule", {"serializer": ScheduleField()}),
    ("lunar_rule", {"serializer": LunarRuleField()}),
    ("next_occurrences", {"serializer": NextOccurrencesField()}),
    ("venue", {"serializer": VenueField()}),
    ("organiser", {}),
    ("is_free", {}),
    ("price_vnd", {}),
    ("price_note", {}),
    ("urls", {"serializer": UrlsField()}),
    ("ics_url", {"serializer": IcsUrlField()}),
    ("image_thumbnail", {"serializer": PageImageRenditionField(THUMBNAIL, source="image")}),
    ("image_large", {"serializer": PageImageRenditionField(LARGE, source="image")}),
    ("description", {}),
]
