"""Commune editors and events, over real admin requests: they create events held in
their village and submit them; other villages' events stay out of their reach."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import translation

from events.models import EventIndexPage, EventPage
from portal.staff import DISTRICT_EDITORS
from tests.factories import add_page
from tests.portal.staff_helpers import add_url, edit_url, form_errors, make_user, posted_form
from villages.models import AttractionIndexPage, AttractionPage, VillageIndexPage, VillagePage
from villages.staff import commune_group

pytestmark = pytest.mark.django_db

NEXT_YEAR = datetime.date.today().year + 1
ENGLISH_ACCEPT = "en-GB,en;q=0.9"


def new_village(title_vi, title_en):
    return add_page(
        VillageIndexPage.objects.get(),
        VillagePage,
        title_vi=title_vi,
        title_en=title_en,
        latitude=21.55,
        longitude=107.40,
    )


def new_event(venue, title_en):
    return add_page(
        EventIndexPage.objects.get(),
        EventPage,
        title_vi=f"Lễ hội {title_en}",
        title_en=title_en,
        venue=venue,
        start_date=datetime.date(NEXT_YEAR, 3, 16),
    )


@pytest.fixture
def creek(home):
    return new_village("Bản Khe Thử", "Test Creek village")


@pytest.fixture
def meadow(home):
    return new_village("Bản Nà Thử", "Test Meadow village")


@pytest.fixture
def editor(client, creek):
    """Logged in: a member of the Khe Thử commune group only, admin in Vietnamese."""
    user = make_user("xa-khe-thu", commune_group(creek))
    client.force_login(user)
    return user


def refused(response):
    """Wagtail answers a forbidden admin page by sending the user back to the dashboard
    with "you do not have permission" (its PermissionDenied handling), not with a 403."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def create_event(client, venue, **changes):
    index = EventIndexPage.objects.get()
    url = add_url(EventPage, index)
    fields = {
        "title_vi": "Hội chợ Khe Thử",
        "title_en": "Test Creek fair",
        "slug_vi": "hoi-cho-khe-thu",
        "slug_en": "test-creek-fair",
        "start_date": f"{NEXT_YEAR}-02-10",
        "venue": venue.pk if venue else "",
        **changes,
    }
    data = posted_form(client, url, stream_fields=["description"], **fields)
    return client.post(url, data, HTTP_ACCEPT_LANGUAGE=ENGLISH_ACCEPT)


def test_a_commune_editor_creates_an_event_at_their_village_and_submits_it(client, editor, creek):
    index = EventIndexPage.objects.get()
    form = client.get(add_url(EventPage, index)).content.decode()
    assert 'name="action-submit"' in form and 'name="action-publish"' not in form

    response = create_event(client, creek)

    assert response.status_code == 302, form_errors(response)
    event = EventPage.objects.get(slug_en="test-creek-fair")
    assert event.get_parent().pk == index.pk and event.venue_id == creek.pk
    assert event.owner == editor
    assert not event.live
    assert event.workflow_in_progress
    assert event.current_workflow_state.requested_by == editor
    with translation.override("en"):
        public_url = event.get_url()
    assert public_url.endswith("/test-creek-fair/")
    assert Client().get(public_url).status_code == 404  # a draft until approved


def test_a_commune_editor_may_hold_their_event_at_an_attraction_of_their_village(
    client, editor, creek
):
    waterfall = add_page(
        AttractionIndexPage.objects.get(),
        AttractionPage,
        title_vi="Thác Khe Thử",
        title_en="Test Creek falls",
        kind="waterfall",
        village=creek,
        latitude=21.55,
        longitude=107.40,
    )
    response = create_event(client, waterfall)
    assert response.status_code == 302, form_errors(response)
    assert EventPage.objects.get(slug_en="test-creek-fair").venue_id == waterfall.pk


