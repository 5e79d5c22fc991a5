"""The languages the tests run in: read from settings (PORTAL_LANGUAGES), never
hard-coded, so the suite checks "a language by configuration alone"."""

from django.conf import settings
from modeltranslation import settings as mt_settings


def public_languages():
    """Codes the public site offers, default first: ["vi", "en"] or ["vi", "en", "zh-hans"]."""
    return [code for code, _name in settings.LANGUAGES]


def supported_languages():
    """Every language the database carries columns for, public or not."""
    return list(mt_settings.AVAILABLE_LANGUAGES)
