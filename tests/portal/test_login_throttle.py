"""Admin sign-in is throttled by django-axes: five wrong passwords for one account from
one address are allowed, the sixth locks that pair out with a message in the admin's
language, a moderator unlocks it, and the password validators stay in force."""

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import get_default_password_validators
from django.core.management import call_command

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "núi-Cao-Ly-2026!"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("bientap", "bt@example.org", PASSWORD)


def wrong(client, username="bientap", address="203.0.113.7", language="vi"):
    return client.post(
        LOGIN,
        {"username": username, "password": "sai-mat-khau"},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def right(client, address="203.0.113.7"):
    return client.post(LOGIN, {"username": "bientap", "password": PASSWORD}, REMOTE_ADDR=address)


def test_five_wrong_passwords_are_answered_by_the_sign_in_form(client, editor):
    for _attempt in range(5):
        assert wrong(client).status_code == 200  # the form again, with its error


def test_the_sixth_wrong_password_locks_out_with_a_vietnamese_message(client, editor):
    for _attempt in range(5):
        wrong(client)
    locked = wrong(client)
    assert locked.status_code == 429
    assert "Đăng nhập tạm bị khóa" in locked.content.decode()
    assert "quá nhiều lần" in locked.content.decode()


def test_an_english_admin_reads_the_lockout_in_english(client, editor):
    for _attempt in range(6):
        locked = wrong(client, language="en")
    assert locked.status_code == 429
    assert "Too many wrong passwords" in locked.content.decode()


def test_the_right_password_does_not_open_a_locked_account_from_that_address(client, editor):
    for _attempt in range(6):
        wrong(client)
    assert right(client).status_code == 429


def test_the_lockout_is_per_account_and_address(client, editor, django_user_model):
    django_user_model.objects.create_superuser("kiemduyet", "kd@example.org", PASSWORD)
    for _attempt in range(6):
        wrong(client)
    # Same account from another address, and another account from the same address.
    assert right(client, address="198.51.100.9").status_code == 302
    client.logout()
    other = client.post(
        LOGIN, {"username": "kiemduyet", "password": PASSWORD}, REMOTE_ADDR="203.0.113.7"
    )
    assert other.status_code == 302


def test_a_moderator_unlocks_the_account_with_the_axes_command(client, editor):
    for _attempt in range(6):
        wrong(client)
    call_command("axes_reset_username", "bientap", verbosity=0)
    assert right(client).status_code == 302


def test_a_successful_sign_in_forgets_earlier_failures(client, editor):
    for _attempt in range(4):
        wrong(client)
    assert right(client).status_code == 302
    client.logout()
    for _attempt in range(5):
        assert wrong(client).status_code == 200


def test_password_validators_are_still_in_force():
    names = {type(v).__name__ for v in get_default_password_validators()}
    assert {"MinimumLengthValidator", "CommonPasswordValidator"} <= names
    assert "axes.backends.AxesStandaloneBackend" in settings.AUTHENTICATION_BACKENDS


def test_a_moderator_unlocks_the_account_on_the_admin_screen(client, editor, django_user_model):
    for _attempt in range(6):
        wrong(client)
    moderator = django_user_model.objects.create_superuser("kiemduyet", "kd@example.org", "x")
    admin = client.__class__()
    admin.force_login(moderator)
    listing = admin.get("/admin/login-lockouts/")
    assert listing.status_code == 200
    assert "bientap" in listing.content.decode()
    attempt = listing.context["attempts"][0]
    assert admin.post("/admin/login-lockouts/", {"attempt": attempt.pk}).status_code == 302
    assert right(client).status_code == 302


def test_an_editor_without_the_permission_cannot_see_the_lockouts(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("bientapvien", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail answers a refused admin page by sending the user back to the dashboard.
    response = client.get("/admin/login-lockouts/")
    assert (response.status_code, response.url) == (302, "/admin/")
