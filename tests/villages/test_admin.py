"""Editors: add and edit views of every place page type, snippets, coordinate validation."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from portal.models import HomePage
from tests.factories.places import add_commune
from tests.factories.site import VILLAGE
from tests.languages import supported_languages
from villages.models import (
    AttractionIndexPage,
    AttractionPage,
    HomestayFinderPage,
    HomestayPage,
    MapPage,
    VillageIndexPage,
    VillagePage,
)

pytestmark = pytest.mark.django_db


def every_column(*names):
    """The stream fields' columns in every supported language (the form has them all)."""
    return [build_localized_fieldname(n, code) for n in names for code in supported_languages()]


STREAM_FIELDS = {
    VillagePage: every_column("culture", "things_to_do"),
    AttractionPage: every_column("body"),
}


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def edit_form_data(admin_client, page, **changes):
    """The edit form as the browser would post it, with ``changes`` applied."""
    response = admin_client.get(edit_url(page))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for name in STREAM_FIELDS.get(type(page), []):
        # Stream fields are drawn by JavaScript: post them as the editor would.
        blocks = [("paragraph", rich_text("<p>Đoạn văn thử.</p>"))] if name.endswith("_vi") else []
        for key, value in nested_form_data({name: streamfield(blocks)}).items():
            data[key] = value
    for name, value in changes.items():
        data[name] = value
    data["action-publish"] = "action-publish"
    return data


def as_post(data):
    """The test client posts only the last value of a QueryDict key: send lists."""
    return dict(data.lists())


@pytest.fixture
def place_pages(test_site):
    """One page of every place type, from the test site."""
    return {
        "village": test_site.village,
        "homestay": test_site.homestay,
        "attraction": test_site.peak,
        "village index": test_site.villages,
        "attraction index": test_site.attractions,
        "finder": test_site.finder,
        "map": test_site.map,
    }


@pytest.mark.parametrize(
    "key",
    ["village", "homestay", "attraction", "village index", "attraction index", "finder", "map"],
)
def test_the_edit_view_of_every_place_page_type_loads(admin_client, place_pages, key):
    page = place_pages[key]
    response = admin_client.get(edit_url(page))
    assert response.status_code == 200
    assert "title_vi" in response.content.decode()


@pytest.mark.parametrize(
    ("model", "parent"),
    [
        (VillageIndexPage, None),
        (AttractionIndexPage, None),
        (HomestayFinderPage, None),
        (MapPage, None),
        (VillagePage, "village index"),
        (HomestayPage, "village"),
        (AttractionPage, "attraction index"),
    ],
)
def test_the_add_view_of_every_place_page_type_loads(admin_client, place_pages, model, parent):
    parent_page = place_pages[parent] if parent else HomePage.objects.get()
    url = reverse(
        "wagtailadmin_pages:add",
        args=(model._meta.app_label, model._meta.model_name, parent_page.pk),
    )
    response = admin_client.get(url)
    # Single-instance pages (index, finder, map) already exist: Wagtail refuses by
    # sending the editor back to the dashboard; every other type shows its form.
    if model._meta.model_name.endswith(("indexpage", "finderpage", "mappage")):
        assert (response.status_code, response.url) == (302, "/admin/")
    else:
        assert response.status_code == 200


def test_the_location_tab_has_a_clickable_map_with_the_vendored_leaflet(admin_client, test_site):
    html = admin_client.get(edit_url(test_site.village)).content.decode()
    assert "data-map-point" in html
    assert "villages/vendor/leaflet/leaflet.js" in html
    assert "unpkg" not in html and "cdnjs" not in html


@pytest.mark.parametrize(
    ("key", "field", "value", "read"),
    [
        ("village", "altitude", "650", lambda p: p.altitude == 650),
        ("homestay", "capacity", "7", lambda p: p.capacity == 7),
        ("attraction", "elevation", "1180", lambda p: p.elevation == 1180),
        ("village index", "introduction_en", "Edited.", lambda p: p.introduction_en == "Edited."),
        (
            "attraction index",
            "introduction_en",
            "Edited.",
            lambda p: p.introduction_en == "Edited.",
        ),
        ("finder", "introduction_en", "Edited.", lambda p: p.introduction_en == "Edited."),
        ("map", "introduction_en", "Edited.", lambda p: p.introduction_en == "Edited."),
    ],
)
def test_a_posted_edit_is_published(admin_client, place_pages, key, field, value, read):
    page = place_pages[key]
    data = edit_form_data(admin_client, page, **{field: value})
    response = admin_client.post(edit_url(page), as_post(data))
    assert response.status_code == 302, _form_errors(response)
    fresh = type(page).objects.get(pk=page.pk)
    assert read(fresh)
    assert fresh.live and not fresh.has_unpublished_changes


