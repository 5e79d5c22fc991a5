"""Issue 8's "Done when", end to end over real admin requests: a commune editor (admin
in Vietnamese) edits a homestay of their village and submits it; a moderator approves;
the change is live. (That loading the demo again keeps such a change is checked on the
demo itself, in tests/demo/test_staff_changes_survive_the_demo.py.)"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import translation

from portal.staff import MODERATORS
from tests.portal.staff_helpers import edit_url, form_errors, make_user, posted_form
from villages.staff import commune_group

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = "en-GB,en;q=0.9"


def public(page, language):
    """(heading, price) a visitor reads on the homestay's public page in ``language``."""
    with translation.override(language):
        url = page.get_url()
        price_label = translation.gettext("Price")
    response = Client().get(url, HTTP_ACCEPT_LANGUAGE=ENGLISH_BROWSER)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    label = soup.find("dt", string=price_label)
    price = " ".join(label.find_next_sibling("dd").get_text(" ").split())
    return soup.h1.get_text(strip=True), price.replace("\xa0", " ")


def vietnamese_price(amount):
    """350000 → "350.000 ₫": Vietnamese groups thousands with dots, then the đồng sign."""
    return f"{amount:,}".replace(",", ".") + " ₫"


def test_a_commune_editors_homestay_change_goes_live_on_approval(
    client, test_site, django_capture_on_commit_callbacks
):
    homestay = test_site.homestay
    editor = make_user("xa-homestay", commune_group(homestay.get_parent()), language="vi")
    moderator = make_user("kiem-duyet-homestay", Group.objects.get(name=MODERATORS))
    new_title = "Peach Blossom Test Homestay, renovated"
    old_title, old_min, old_max = "Peach Blossom Test Homestay", 250_000, 350_000  # site.py
    assert (homestay.title_en, homestay.price_min, homestay.price_max) == (
        old_title,
        old_min,
        old_max,
    )
    new_min, new_max = 461_000, 572_000

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
    old_price = f"{vietnamese_price(old_min)} – {vietnamese_price(old_max)}"
    new_price = f"{vietnamese_price(new_min)} – {vietnamese_price(new_max)}"
    assert public(homestay, "en")[0] == old_title
    assert public(homestay, "vi")[1].startswith(old_price)

    # A moderator approves the submitted change from the admin.
    client.force_login(moderator)
    task_state = homestay.current_workflow_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[homestay.pk, "approve", task_state.pk]
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(approve, {"comment": "Đã kiểm tra."})
    assert response.status_code == 302

    assert public(homestay, "en")[0] == new_title
    assert public(homestay, "vi")[1].startswith(new_price)
    homestay.refresh_from_db()
    assert (homestay.title_en, homestay.price_min, homestay.price_max) == (
        new_title,
        new_min,
        new_max,
    )
    assert homestay.live and not homestay.has_unpublished_changes
