"""Validators and formatters shared by every app."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_PHONE_STRIP = re.compile(r"[\s.\-()]")
# Vietnamese numbers after 0 or +84: mobiles have 9 digits (3x, 5x, 7x, 8x, 9x),
# landlines 10 (a 2xx area code, e.g. 203 for Quảng Ninh, then 7 digits).
_VN_PHONE = re.compile(r"^(?:\+84|0)([35789]\d{8}|2\d{9})$")


def normalise_vietnamese_phone(value):
    """Return the number in +84 form, or None if it is not a Vietnamese number."""
    match = _VN_PHONE.match(_PHONE_STRIP.sub("", value or ""))
    return f"+84{match.group(1)}" if match else None


def validate_vietnamese_phone(value):
    if normalise_vietnamese_phone(value) is None:
        raise ValidationError(
            _("Enter a Vietnamese phone number, e.g. 0203 3878 xxx or +84 912 345 678."),
            code="invalid_phone",
        )


def tel_href(value):
    """A tap-to-call link target for a phone number, or "" if it is not valid."""
    number = normalise_vietnamese_phone(value)
    return f"tel:{number}" if number else ""