def test_a_posted_edit_of_an_attraction_keeps_its_best_months(admin_client, test_site):
    page = test_site.peak
    assert page.best_months != [1, 12]
    data = edit_form_data(admin_client, page)
    data.setlist("best_months", ["12", "1"])
    response = admin_client.post(edit_url(page), as_post(data))
    assert response.status_code == 302, _form_errors(response)
    assert AttractionPage.objects.get(pk=page.pk).best_months == [1, 12]


def test_the_admin_rejects_a_point_outside_the_region_with_a_clear_error(admin_client, test_site):
    page = test_site.village
    data = edit_form_data(admin_client, page, latitude="21.0285", longitude="105.8542")  # Hà Nội
    response = admin_client.post(edit_url(page), as_post(data))
    assert response.status_code == 200
    errors = _form_errors(response)
    assert "latitude" in errors and "longitude" in errors
    # Staff read the admin in Vietnamese.
    assert "nằm ngoài khu vực Bình Liêu" in str(errors["latitude"])
    assert VillagePage.objects.get(pk=page.pk).latitude == pytest.approx(VILLAGE["latitude"])


def test_a_homestay_with_an_invalid_phone_or_inverted_prices_is_refused(admin_client, test_site):
    page = test_site.homestay
    data = edit_form_data(admin_client, page, phone="12345", price_min="500000", price_max="100")
    response = admin_client.post(edit_url(page), as_post(data))
    assert response.status_code == 200
    errors = _form_errors(response)
    assert "phone" in errors and "price_max" in errors
    fresh = HomestayPage.objects.get(pk=page.pk)
    assert (fresh.phone, fresh.price_min, fresh.price_max) == (page.phone, 250_000, 350_000)


def test_model_validation_rejects_a_point_outside_the_box(vietnamese, test_site):
    page = test_site.village
    page.full_clean()
    page.longitude = 108.2
    with pytest.raises(ValidationError) as excinfo:
        page.full_clean()
    assert "longitude" in excinfo.value.message_dict


def test_the_region_box_is_a_setting(settings, vietnamese, test_site):
    settings.PLACES_REGION_BOX = {"min_lat": 10, "max_lat": 11, "min_lon": 106, "max_lon": 107}
    page = test_site.village
    with pytest.raises(ValidationError):
        page.full_clean()
    page.latitude, page.longitude = 10.5, 106.5
    page.full_clean()


@pytest.mark.parametrize(
    ("model_name", "snippet", "english_field"),
    [
        ("ethnicgroup", lambda site: site.group("san-chi"), "name_en"),
        ("commune", lambda site: site.commune("north"), "name_en"),
        ("amenity", lambda site: site.amenity("wifi"), "label_en"),
    ],
)
def test_snippet_listing_and_edit_views_load(
    admin_client, test_site, model_name, snippet, english_field
):
    obj = snippet(test_site)
    listing = admin_client.get(reverse(f"wagtailsnippets_villages_{model_name}:list"))
    assert listing.status_code == 200
    assert str(obj) in listing.content.decode()
    edit = admin_client.get(reverse(f"wagtailsnippets_villages_{model_name}:edit", args=(obj.pk,)))
    assert edit.status_code == 200
    assert f'name="{english_field}"' in edit.content.decode()


def test_a_commune_keeps_its_former_names_as_aliases():
    from villages.models import Commune

    with translation.override("vi"):
        add_commune("xa-thu-alias", "xã Thử Gộp", "Test Merged commune", ["Thử Xưa", "Thử Cổ"])
        commune = Commune.objects.get(slug="xa-thu-alias")
        assert commune.name == "xã Thử Gộp"
        assert list(commune.former_names) == ["Thử Xưa", "Thử Cổ"]


def _form_errors(response):
    context = getattr(response, "context", None)
    if not context or "form" not in context:
        return {}
    return context["form"].errors
