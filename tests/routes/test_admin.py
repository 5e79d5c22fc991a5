"""Editors: the route add and edit views load, show the tabs, and a posted edit publishes."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from modeltranslation.utils import build_localized_fieldname
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from tests.languages import supported_languages
from tests.routes.helpers import (
    climbing_track,
    gpx_bytes,
    journey,
    length_m,
    make_route,
    route_index,
)
from villages.routes.models import RouteIndexPage, RoutePage

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def edit_form_data(client, page, **changes):
    """The edit form as the browser would post it (lists kept), with ``changes``."""
    response = client.get(edit_url(page))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for name in [build_localized_fieldname("body", code) for code in supported_languages()]:
        for key, value in nested_form_data({name: streamfield([])}).items():
            data[key] = value
    post = dict(data.lists())
    post.update({key: [value] for key, value in changes.items()})
    post["action-publish"] = ["action-publish"]
    return post


def form_errors(response):
    context = getattr(response, "context", None)
    return context["form"].errors if context and "form" in context else {}


def test_the_edit_view_of_a_route_loads_with_its_tabs_and_the_current_track(admin_client):
    page = make_route(gpx_filename="edit-view-test-track.gpx")
    html = admin_client.get(edit_url(page)).content.decode()
    # The admin speaks Vietnamese, the site's default language, to staff.
    with translation.override("vi"):
        tabs = [gettext(t) for t in ("Route and track", "Stops and stages", "Practical", "Safety")]
    assert tabs[0] != "Route and track"
    for tab in tabs:
        assert tab in html
    assert 'name="gpx_upload"' in html and 'accept=".gpx,application/gpx+xml"' in html
    assert "edit-view-test-track.gpx" in html
    assert "title_vi" in html and "no_signal_en" in html


def test_the_add_views_of_the_route_index_and_a_route_load(admin_client):
    route_add = reverse("wagtailadmin_pages:add", args=("routes", "routepage", route_index().pk))
    assert admin_client.get(route_add).status_code == 200
    home = route_index().get_parent()
    index_add = reverse("wagtailadmin_pages:add", args=("routes", "routeindexpage", home.pk))
    refused = admin_client.get(index_add)  # only one route index: back to the dashboard
    assert (refused.status_code, refused.url) == (302, "/admin/")
    assert admin_client.get(edit_url(RouteIndexPage.objects.get())).status_code == 200


def test_a_posted_edit_is_published(admin_client):
    page = make_route(title_en="Test route before the edit")
    data = edit_form_data(admin_client, page, title_en="Test route after the edit")
    response = admin_client.post(edit_url(page), data)
    assert response.status_code == 302, form_errors(response)
    fresh = RoutePage.objects.get(pk=page.pk)
    assert fresh.title_en == "Test route after the edit"
    assert fresh.live and not fresh.has_unpublished_changes
    assert fresh.track == page.track and fresh.distance_m == page.distance_m


def test_changing_the_mode_recomputes_the_estimated_time(admin_client):
    page = make_route()
    assert page.duration_minutes == pytest.approx(170, abs=5)
    response = admin_client.post(
        edit_url(page), edit_form_data(admin_client, page, mode="motorbike")
    )
    assert response.status_code == 302, form_errors(response)
    assert RoutePage.objects.get(pk=page.pk).duration_minutes == 25


def test_uploading_a_new_track_replaces_the_figures(admin_client):
    page = make_route()
    shorter = climbing_track(points=101, north_deg=0.01, low=500, high=600)
    data = edit_form_data(admin_client, page)
    data["gpx_upload"] = SimpleUploadedFile("shorter.gpx", gpx_bytes(shorter))
    response = admin_client.post(edit_url(page), data)
    assert response.status_code == 302, form_errors(response)
    fresh = RoutePage.objects.get(pk=page.pk)
    assert fresh.gpx_filename == "shorter.gpx" and len(fresh.track) == 101
    assert fresh.distance_m == pytest.approx(length_m(shorter), abs=1)


def test_a_draft_saved_with_a_new_track_keeps_it_for_publishing(admin_client):
    page = make_route()
    shorter = climbing_track(points=101, north_deg=0.01, low=500, high=600)
    data = edit_form_data(admin_client, page)
    del data["action-publish"]
    data["gpx_upload"] = SimpleUploadedFile("draft.gpx", gpx_bytes(shorter))
    response = admin_client.post(edit_url(page), data)
    assert response.status_code == 302, form_errors(response)
    live = RoutePage.objects.get(pk=page.pk)
    assert live.gpx_filename != "draft.gpx" and live.has_unpublished_changes
    live.get_latest_revision().publish()
    published = RoutePage.objects.get(pk=page.pk)
    assert published.gpx_filename == "draft.gpx" and len(published.track) == 101


def test_a_stop_must_be_a_village_a_homestay_or_an_attraction(admin_client, test_site):
    page = make_route()
    data = edit_form_data(admin_client, page)
    data.update(
        {
            "stops-TOTAL_FORMS": ["2"],
            "stops-0-place": [str(test_site.village.pk)],
            "stops-0-note_vi": [""],
            "stops-0-note_en": [""],
            "stops-0-ORDER": ["1"],
            "stops-0-DELETE": [""],
            "stops-0-id": [""],
            "stops-1-place": [str(route_index().pk)],
            "stops-1-note_vi": [""],
            "stops-1-note_en": [""],
            "stops-1-ORDER": ["2"],
            "stops-1-DELETE": [""],
            "stops-1-id": [""],
        }
    )
    response = admin_client.post(edit_url(page), data)
    assert response.status_code == 200
    formset_errors = response.context["form"].formsets["stops"].errors
    with translation.override("vi"):
        assert gettext("Choose a village, a homestay or an attraction.") in str(formset_errors)


def test_stops_posted_in_the_admin_are_saved_in_order(admin_client, test_site):
    page = make_route()
    data = edit_form_data(admin_client, page)
    places = [test_site.peak, test_site.village]
    data["stops-TOTAL_FORMS"] = [str(len(places))]
    for n, place in enumerate(places):
        data.update(
            {
                f"stops-{n}-place": [str(place.pk)],
                f"stops-{n}-note_vi": ["Ghi chú"],
                f"stops-{n}-note_en": ["Note"],
                f"stops-{n}-ORDER": [str(n + 1)],
                f"stops-{n}-DELETE": [""],
                f"stops-{n}-id": [""],
            }
        )
    response = admin_client.post(edit_url(page), data)
    assert response.status_code == 302, form_errors(response)
    fresh = RoutePage.objects.get(pk=page.pk)
    assert [s.place_id for s in fresh.stops.all()] == [p.pk for p in places]


def test_the_preview_of_an_edited_route_shows_its_figures_and_stops(admin_client, test_site):
    page, places, _points = journey(test_site)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    data = edit_form_data(admin_client, page, title_vi="Bản xem trước")
    response = admin_client.post(url, data)
    assert response.json()["is_valid"] is True
    preview = admin_client.get(url)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Bản xem trước" in html and 'data-figure="distance"' in html
    assert html.count('class="route-stops__number"') == len(places) == 5
