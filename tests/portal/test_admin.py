"""Editors can open and publish every page type in the admin, in Vietnamese."""

import json

import pytest
from django.urls import reverse
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from portal.models import HomePage, StandardPage
from tests.factories.pages import add_partners_page
from tests.languages import supported_languages

pytestmark = pytest.mark.django_db


def page_form(page, **overrides):
    data = {
        "title_vi": page.title_vi,
        "title_en": page.title_en,
        "slug_vi": page.slug_vi,
        "slug_en": page.slug_en,
        "introduction_vi": getattr(page, "introduction_vi", "") or "",
        "introduction_en": getattr(page, "introduction_en", "") or "",
        "body_vi": streamfield([("heading", {"text": "Tiêu đề", "level": "h2"})]),
        "body_en": streamfield([("heading", {"text": "Heading", "level": "h2"})]),
        "action-publish": "publish",
    }
    for code in supported_languages():  # the form has every supported language's columns
        data.setdefault(build_localized_fieldname("body", code), streamfield([]))
    data.update(overrides)
    return nested_form_data(data)


@pytest.mark.parametrize("model", [HomePage, StandardPage])
def test_admin_edit_view_of_every_portal_page_type_loads(admin_client, model):
    page = model.objects.first()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert b"title_vi" in response.content and b"title_en" in response.content


def test_admin_add_view_of_a_standard_page_loads(admin_client, home):
    url = reverse("wagtailadmin_pages:add", args=["portal", "standardpage", home.pk])
    assert admin_client.get(url).status_code == 200


def test_a_posted_edit_of_a_standard_page_publishes_both_languages(admin_client, home):
    # A body with the partners' addresses block, as the partners page has.
    page = add_partners_page(home)
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        page_form(page, introduction_en="New English intro", introduction_vi="Giới thiệu mới"),
    )
    assert response.status_code == 302, response.content[:2000]
    page.refresh_from_db()
    assert page.introduction_en == "New English intro"
    assert page.introduction_vi == "Giới thiệu mới"
    assert not page.has_unpublished_changes


def test_a_posted_edit_of_the_home_page_publishes(admin_client, home):
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[home.pk]),
        page_form(home, hero_text_vi="Chào mừng", hero_text_en="Welcome", hero_image=""),
    )
    assert response.status_code == 302, response.content[:2000]
    home.refresh_from_db()
    assert home.hero_text_en == "Welcome"


def test_a_call_to_action_without_a_link_gets_a_clear_form_error(admin_client, home):
    page = add_partners_page(home)
    data = page_form(page)
    data.update(
        nested_form_data(
            {
                "body_en": streamfield(
                    [("call_to_action", {"title": "Go", "text": "", "button_label": "Go"})]
                )
            }
        )
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 200
    # Wagtail hands block errors to the editor's browser as escaped JSON.
    message = json.dumps("Hãy chọn một trang hoặc nhập một liên kết.")[1:-1]
    assert message in response.content.decode()
    assert Page.objects.get(pk=page.pk).specific.body_en[0].block_type != "call_to_action"


def test_admin_speaks_vietnamese_to_a_vietnamese_editor(admin_client, admin_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "vi"
    profile.save()
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert 'lang="vi"' in response.content.decode()


def test_contact_settings_reject_a_phone_number_that_is_not_vietnamese(admin_client):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["portal", "contactsettings", site.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url,
        {
            "office_name_vi": "Trung tâm",
            "office_name_en": "Centre",
            "phone": "12345",
            "email": "a@example.org",
        },
    )
    assert response.status_code == 200
    assert "Nhập số điện thoại Việt Nam" in response.content.decode()
