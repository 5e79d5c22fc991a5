"""Both catalogues are complete, keep their placeholders, and are compiled."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import to_locale
from modeltranslation import settings as mt_settings

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
CATALOGUES = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"))


def translations(entry):
    return [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())


def test_there_is_a_catalogue_for_every_language_in_djangos_folder_name():
    # Django reads locale/zh_Hans/, never locale/zh-hans/ (silently ignored).
    languages = {path.parts[-3] for path in CATALOGUES}
    assert languages == {to_locale(code) for code in mt_settings.AVAILABLE_LANGUAGES}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_every_message_is_translated_and_none_is_fuzzy(path):
    catalogue = polib.pofile(str(path))
    assert len(catalogue) > 50
    missing = [e.msgid for e in catalogue if not all(translations(e)) or e.fuzzy]
    assert missing == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_translations_keep_every_placeholder_of_the_original(path):
    for entry in polib.pofile(str(path)):
        wanted = set(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
        for text in translations(entry):
            assert set(PLACEHOLDER.findall(text)) <= wanted, entry.msgid
            assert set(PLACEHOLDER.findall(entry.msgid)) <= set(PLACEHOLDER.findall(text)), (
                entry.msgid
            )


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_the_compiled_catalogue_matches_its_source(path):
    compiled = polib.mofile(str(path.with_suffix(".mo")))
    source = polib.pofile(str(path))
    assert {e.msgid: e.msgstr for e in compiled if not e.msgid_plural} == {
        e.msgid: e.msgstr for e in source if not e.msgid_plural and not e.obsolete
    }


def test_ui_strings_come_out_in_vietnamese():
    with translation.override("vi"):
        assert translation.gettext("Skip to main content") == "Chuyển đến nội dung chính"


def test_the_chinese_catalogue_translates_every_message_of_the_vietnamese_one():
    chinese = polib.pofile(str(Path(settings.BASE_DIR, "locale/zh_Hans/LC_MESSAGES/django.po")))
    vietnamese = polib.pofile(str(Path(settings.BASE_DIR, "locale/vi/LC_MESSAGES/django.po")))
    translated = {e.msgid for e in chinese if all(translations(e)) and not e.fuzzy}
    assert {e.msgid for e in vietnamese} - translated == set()


def test_ui_strings_and_language_names_come_out_in_chinese():
    with translation.override("zh-hans"):
        assert translation.gettext("Skip to main content") == "跳到主要内容"
        names = [translation.get_language_info(c)["name_translated"] for c in ("vi", "en")]
        assert names == ["越南语", "英语"]
        assert (
            translation.gettext("%(day_ordinal)s day of the %(month_ordinal)s lunar month")
            % {
                "day_ordinal": 16,
                "month_ordinal": 3,
            }
            == "农历3月16日"
        )
