"""Validators and formatters shared by every app."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_PHONE_STRIP = re.compile(r"[\s.\-()]")
# Vietnamese numbers: 0 or +84, then 9 digits (mobile 3/5/7/8/9x, landline 2xx).
_VN_PHONE = re.compile(r"^(?:\+84|0)([235789]\d{8})$")


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
