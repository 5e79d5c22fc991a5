"""Helpers for the staff tests: accounts in a group, admin forms posted as a browser would."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from modeltranslation.utils import build_localized_fieldname
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from tests.languages import supported_languages


def make_user(name, group, language="vi"):
    """An active staff account in ``group`` whose admin language is ``language``."""
    user = get_user_model().objects.create_user(name, f"{name}@example.org", "s3cret-pass")
    user.groups.add(group)
    profile = user.wagtail_userprofile
    profile.preferred_language = language
    profile.save()
    return user


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def add_url(model, parent):
    meta = model._meta
    return reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk])


def posted_form(client, url, stream_fields=(), action="action-submit", **changes):
    """The page form at ``url`` as the browser posts it (every field it shows, with its
    value), ``changes`` applied and the button ``action`` pressed. Stream fields are
    drawn by JavaScript: the ones named in ``stream_fields`` are posted empty in every
    language. Returns a dict of lists for the test client."""
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en-GB,en")
    assert response.status_code == 200, url
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for name in stream_fields:
        for code in supported_languages():
            column = build_localized_fieldname(name, code)
            for key, value in nested_form_data({column: streamfield([])}).items():
                data[key] = value
    for name, value in changes.items():
        data[name] = str(value)
    data[action] = action
    return dict(data.lists())


def form_errors(response):
    context = getattr(response, "context", None)
    if not context or "form" not in context:
        return {}
    return context["form"].errors
