"""A set of months stored as text ("3,4,11"), edited as twelve checkboxes."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

MONTH_CHOICES = [(number, name) for number, name in MONTHS.items()]


def parse_months(value):
    """Sorted, distinct month numbers from a list or a "3,4,11" string."""
    if value in (None, ""):
        return []
    if isinstance(value, str):
        value = [part for part in value.split(",") if part.strip()]
    try:
        months = sorted({int(part) for part in value})
    except (TypeError, ValueError) as exc:
        raise ValidationError(_("Months must be numbers from 1 to 12."), code="invalid") from exc
    if any(month < 1 or month > 12 for month in months):
        raise ValidationError(_("Months must be numbers from 1 to 12."), code="invalid")
    return months


class MonthsField(models.CharField):
    description = _("Months of the year")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        try:
            return parse_months(value)
        except ValidationError:
            return []

    def to_python(self, value):
        return parse_months(value)

    def get_prep_value(self, value):
        return ",".join(str(month) for month in parse_months(value))

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": MONTH_CHOICES,
            "coerce": int,
            "widget": forms.CheckboxSelectMultiple,
        }
        defaults.update(kwargs)
        return models.Field.formfield(self, **defaults)
