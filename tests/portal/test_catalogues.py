"""Both catalogues are complete, keep their placeholders, and are compiled."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
CATALOGUES = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"))


def translations(entry):
    return [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())


def test_there_is_a_catalogue_for_every_language_of_the_site():
    languages = {path.parts[-3] for path in CATALOGUES}
    assert languages == {code for code, _name in settings.LANGUAGES}


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
