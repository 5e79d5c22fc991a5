"""Everything the portal's apps save is stored in NFC (see portal.text).

A ``pre_save`` receiver covers pages on publish, snippets, settings and imports;
``BasePage.full_clean`` covers drafts saved from the editor.
"""

from django.db.models.signals import pre_save

PORTAL_APPS = {"portal", "villages", "routes", "events"}


def normalise_before_save(sender, instance, raw=False, **kwargs):
    if raw or sender._meta.app_label not in PORTAL_APPS:
        return
    from portal.models.base import normalise_text_fields

    normalise_text_fields(instance)


def connect_signals():
    pre_save.connect(normalise_before_save, dispatch_uid="portal_nfc_before_save")
