"""Editors work in the Wagtail admin: the event forms load, validate and publish."""

import datetime

import pytest
from modeltranslation.utils import build_localized_fieldname
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from events.models import EventCategory, EventIndexPage, EventPage
from events.occurrences import Kind, Weekday
from events.status import Status
from tests.events.conftest import LUNAR_16_3
from tests.languages import supported_languages

pytestmark = pytest.mark.django_db


def event_form(category, **overrides):
    data = {
        "title_vi": "Lễ hội thử",
        "title_en": "Test festival",
        "slug_vi": "hoi-thu-moi",
        "slug_en": "test-festival",
        "summary_vi": "Tóm tắt",
        "summary_en": "Summary",
        "category": category.pk,
        "description_vi": streamfield([("paragraph", rich_text("<p>Mô tả</p>"))]),
        "description_en": streamfield([("paragraph", rich_text("<p>Description</p>"))]),
        "organiser_vi": "",
        "organiser_en": "",
        "is_free": "on",
        "price_note_vi": "",
        "price_note_en": "",
        "schedule_kind": Kind.YEARLY_LUNAR,
        "start_date": "2020-01-01",
        "rule_day": "16",
        "rule_month": "3",
        "duration_days": "1",
        "status": "scheduled",
        "venue_name_vi": "Thôn Thử",
        "venue_name_en": "Test hamlet",
        "venue_address_vi": "",
        "venue_address_en": "",
        "venue_latitude": "21.585",
        "venue_longitude": "107.345",
        "seo_title_vi": "",
        "seo_title_en": "",
        "search_description_vi": "",
        "search_description_en": "",
    }
    for code in supported_languages():  # the form has every supported language's columns
        data.setdefault(build_localized_fieldname("description", code), streamfield([]))
    data.update(overrides)
    return nested_form_data(data)


@pytest.mark.parametrize(
    "fields",
    [
        {"schedule_kind": Kind.YEARLY_LUNAR, "rule_month": 3, "rule_day": 16},
        {
            "schedule_kind": Kind.YEARLY_LUNAR,
            "rule_month": 12,
            "rule_day": 15,
            "rule_end_month": 1,
            "rule_end_day": 15,
        },
        {"schedule_kind": Kind.YEARLY_SOLAR, "rule_month": 12, "rule_day": 15, "duration_days": 3},
        {"schedule_kind": Kind.WEEKLY, "weekday": Weekday.SATURDAY},
        {"schedule_kind": Kind.SINGLE, "start_time": datetime.time(14)},
        {
            "status": Status.RESCHEDULED,
            "previous_start_date": datetime.date(2026, 12, 1),
        },
    ],
    ids=["lunar", "lunar-season", "solar", "weekly", "timed", "rescheduled"],
)
def test_the_edit_view_of_each_kind_of_event_loads(admin_client, make_event, fields):
    page = make_event(start_date=datetime.date(2026, 12, 5), **fields)
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert b'name="rule_day"' in response.content


def test_the_add_view_of_an_event_loads(admin_client):
    index = EventIndexPage.objects.get()
    response = admin_client.get(f"/admin/pages/add/events/eventpage/{index.pk}/")
    assert response.status_code == 200


def test_the_index_page_edit_view_and_the_category_snippets_load(admin_client):
    index = EventIndexPage.objects.get()
    assert admin_client.get(f"/admin/pages/{index.pk}/edit/").status_code == 200
    assert admin_client.get("/admin/snippets/events/eventcategory/").status_code == 200


def test_a_posted_new_event_is_published(admin_client, frozen_today):
    index = EventIndexPage.objects.get()
    category = EventCategory.objects.get(slug="festival")
    data = event_form(category)
    data["action-publish"] = "action-publish"
    response = admin_client.post(f"/admin/pages/add/events/eventpage/{index.pk}/", data)
    assert response.status_code == 302, response.content[:2000]
    page = EventPage.objects.get(slug_en="test-festival")
    assert page.live
    assert page.next_occurrence().start == LUNAR_16_3[0]


def test_a_posted_edit_publishes_and_bumps_the_calendar_sequence(
    admin_client, frozen_today, calendar
):
    page = calendar.solar
    before = page.ical_sequence
    data = event_form(
        page.category,
        title_vi="Hội Hoa Thử Mới",
        title_en="New Test Flower Fair",
        slug_vi=page.slug_vi,
        slug_en=page.slug_en,
        schedule_kind=Kind.YEARLY_SOLAR,
        start_date="2015-12-01",
        rule_day="15",
        rule_month="12",
        duration_days="3",
        venue_latitude="21.54",
        venue_longitude="107.46",
    )
    data["action-publish"] = "action-publish"
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content[:2000]
    page.refresh_from_db()
    assert page.title_en == "New Test Flower Fair"
    assert page.live and not page.has_unpublished_changes
    assert page.ical_sequence == before + 1
    assert admin_client.get(page.ics_path).content.count(b"SEQUENCE:") == 1


@pytest.mark.parametrize(
    "overrides,field",
    [
        ({"rule_day": "31"}, "rule_day"),
        ({"schedule_kind": Kind.YEARLY_SOLAR, "rule_day": "30", "rule_month": "2"}, "rule_day"),
        ({"schedule_kind": Kind.WEEKLY}, "weekday"),
        ({"status": "rescheduled"}, "previous_start_date"),
        ({"start_time": "10:00", "end_time": "09:00"}, "end_time"),
        ({"venue_latitude": "10.0"}, "venue_latitude"),
        ({"venue_name_vi": "", "venue_name_en": ""}, "venue_name"),
    ],
)
def test_an_invalid_schedule_is_refused_with_a_message(admin_client, overrides, field):
    index = EventIndexPage.objects.get()
    data = event_form(EventCategory.objects.get(slug="festival"), **overrides)
    data["action-publish"] = "action-publish"
    response = admin_client.post(f"/admin/pages/add/events/eventpage/{index.pk}/", data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert any(name.startswith(field) for name in errors), errors
    assert not EventPage.objects.filter(slug_en="test-festival").exists()
