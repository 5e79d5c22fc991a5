"""Permanent redirects from a page's old URL in every language.

Wagtail's own automatic redirects only know the active language; with
translated slugs a page has one URL per language, and changing the slug in
either one, or moving the page, must leave the old URL answering with a 301.
"""

from django.conf import settings
from django.db.models.signals import post_save, pre_save
from modeltranslation.utils import build_localized_fieldname
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

_SNAPSHOT = "_portal_old_url_paths"


def _url_path_fields():
    """{language: the page column holding its url_path} for every public language."""
    return {code: build_localized_fieldname("url_path", code) for code, _name in settings.LANGUAGES}


def _paths_of(page_values):
    default = _url_path_fields()[settings.LANGUAGE_CODE]
    return {
        code: page_values.get(field) or page_values.get(default)
        for code, field in _url_path_fields().items()
    }


def remember_url_paths(sender, instance, raw=False, **kwargs):
    # raw: rows loaded from a fixture or a backup (`manage.py restore`), not an edit.
    if raw or not isinstance(instance, Page) or not instance.pk:
        return
    fields = list(_url_path_fields().values())
    row = Page.objects.filter(pk=instance.pk).values("live", *fields).first()
    if row and row["live"]:
        setattr(instance, _SNAPSHOT, _paths_of(row))


def _public_path(url_path, language, site):
    """`/vi/lang-ban/` from a url_path, or None when the site does not serve it."""
    root = _paths_of(site["root_paths"])[language]
    if root and url_path.startswith(root):
        return f"/{language}/{url_path[len(root) :]}"
    return None


def _sites():
    fields = list(_url_path_fields().values())
    return [
        {
            "site": site,
            "root_paths": {f: getattr(site.root_page, f) for f in fields},
        }
        for site in Site.objects.select_related("root_page")
    ]


def _add_redirect(site, old_path, page_id):
    Redirect.objects.update_or_create(
        old_path=Redirect.normalise_path(old_path),
        site=site,
        defaults={
            "redirect_page_id": page_id,
            "redirect_link": "",
            "is_permanent": True,
            "automatically_created": True,
        },
    )


def redirect_old_url_paths(sender, instance, **kwargs):
    old = getattr(instance, _SNAPSHOT, None)
    if not old:
        return
    delattr(instance, _SNAPSHOT)
    fields = _url_path_fields()
    new = _paths_of({f: getattr(instance, f) for f in fields.values()})
    changed = {code: (old[code], new[code]) for code in fields if old[code] != new[code]}
    if not changed:
        return
    sites = _sites()
    descendants = list(Page.objects.descendant_of(instance).live().values("pk", *fields.values()))
    for code, (old_prefix, new_prefix) in changed.items():
        moves = [(old_prefix, instance.pk)]
        for row in descendants:
            current = _paths_of(row)[code] or ""
            if current.startswith(new_prefix):
                moves.append((old_prefix + current[len(new_prefix) :], row["pk"]))
            elif current.startswith(old_prefix):
                moves.append((current, row["pk"]))
        for old_url_path, page_id in moves:
            for entry in sites:
                path = _public_path(old_url_path, code, entry)
                if path and path != f"/{code}/":
                    _add_redirect(entry["site"], path, page_id)


def connect_signals():
    pre_save.connect(remember_url_paths, dispatch_uid="portal_remember_url_paths")
    post_save.connect(redirect_old_url_paths, dispatch_uid="portal_redirect_old_url_paths")
