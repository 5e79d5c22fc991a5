"""Bad GPX files are refused with a clear message, in the reader and in the admin,
and nothing is saved: no page, no revision, no change, no file."""

import os

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

from tests.languages import supported_languages
from tests.routes.bad_gpx import BAD_FILES
from tests.routes.helpers import climbing_track, gpx_bytes, make_route, route_index
from villages.routes.gpx import read_gpx
from villages.routes.models import RoutePage

pytestmark = pytest.mark.django_db

IDS = [name for name, *_rest in BAD_FILES]


@pytest.fixture(autouse=True)
def english():
    """These tests read the English messages; the Vietnamese ones are checked in the admin."""
    with translation.override("en"):
        yield


@pytest.mark.parametrize(("name", "data", "code", "words"), BAD_FILES, ids=IDS)
def test_the_reader_refuses_every_kind_of_bad_file_with_a_clear_message(name, data, code, words):
    with pytest.raises(ValidationError) as excinfo:
        read_gpx(SimpleUploadedFile("track.gpx", data))
    assert excinfo.value.code == code
    message = excinfo.value.messages[0]
    assert words in message
    assert "Traceback" not in message


def test_the_reader_refuses_a_file_above_the_size_limit_before_reading_it(settings):
    settings.ROUTES_GPX_MAX_BYTES = 1000
    upload = SimpleUploadedFile("big.gpx", gpx_bytes())
    with pytest.raises(ValidationError) as excinfo:
        read_gpx(upload)
    assert excinfo.value.code == "too_large"
    assert "largest accepted is 1000" in excinfo.value.messages[0]


def test_the_reader_refuses_a_track_with_too_many_points(settings):
    settings.ROUTES_GPX_MAX_POINTS = 100
    with pytest.raises(ValidationError) as excinfo:
        read_gpx(gpx_bytes())
    assert excinfo.value.code == "too_many_points"


def test_entities_are_never_expanded_even_inside_an_otherwise_good_track():
    from tests.routes.bad_gpx import XXE

    with pytest.raises(ValidationError) as excinfo:
        read_gpx(XXE)
    assert "root:" not in str(excinfo.value)


# The admin: add and edit views.


@pytest.fixture
def english_editor(admin_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    return admin_user


def add_url():
    return reverse("wagtailadmin_pages:add", args=("routes", "routepage", route_index().pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def add_form_data(**changes):
    data = {
        "title_vi": "Cung đường mới",
        "title_en": "New route",
        "slug_vi": "cung-duong-moi",
        "slug_en": "new-route",
        "mode": "walk",
        "difficulty": "easy",
        "shape": "loop",
        **{
            f"{build_localized_fieldname('body', code)}-count": "0"
            for code in supported_languages()
        },
        "stops-TOTAL_FORMS": "0",
        "stops-INITIAL_FORMS": "0",
        "stops-MIN_NUM_FORMS": "0",
        "stops-MAX_NUM_FORMS": "1000",
        "stages-TOTAL_FORMS": "0",
        "stages-INITIAL_FORMS": "0",
        "stages-MIN_NUM_FORMS": "0",
        "stages-MAX_NUM_FORMS": "1000",
        "action-publish": "action-publish",
    }
    data.update(changes)
    return data


def form_errors(response, language="en"):
    """The form's errors as the editor read them (messages are lazy: render them now)."""
    from django.utils import translation

    errors = response.context["form"].errors if response.context else {}
    with translation.override(language):
        return {field: [str(message) for message in messages] for field, messages in errors.items()}


def shown_html(response):
    return (
        response.content.decode().replace("&lt;", "<").replace("&gt;", ">").replace("&#x27;", "'")
    )


def media_files():
    from django.conf import settings

    return {
        os.path.join(root, name)
        for root, _dirs, names in os.walk(settings.MEDIA_ROOT)
        for name in names
    }


@pytest.mark.parametrize(("name", "data", "code", "words"), BAD_FILES, ids=IDS)
def test_the_add_view_shows_the_error_and_creates_nothing(
    client, english_editor, name, data, code, words
):
    client.force_login(english_editor)
    pages_before, files_before = RoutePage.objects.count(), media_files()
    upload = SimpleUploadedFile("track.gpx", data, content_type="application/gpx+xml")
    response = client.post(add_url(), add_form_data(gpx_upload=upload))
    assert response.status_code == 200
    errors = form_errors(response)
    assert words in " ".join(errors["gpx_upload"])
    assert words in shown_html(response)
    assert RoutePage.objects.count() == pages_before
    assert media_files() == files_before


def test_the_add_view_asks_for_a_track_when_none_is_uploaded(client, english_editor):
    client.force_login(english_editor)
    response = client.post(add_url(), add_form_data())
    assert "Upload the route's GPX track." in form_errors(response)["gpx_upload"]
    assert not RoutePage.objects.filter(slug_en="new-route").exists()


def test_the_add_view_refuses_a_file_above_the_size_limit(client, english_editor, settings):
    settings.ROUTES_GPX_MAX_BYTES = 2000
    client.force_login(english_editor)
    upload = SimpleUploadedFile("big.gpx", gpx_bytes())
    response = client.post(add_url(), add_form_data(gpx_upload=upload))
    assert "the largest accepted is" in " ".join(form_errors(response)["gpx_upload"])
    assert not RoutePage.objects.filter(slug_en="new-route").exists()


@pytest.mark.parametrize(("name", "data", "code", "words"), BAD_FILES, ids=IDS)
def test_the_edit_view_shows_the_error_and_changes_nothing(
    client, english_editor, name, data, code, words
):
    from tests.routes.test_admin import edit_form_data

    client.force_login(english_editor)
    route = make_route()
    revisions, track = route.revisions.count(), route.track
    post = edit_form_data(client, route, title_en="Changed title")
    post["gpx_upload"] = SimpleUploadedFile("track.gpx", data)
    response = client.post(edit_url(route), post)
    assert response.status_code == 200
    assert words in " ".join(form_errors(response)["gpx_upload"])
    fresh = RoutePage.objects.get(pk=route.pk)
    assert fresh.track == track and fresh.title_en != "Changed title"
    assert fresh.revisions.count() == revisions


def test_a_vietnamese_editor_gets_the_message_in_the_admin_language(admin_client, admin_user):
    from django import forms
    from django.utils import translation
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "vi"
    profile.save()
    response = admin_client.post(
        add_url(), add_form_data(gpx_upload=SimpleUploadedFile("a.gpx", b""))
    )
    with translation.override("vi"):
        expected = str(forms.FileField.default_error_messages["empty"])
    assert expected != "The submitted file is empty."
    assert expected in shown_html(response)


def test_a_good_upload_through_the_add_view_stores_the_track_and_its_figures(
    client, english_editor
):
    client.force_login(english_editor)
    upload = SimpleUploadedFile("climb.gpx", gpx_bytes(), content_type="application/gpx+xml")
    response = client.post(add_url(), add_form_data(gpx_upload=upload))
    assert response.status_code == 302, form_errors(response)
    page = RoutePage.objects.get(slug_en="new-route")
    assert page.live and page.gpx_filename == "climb.gpx"
    assert len(page.track) == len(climbing_track())
    assert page.distance_m == pytest.approx(10008, abs=10)
    assert page.ascent_m == pytest.approx(500, rel=0.04)
