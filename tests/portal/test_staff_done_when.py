"""Issue 8's "Done when", end to end over real admin requests: a commune editor (admin
in Vietnamese) edits a demo homestay of their village and submits it; a moderator
approves; the change is live; loading the demo again (as `make run` would) keeps it."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from portal.models import DemoRecord
from portal.staff import MODERATORS
from tests.portal.staff_helpers import edit_url, form_errors, make_user, posted_form
from villages.models import HomestayPage
from villages.staff import commune_group

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = "en-GB,en;q=0.9"


def demo_homestay():
    """A live homestay the demo created (the kind of page load_demo could overwrite)."""
    ids = DemoRecord.objects.filter(key__startswith="page:villages.homestaypage:").values(
        "object_id"
    )
    return HomestayPage.objects.live().filter(pk__in=ids).order_by("pk").first()


def public(page, language):
    with translation.override(language):
        url = page.get_url()
    response = Client().get(url, HTTP_ACCEPT_LANGUAGE=ENGLISH_BROWSER)
    assert response.status_code == 200, url
    return response.content.decode()


def vietnamese_price(amount):
    """350000 → "350.000 ₫": Vietnamese groups thousands with dots, then the đồng sign."""
    return f"{amount:,}".replace(",", ".") + " ₫"


def test_a_commune_editors_homestay_change_goes_live_on_approval_and_survives_load_demo(
    client, settings, django_capture_on_commit_callbacks
):
    homestay = demo_homestay()
    assert homestay is not None
    editor = make_user("xa-homestay", commune_group(homestay.get_parent()), language="vi")
    moderator = make_user("kiem-duyet-homestay", Group.objects.get(name=MODERATORS))
    new_title = "Hoàng family homestay, renovated"
    new_min, new_max = homestay.price_max + 111_000, homestay.price_max + 222_000

    # The commune editor, with an English browser, gets the admin in Vietnamese.
    client.force_login(editor)
    screen = client.get(edit_url(homestay), HTTP_ACCEPT_LANGUAGE=ENGLISH_BROWSER)
    assert screen.status_code == 200
    assert '<html lang="vi"' in screen.content.decode()
    data = posted_form(
        client, edit_url(homestay), title_en=new_title, price_min=new_min, price_max=new_max
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(homestay), data, HTTP_ACCEPT_LANGUAGE=ENGLISH_BROWSER)
    assert response.status_code == 302, form_errors(response)

    homestay.refresh_from_db()
    assert homestay.workflow_in_progress
    assert new_title not in public(homestay, "en")
    assert vietnamese_price(new_min) not in public(homestay, "vi")

    # A moderator approves the submitted change from the admin.
    client.force_login(moderator)
    task_state = homestay.current_workflow_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[homestay.pk, "approve", task_state.pk]
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(approve, {"comment": "Đã kiểm tra."})
    assert response.status_code == 302

    assert new_title in public(homestay, "en")
    assert vietnamese_price(new_min) in public(homestay, "vi")

    # `make run` (prepare) on a database with content, or load_demo run by hand: kept.
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)
    homestay = HomestayPage.objects.get(pk=homestay.pk)
    assert (homestay.title_en, homestay.price_min, homestay.price_max) == (
        new_title,
        new_min,
        new_max,
    )
    assert homestay.live and not homestay.has_unpublished_changes
    assert new_title in public(homestay, "en")
    assert vietnamese_price(new_min) in public(homestay, "vi")
