"""The homestay spreadsheet's columns (documented in docs/IMPORT.md).

Every column has a machine key (the model field it fills, or a special key) and a
label shown in the staff member's language. Columns of translated texts exist once
per language of the site (``settings.LANGUAGES``): "Name (vi)", "Name (en)"…
A header cell may be the key or the label in any language of the site.
"""

import unicodedata
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from portal.i18n import default_language, language_codes

# Texts translated per language, in column order: (field, label, required in the
# default language).
TRANSLATED = [
    ("title", _("Name"), True),
    ("introduction", _("Introduction"), False),
    ("room_notes", _("About the rooms"), False),
    ("languages_spoken", _("Languages spoken"), False),
    ("access_notes", _("Access"), False),
    ("host_name", _("Host family"), False),
]


@dataclass(frozen=True)
class Column:
    key: str
    label: object  # lazy translated string
    kind: str  # text, int, float, time, bool, basis, amenities, village, key
    required: bool = False
    language: str = ""
    help: object = ""

    def header(self):
        """The header text in the active language, e.g. "Tên (vi)"."""
        return f"{self.label} ({self.language})" if self.language else str(self.label)


def columns():
    """Every column, in the order the template and the export write them."""
    base = default_language()
    cols = [
        Column(
            "key",
            _("Key"),
            "key",
            True,
            help=_("Your own code for the homestay, e.g. DV-01; never reuse one."),
        ),
        Column("village", _("Village"), "village", True, help=_("The village's name.")),
    ]
    for field, label, required in TRANSLATED:
        for code in language_codes():
            cols.append(
                Column(
                    build_localized_fieldname(field, code),
                    label,
                    "text",
                    required and code == base,
                    language=code,
                )
            )
    cols += [
        Column(
            "local_minority_household",
            _("Local ethnic-minority household"),
            "bool",
            help=_("yes or no"),
        ),
        Column("capacity", _("Guests"), "int", True),
        Column("rooms", _("Rooms"), "int"),
        Column("price_min", _("Lowest price (VND)"), "int", True),
        Column("price_max", _("Highest price (VND)"), "int", True),
        Column("price_basis", _("Price basis"), "basis", help=_("per room or per person")),
        Column(
            "amenities",
            _("Amenities"),
            "amenities",
            help=_("Names separated by semicolons, e.g. hot water; meals"),
        ),
        Column("phone", _("Phone"), "text"),
        Column("zalo", _("Zalo"), "text"),
        Column("email", _("E-mail"), "text"),
        Column("website", _("Website"), "text"),
        Column("latitude", _("Latitude"), "float", True, help=_("e.g. 21.5259")),
        Column("longitude", _("Longitude"), "float", True, help=_("e.g. 107.4003")),
        Column("check_in_time", _("Check-in from"), "time", help=_("e.g. 14:00")),
        Column("check_out_time", _("Check-out by"), "time", help=_("e.g. 11:00")),
    ]
    return cols


def fold(text):
    """Header and name matching: NFC, case-folded, single spaces."""
    text = unicodedata.normalize("NFC", str(text or ""))
    return " ".join(text.split()).casefold()


def header_lookup():
    """{folded header text: column} for the key and the label in every language."""
    lookup = {}
    for column in columns():
        lookup[fold(column.key)] = column
        for code in language_codes():
            with translation.override(code):
                lookup[fold(column.header())] = column
    return lookup


def headers(language):
    """The header row in ``language``."""
    with translation.override(language):
        return [column.header() for column in columns()]
