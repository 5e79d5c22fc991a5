"""Staff roles over real admin requests: who may edit, submit and publish what."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from events.models import EventPage
from portal.models import StandardPage
from portal.staff import DISTRICT_EDITORS, MODERATORS
from tests.portal.staff_helpers import make_user
from villages.models import HomestayPage, VillagePage
from villages.staff import commune_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def luc_ngu():
    return VillagePage.objects.get(slug_vi="luc-ngu")


@pytest.fixture
def other_village(luc_ngu):
    return next(
        v
        for v in VillagePage.objects.exclude(pk=luc_ngu.pk)
        if HomestayPage.objects.child_of(v).exists() and event_in(v)
    )


def event_in(village):
    return next(
        e for e in EventPage.objects.all() if e.venue and e.venue.path.startswith(village.path)
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def can_open_editor(client, page):
    """True when the editor opens; a refusal is Wagtail's one answer: back to the dashboard."""
    response = client.get(edit_url(page))
    if response.status_code == 200:
        return True
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    return False


@pytest.fixture
def commune_client(client, luc_ngu):
    client.force_login(make_user("xa-luc-ngu", commune_group(luc_ngu)))
    return client


def test_every_village_has_its_own_commune_editor_group_named_after_it(luc_ngu):
    group = commune_group(luc_ngu)
    assert group is not None and luc_ngu.title_vi in group.name
    assert commune_group(VillagePage.objects.exclude(pk=luc_ngu.pk).first()) != group


def test_a_renamed_village_renames_its_group(luc_ngu):
    with translation.override("vi"):
        luc_ngu.title_vi = luc_ngu.title = "Bản Lục Ngù mới"
        luc_ngu.save_revision().publish()
    assert "Bản Lục Ngù mới" in commune_group(luc_ngu).name


def test_a_new_village_gets_a_group(home):
    from tests.factories import add_page

    index = VillagePage.objects.first().get_parent()
    village = add_page(
        index,
        VillagePage,
        title_vi="Bản Khe Vằn",
        title_en="Khe Van",
        latitude=21.5,
        longitude=107.4,
    )
    assert Group.objects.filter(name__contains="Bản Khe Vằn").exists()
    assert commune_group(village) is not None


def test_commune_editor_opens_their_village_its_homestays_and_events_held_there(
    commune_client, luc_ngu
):
    homestay = HomestayPage.objects.child_of(luc_ngu).first()
    for page in (luc_ngu, homestay, event_in(luc_ngu)):
        assert can_open_editor(commune_client, page), page


def test_commune_editor_is_refused_other_villages_their_homestays_events_and_top_pages(
    commune_client, other_village
):
    others = [
        other_village,
        HomestayPage.objects.child_of(other_village).first(),
        event_in(other_village),
        StandardPage.objects.get(slug_en="about"),
    ]
    for page in others:
        assert not can_open_editor(commune_client, page), page


def test_commune_editor_is_offered_submit_but_not_publish(commune_client, luc_ngu):
    for page in (luc_ngu, event_in(luc_ngu)):
        html = commune_client.get(edit_url(page)).content.decode()
        assert 'name="action-submit"' in html
        assert 'name="action-publish"' not in html


def test_district_editor_edits_any_page_but_cannot_publish_unpublish_or_delete_it(client):
    editor = make_user("huyen", Group.objects.get(name=DISTRICT_EDITORS))
    client.force_login(editor)
    about = StandardPage.objects.get(slug_en="about")
    html = client.get(edit_url(about)).content.decode()
    assert 'name="action-submit"' in html and 'name="action-publish"' not in html
    perms = about.permissions_for_user(editor)
    assert not perms.can_publish() and not perms.can_unpublish() and not perms.can_delete()
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[about.pk]))
    # Refused as Wagtail refuses: back to the dashboard.
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    about.refresh_from_db()
    assert about.live


def test_moderator_can_publish_and_unpublish(client):
    moderator = make_user("kiem-duyet", Group.objects.get(name=MODERATORS))
    client.force_login(moderator)
    about = StandardPage.objects.get(slug_en="about")
    html = client.get(edit_url(about)).content.decode()
    assert 'name="action-publish"' in html
    client.post(reverse("wagtailadmin_pages:unpublish", args=[about.pk]))
    about.refresh_from_db()
    assert not about.live
