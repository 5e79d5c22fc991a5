"""Translated fields of portal's models (wagtail-modeltranslation)."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import ContactSettings, HomePage, NumbersPage, StandardPage


@register(HomePage)
class HomePageTR(TranslationOptions):
    fields = ("hero_text", "introduction", "body")


@register(StandardPage)
class StandardPageTR(TranslationOptions):
    fields = ("introduction", "body")


@register(ContactSettings)
class ContactSettingsTR(TranslationOptions):
    fields = ("office_name", "address", "opening_hours")


@register(NumbersPage)
class NumbersPageTR(TranslationOptions):
    fields = ("introduction",)
