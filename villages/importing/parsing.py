"""Cell values → model values, with a message in the staff member's language when
a cell cannot be read."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.i18n import language_codes
from villages.models import PriceBasis

from .columns import fold

_GROUPED = re.compile(r"^\d{1,3}([., \u00a0]\d{3})+$")
_TIME = re.compile(r"^(\d{1,2})[:hH.](\d{2})?$")

YES = {"yes", "y", "true", "1", "x", "có", "co", "đúng"}
NO = {"no", "n", "false", "0", "không", "khong", "sai"}


def parse_int(value):
    """450000, "450000", "450.000", "450 000" → 450000; ValidationError otherwise."""
    if isinstance(value, bool):
        raise ValidationError(_("Enter a whole number."))
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip()
    if _GROUPED.match(text):
        text = re.sub(r"\D", "", text)
    if text.isdigit():
        return int(text)
    raise ValidationError(_("Enter a whole number, e.g. 450000."))


def parse_float(value):
    """21.5259 or "21,5259" → 21.5259."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    try:
        return float(str(value).strip().replace(",", "."))
    except ValueError:
        raise ValidationError(_("Enter a decimal number, e.g. 21.5259.")) from None


def parse_time(value):
    """14:00, "14h", "7.30" or an Excel time → datetime.time."""
    if isinstance(value, datetime.datetime):
        return value.time()
    if isinstance(value, datetime.time):
        return value
    match = _TIME.match(str(value).strip())
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour < 24 and minute < 60:
            return datetime.time(hour, minute)
    raise ValidationError(_("Enter a time as hours:minutes, e.g. 14:00."))


def parse_bool(value):
    if isinstance(value, bool):
        return value
    text = fold(value)
    if text in YES:
        return True
    if text in NO:
        return False
    raise ValidationError(_("Enter yes or no."))


def basis_lookup():
    """{folded value or label in any language: PriceBasis value}."""
    lookup = {}
    for choice in PriceBasis:
        lookup[fold(choice.value)] = choice.value
        for code in language_codes():
            with translation.override(code):
                lookup[fold(choice.label)] = choice.value
    return lookup


def parse_basis(value, lookup):
    found = lookup.get(fold(value))
    if found is None:
        raise ValidationError(_("Write “per room” or “per person”."))
    return found


def parse_phone(value):
    """Phones typed as numbers lose their leading 0 in Excel: put it back."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        digits = str(int(value))
        return digits if digits.startswith("0") else "0" + digits
    return str(value)


def split_names(value):
    return [part.strip() for part in re.split(r"[;,\n]", str(value)) if part.strip()]