@pytest.mark.parametrize("where", ["another village", "a place without a page"])
def test_a_commune_editor_cannot_create_an_event_held_elsewhere(client, editor, meadow, where):
    before = EventPage.objects.count()
    if where == "another village":
        response = create_event(client, meadow)
    else:
        response = create_event(
            client, None, venue_name_vi="Chợ phiên thử", venue_name_en="Test fair ground"
        )

    assert response.status_code == 200
    assert "venue" in form_errors(response)
    html = response.content.decode()
    assert 'lang="vi"' in html
    assert "bản của mình" in html  # the refusal, in the editor's Vietnamese
    assert EventPage.objects.count() == before


def test_a_commune_editor_cannot_move_their_village_event_to_another_village(
    client, editor, creek, meadow
):
    event = new_event(creek, "Test Creek spring fair")
    revisions = event.revisions.count()
    data = posted_form(client, edit_url(event), stream_fields=["description"], venue=meadow.pk)

    response = client.post(edit_url(event), data)

    assert response.status_code == 200
    assert "venue" in form_errors(response)
    event.refresh_from_db()
    assert event.venue_id == creek.pk
    assert event.revisions.count() == revisions


def test_a_commune_editor_edits_and_submits_their_village_event_created_by_someone_else(
    client, editor, creek
):
    event = new_event(creek, "Test Creek spring fair")
    assert event.owner != editor
    data = posted_form(
        client, edit_url(event), stream_fields=["description"], title_en="Test Creek spring market"
    )

    response = client.post(edit_url(event), data)

    assert response.status_code == 302, form_errors(response)
    event.refresh_from_db()
    assert event.title_en == "Test Creek spring fair"  # live page unchanged until approved
    assert event.workflow_in_progress
    assert event.get_latest_revision_as_object().title_en == "Test Creek spring market"


def test_a_commune_editor_is_refused_another_village_event(client, editor, meadow):
    event = new_event(meadow, "Test Meadow new year")
    assert refused(client.get(edit_url(event)))
    data = {"title_en": "Taken over", "action-submit": "action-submit"}
    assert refused(client.post(edit_url(event), data))
    assert refused(client.post(reverse("wagtailadmin_pages:delete", args=[event.pk])))
    event.refresh_from_db()
    assert (
        event.title_en == "Test Meadow new year" and event.live and not event.workflow_in_progress
    )


def test_the_explorer_shows_a_commune_editor_the_events_index_their_events_and_add(
    client, editor, creek, meadow
):
    index = EventIndexPage.objects.get()
    mine, theirs = (
        new_event(creek, "Test Creek fair day"),
        new_event(meadow, "Test Meadow fair day"),
    )

    top = client.get(reverse("wagtailadmin_explore_root"), follow=True).content.decode()
    assert reverse("wagtailadmin_explore", args=[index.pk]) in top

    response = client.get(reverse("wagtailadmin_explore", args=[index.pk]))
    assert response.status_code == 200
    listing = response.content.decode()
    assert "Lễ hội Test Creek fair day" in listing
    assert edit_url(mine) in listing
    assert edit_url(theirs) not in listing
    assert reverse("wagtailadmin_pages:add_subpage", args=[index.pk]) in listing


def test_a_commune_editor_cannot_publish_or_edit_top_level_pages(client, editor, creek):
    event = new_event(creek, "Test Creek fair day")
    perms = event.permissions_for_user(editor)
    assert perms.can_edit() and not perms.can_publish() and not perms.can_unpublish()
    assert not perms.can_delete()
    index = EventIndexPage.objects.get()
    assert refused(client.get(edit_url(index)))
    assert refused(client.get(edit_url(index.get_parent())))


def test_a_district_editor_may_hold_an_event_anywhere(client, home):
    client.force_login(make_user("huyen-su-kien", Group.objects.get(name=DISTRICT_EDITORS)))
    response = create_event(
        client, None, venue_name_vi="Chợ phiên thử", venue_name_en="Test fair ground"
    )
    assert response.status_code == 302, form_errors(response)
    assert not EventPage.objects.get(slug_en="test-creek-fair").live
