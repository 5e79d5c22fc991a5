"""An event page: what, who, where, and its schedule (dates or a yearly/weekly rule)."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from events import clock, validation
from events.api_fields import API_FIELDS
from events.forms import EventPageForm
from events.occurrences import (
    EVENT_TZ,
    Kind,
    Weekday,
    following,
    next_occurrence,
    schedule_of,
)
from events.status import BADGES, Status
from events.venues import place_of, venue_models
from portal.blocks import BaseStreamBlock
from portal.models import BasePage, page_tabs
from portal.search import translated_search_fields
from villages.geo import validate_latitude, validate_longitude
from villages.places import PlaceChooserPanel

from .category import DEFAULT_EVENT_MINUTES

MONTHS = [(n, str(n)) for n in range(1, 13)]


def row(*names):
    return FieldRowPanel([FieldPanel(name) for name in names])


class EventPage(BasePage):
    category = models.ForeignKey(
        "events.EventCategory",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    ethnic_groups = ParentalManyToManyField(
        "villages.EthnicGroup", verbose_name=_("ethnic groups"), blank=True, related_name="events"
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences for lists, feeds and search.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = StreamField(BaseStreamBlock(), verbose_name=_("description"), blank=True)
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    is_free = models.BooleanField(_("free entry"), default=True)
    price_vnd = models.PositiveIntegerField(
        _("price (VND)"), null=True, blank=True, help_text=_("Leave empty when entry is free.")
    )
    price_note = models.CharField(
        _("price note"), max_length=200, blank=True, help_text=_("E.g. “food stalls extra”.")
    )

    # Where: a village or attraction page, else a named place.
    venue = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("village or attraction"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_events",
    )
    venue_name = models.CharField(
        _("place name"),
        max_length=200,
        blank=True,
        help_text=_("When the place has no page of its own, e.g. “Sở forest, Đồng Long”."),
    )
    venue_address = models.CharField(_("hamlet and commune"), max_length=200, blank=True)
    venue_latitude = models.FloatField(
        _("latitude"), null=True, blank=True, validators=[validate_latitude]
    )
    venue_longitude = models.FloatField(
        _("longitude"), null=True, blank=True, validators=[validate_longitude]
    )

    # When (Asia/Ho_Chi_Minh).
    schedule_kind = models.CharField(
        _("repeats"), max_length=20, choices=Kind.choices, default=Kind.SINGLE
    )
    start_date = models.DateField(
        _("first day"), help_text=_("For a repeating rule: the day the rule starts to apply.")
    )
    end_date = models.DateField(
        _("last day"), null=True, blank=True, help_text=_("For events on given dates only.")
    )
    start_time = models.TimeField(
        _("start time"), null=True, blank=True, help_text=_("Leave empty for all-day events.")
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("length (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "When there is a start time but no end time: how long it lasts. "
            "Empty: the usual length of its category."
        ),
    )
    rule_month = models.PositiveSmallIntegerField(
        _("month"),
        null=True,
        blank=True,
        choices=MONTHS,
        help_text=_("Yearly rules: the solar month, or the lunar month for a lunar rule."),
    )
    rule_day = models.PositiveSmallIntegerField(
        _("day of the month"), null=True, blank=True, help_text=_("Yearly rules only.")
    )
    rule_end_day = models.PositiveSmallIntegerField(
        _("last day (lunar)"),
        null=True,
        blank=True,
        help_text=_(
            "Lunar seasons: the lunar day and month they end on, e.g. day 15, month 1 for a "
            "season from the 15th of the 12th month to the 15th of the 1st. Empty: one day."
        ),
    )
    rule_end_month = models.PositiveSmallIntegerField(
        _("last month (lunar)"), null=True, blank=True, choices=MONTHS
    )
    duration_days = models.PositiveSmallIntegerField(
        _("number of days"),
        default=1,
        help_text=_(
            "Solar and weekly rules: how many days each time (15–17 → 3). Lunar rules give "
            "their last day instead."
        ),
    )
    weekday = models.PositiveSmallIntegerField(
        _("day of the week"), null=True, blank=True, choices=Weekday.choices
    )
    repeat_until = models.DateField(
        _("repeats until"), null=True, blank=True, help_text=_("Empty: repeats with no end.")
    )

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    previous_start_date = models.DateField(
        _("previously announced date"),
        null=True,
        blank=True,
        help_text=_("For a rescheduled event: the first day it was announced for."),
    )
    previous_start_time = models.TimeField(_("previously announced time"), null=True, blank=True)
    # Grows with every published edit: calendar apps replace their copy when it does.
    ical_sequence = models.PositiveIntegerField(default=0, editable=False)

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        row("category", "ethnic_groups"),
        FieldPanel("image"),
        FieldPanel("description"),
        FieldPanel("organiser"),
        MultiFieldPanel(
            [FieldPanel("is_free"), row("price_vnd", "price_note")], heading=_("Price")
        ),
    ]
    schedule_panels = [
        MultiFieldPanel(
            [
                FieldPanel("schedule_kind"),
                row("start_date", "end_date"),
                row("start_time", "end_time", "duration_minutes"),
                row("rule_day", "rule_month", "duration_days"),
                row("rule_end_day", "rule_end_month"),
                FieldPanel("weekday"),
                FieldPanel("repeat_until"),
            ],
            heading=_("When"),
            help_text=_(
                "Dates and times are Bình Liêu time (UTC+7). Lunar rules use the Vietnamese "
                "lunar calendar: e.g. day 16, month 3 for the Soóng cọ festival."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("status"), row("previous_start_date", "previous_start_time")],
            heading=_("Status"),
        ),
    ]
    venue_panels = [
        PlaceChooserPanel("venue", "venue"),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                row("venue_latitude", "venue_longitude"),
            ],
            heading=_("Or a place without a page"),
        ),
    ]
    base_form_class = EventPageForm
    edit_handler = page_tabs(
        (content_panels, _("Content")),
        (schedule_panels, _("Dates")),
        (venue_panels, _("Place")),
    )
    search_kind = "event"
    search_fields = (
        BasePage.search_fields
        + translated_search_fields("summary", "description", "venue_name", "organiser")
        + [index.FilterField("start_date")]
    )
    api_fields = [APIField(name, **options) for name, options in API_FIELDS]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    schema_type = "Event"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        # The agenda's weekly box reads the first weekly events by start date (a
        # scan of every event without it: 7 ms at 10,000 on SQLite).
        indexes = [
            models.Index(fields=["schedule_kind", "start_date"], name="events_kind_start_idx")
        ]

    def permissions_for_user(self, user):
        """Tree permissions plus the commune editors of the venue (events/permissions.py)."""
        from events.permissions import EventPermissionTester

        return EventPermissionTester(user, self)

    def structured_data(self, request=None, context=None):
        from events.page_context import featured_occurrence, page_jsonld

        context = context or {}
        if "featured_occurrence" in context:
            occurrence = context["featured_occurrence"]
        else:
            occurrence = featured_occurrence(self, clock.today())
        return [page_jsonld(self, request, occurrence, get_language())]

    def clean(self):
        super().clean()
        errors = {
            **validation.schedule_errors(self),
            **validation.status_errors(self),
            **validation.venue_errors(self, venue_models()),
        }
        if errors:
            raise ValidationError(errors)

    def with_content_json(self, content):
        # Publishing an older revision must not wind the calendar sequence back.
        obj = super().with_content_json(content)
        obj.ical_sequence = self.ical_sequence
        return obj

    def search_about(self):
        from events.search_terms import event_terms

        return event_terms(self)

    @property
    def schedule(self):
        return schedule_of(self, self.default_duration)

    @property
    def default_duration(self):
        """How long a timed occurrence without an end time lasts: the page's own
        length, else its category's usual length, else DEFAULT_EVENT_MINUTES."""
        minutes = self.duration_minutes
        if not minutes and self.category_id:
            minutes = self.category.default_duration_minutes
        return datetime.timedelta(minutes=minutes or DEFAULT_EVENT_MINUTES)

    @property
    def previous_start(self):
        """The previously announced start, aware (UTC+7), or None."""
        if self.previous_start_date is None:
            return None
        return datetime.datetime.combine(
            self.previous_start_date, self.previous_start_time or datetime.time(), EVENT_TZ
        )

    @property
    def place(self):
        return place_of(self)

    @property
    def status_badge(self):
        return BADGES.get(self.status, "")

    @property
    def is_cancelled(self):
        return self.status == Status.CANCELLED

    def next_occurrence(self, today=None):
        return next_occurrence(self.schedule, today or clock.today())

    def following_occurrences(self, today=None, limit=None):
        return following(self.schedule, today or clock.today(), limit=limit)

    @property
    def ics_path(self):
        return reverse("events:event_ics", kwargs={"pk": self.pk})

    def get_context(self, request, *args, **kwargs):
        from events.page_context import event_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_page_context(self, request, clock.today()))
        return context
