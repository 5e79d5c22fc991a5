"""Moderation: editors' changes go live only after a moderator approves them;
notification e-mails and the admin speak each staff member's language."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import translation

from portal.i18n import page_url
from portal.staff import DISTRICT_EDITORS, MODERATORS

pytestmark = pytest.mark.django_db

CHANGED = "About the test site, revised by the district"


def make_user(name, group, language=None):
    user = get_user_model().objects.create_user(name, f"{name}@example.org", "s3cret-pass")
    user.groups.add(group)
    if language:
        profile = user.wagtail_userprofile
        profile.preferred_language = language
        profile.save()
    return user


@pytest.fixture
def editor():
    return make_user("bien-tap", Group.objects.get(name=DISTRICT_EDITORS))


@pytest.fixture
def moderators():
    group = Group.objects.get(name=MODERATORS)
    return make_user("kiem-duyet-vi", group, "vi"), make_user("moderator-en", group, "en")


@pytest.fixture
def about(test_site):
    return test_site.about


def public_title(client, page):
    """The English heading visitors read on ``page``."""
    response = client.get(page_url(page, "en"))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").h1.get_text(strip=True)


@pytest.fixture
def submitted(about, editor, moderators, django_capture_on_commit_callbacks):
    """The district editor changes the English title of "About" and submits it."""
    with translation.override("vi"):
        about.title_en = CHANGED
        about.save_revision(user=editor)
    with django_capture_on_commit_callbacks(execute=True):
        state = about.get_workflow().start(about, editor)
    return about, state


def act(client, moderator, page, state, action, django_capture_on_commit_callbacks):
    client.force_login(moderator)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, state.current_task_state.pk],
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"comment": ""})
    # Wagtail answers a workflow action posted from the edit screen with a redirect.
    assert response.status_code == 302
    client.logout()


def test_every_page_is_under_one_workflow_with_a_moderator_approval_task(test_site):
    pages = [test_site.home, test_site.about, test_site.village, test_site.homestay]
    pages += [test_site.event, test_site.route]
    workflows = {page.get_workflow().pk for page in pages}
    assert len(workflows) == 1
    task = pages[0].get_workflow().tasks.get().specific
    assert list(task.groups.all()) == [Group.objects.get(name=MODERATORS)]


def test_a_submitted_change_is_not_public_until_a_moderator_approves_it(
    client, submitted, moderators, django_capture_on_commit_callbacks
):
    about, state = submitted
    assert public_title(client, about) == "About the test site"
    act(client, moderators[0], about, state, "approve", django_capture_on_commit_callbacks)
    assert public_title(client, about) == CHANGED


def test_a_rejected_change_leaves_the_live_page_unchanged(
    client, submitted, moderators, django_capture_on_commit_callbacks
):
    about, state = submitted
    act(client, moderators[0], about, state, "reject", django_capture_on_commit_callbacks)
    about.refresh_from_db()
    assert about.title_en == "About the test site"
    assert public_title(client, about) == "About the test site"


def test_each_moderator_is_told_of_the_submission_in_their_own_language(submitted):
    by_recipient = {message.to[0]: message.subject for message in mail.outbox}
    vietnamese = by_recipient["kiem-duyet-vi@example.org"]
    english = by_recipient["moderator-en@example.org"]
    assert "has been submitted for approval" in english
    assert "has been submitted" not in vietnamese
    assert vietnamese.startswith("Trang ") and "chờ duyệt" in vietnamese


ENGLISH_STRINGS = [
    "Save draft",
    "The page could not be created due to validation errors",
    "Go to the first error",
    "Autosave is paused",
    "Add images",
    "Sorry, upload failed.",
    "This file is too big",
]


def test_a_new_staff_account_gets_the_admin_in_vietnamese_with_an_english_browser(
    client, editor, about
):
    client.force_login(editor)
    pages = [
        reverse("wagtailadmin_pages:edit", args=[about.pk]),
        reverse("wagtailadmin_pages:add", args=["portal", "standardpage", about.get_parent().pk]),
        reverse("wagtailimages:add_multiple"),
    ]
    for url in pages:
        html = client.get(url, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content.decode()
        assert 'lang="vi"' in html, url
        for text in ENGLISH_STRINGS:
            assert text not in html, (url, text)


def test_the_negative_price_message_has_no_stray_space():
    from django.core.validators import MinValueValidator

    with translation.override("vi"):
        message = str(MinValueValidator(0).message % {"limit_value": 0})
    assert message == "Giá trị này phải lớn hơn hoặc bằng 0."
