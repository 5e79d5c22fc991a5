"""Staff roles over real admin requests: who may edit, submit and publish what."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from portal.staff import DISTRICT_EDITORS, MODERATORS
from tests.factories.events import add_event
from tests.factories.places import add_homestay, add_village
from tests.portal.staff_helpers import make_user
from villages.models import VillagePage
from villages.staff import commune_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def village(test_site):
    """The commune editor's village, with a homestay and an event held there (its own)."""
    village = add_village(
        test_site.villages, title_vi="Bản Của Xã Thử", title_en="Own Test Village"
    )
    add_homestay(village)
    add_event(test_site.events, venue=village)
    return village


@pytest.fixture
def other_village(test_site):
    """Another village with its own homestay and an event held there."""
    village = add_village(
        test_site.villages, title_vi="Bản Khác Thử", title_en="Other Test Village"
    )
    add_homestay(village)
    add_event(test_site.events, venue=village)
    return village


def homestay_in(village):
    return village.get_children().specific().get()


def event_in(village):
    from events.models import EventPage

    return EventPage.objects.get(venue=village)


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
def commune_client(client, village):
    client.force_login(make_user("xa-thu", commune_group(village)))
    return client


def test_every_village_has_its_own_commune_editor_group_named_after_it(test_site, village):
    groups = {}
    for each in (test_site.village, test_site.village2, village):
        group = commune_group(each)
        assert group is not None, each.title_vi
        assert group.name == f"Biên tập viên xã: {each.title_vi} (Commune editors)"
        groups[each.pk] = group.pk
    assert len(set(groups.values())) == 3


def test_a_renamed_village_renames_its_group(village):
    with translation.override("vi"):
        village.title_vi = village.title = "Bản Thử Đổi Tên"
        village.save_revision().publish()
    assert commune_group(village).name == "Biên tập viên xã: Bản Thử Đổi Tên (Commune editors)"
    assert not Group.objects.filter(name__contains="Bản Của Xã Thử").exists()


def test_a_new_village_gets_a_group(test_site):
    from tests.factories import add_page

    assert not Group.objects.filter(name__contains="Bản Khe Thử").exists()
    village = add_page(
        test_site.villages,
        VillagePage,
        title_vi="Bản Khe Thử",
        title_en="Test Creek",
        latitude=21.5,
        longitude=107.4,
    )
    assert Group.objects.filter(name__contains="Bản Khe Thử").count() == 1
    assert commune_group(village).name == "Biên tập viên xã: Bản Khe Thử (Commune editors)"


def test_commune_editor_opens_their_village_its_homestays_and_events_held_there(
    commune_client, village
):
    for page in (village, homestay_in(village), event_in(village)):
        assert can_open_editor(commune_client, page), page


def test_commune_editor_is_refused_other_villages_their_homestays_events_and_top_pages(
    commune_client, other_village, test_site
):
    others = [
        other_village,
        homestay_in(other_village),
        event_in(other_village),
        test_site.about,
    ]
    for page in others:
        assert not can_open_editor(commune_client, page), page


def test_commune_editor_is_offered_submit_but_not_publish(commune_client, village):
    for page in (village, event_in(village)):
        html = commune_client.get(edit_url(page)).content.decode()
        assert 'name="action-submit"' in html
        assert 'name="action-publish"' not in html


def test_district_editor_edits_any_page_but_cannot_publish_unpublish_or_delete_it(
    client, test_site
):
    editor = make_user("huyen", Group.objects.get(name=DISTRICT_EDITORS))
    client.force_login(editor)
    about = test_site.about
    html = client.get(edit_url(about)).content.decode()
    assert 'name="action-submit"' in html and 'name="action-publish"' not in html
    perms = about.permissions_for_user(editor)
    assert not perms.can_publish() and not perms.can_unpublish() and not perms.can_delete()
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[about.pk]))
    # Refused as Wagtail refuses: back to the dashboard.
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    about.refresh_from_db()
    assert about.live


def test_moderator_can_publish_and_unpublish(client, test_site):
    moderator = make_user("kiem-duyet", Group.objects.get(name=MODERATORS))
    client.force_login(moderator)
    about = test_site.about
    html = client.get(edit_url(about)).content.decode()
    assert 'name="action-publish"' in html
    client.post(reverse("wagtailadmin_pages:unpublish", args=[about.pk]))
    about.refresh_from_db()
    assert not about.live
