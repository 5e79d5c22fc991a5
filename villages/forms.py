"""The homestay finder's filter set as a Django form.

The finder is lenient with what a visitor may type or an old link may carry: a value
it cannot use is left out of the search and the field's error message is the notice
shown ("… it was ignored"); ``clean_<field>`` methods clamp values and record a notice
in ``self.notices`` where a value is used in a corrected form. Numbers are
``AsciiIntegerField``s, which also accept the thousands separators people type in
prices ("400.000").

What no form control produces (``portal.params.number_problem``: digits of another
script such as "²" or "①", integers beyond the database's range, in a number, a page
number or a village id) is a ``MALFORMED`` error instead: ``malformed()`` lists them
and the page answers 400 with the message, as the event index does. Control
characters never reach the form (``portal.middleware.QueryGuardMiddleware``).
"""

import re

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from portal.params import (
    AsciiIntegerField,
    PageNumberField,
    malformed_errors,
    refuse_malformed_number,
)

MAX_GUESTS = 60  # the clamp when no homestay is published yet
MAX_PRICE = 100_000_000
SORTS = ("price", "capacity", "distance")
_NUMBER_SEPARATORS = re.compile(r"[\s.,_']")


def vietnamese_slug(text):
    """slugify() that keeps đ as d: "Húc Động" → "huc-dong"."""
    return slugify(text.replace("đ", "d").replace("Đ", "D"))


class LenientIntegerField(AsciiIntegerField):
    """AsciiIntegerField that ignores thousands separators: "400.000", "400,000", " 6 ".
    Its ``min``/``max`` HTML attributes come from the widget, not the database range."""

    def to_python(self, value):
        if isinstance(value, str):
            value = _NUMBER_SEPARATORS.sub("", value)
        refuse_malformed_number(value)
        return super().to_python(value)

    def widget_attrs(self, widget):
        return forms.Field.widget_attrs(self, widget)


class LenientChoiceField(forms.ChoiceField):
    """ChoiceField that compares the value without surrounding spaces."""

    def to_python(self, value):
        return super().to_python(value).strip()


class VillageChoiceField(LenientChoiceField):
    """A village by its page id: an id no one could have typed is ``MALFORMED``."""

    def to_python(self, value):
        value = super().to_python(value)
        refuse_malformed_number(value)
        return value


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Accepts unknown values too: ``clean_<field>`` drops them with one notice."""

    def validate(self, value):
        pass


def _messages(text):
    """The same notice for every way a number can be unusable."""
    return {"invalid": text, "min_value": text, "max_value": text}


class HomestayFinderForm(forms.Form):
    """GET parameters of the homestay finder. ``choices`` is a FinderChoices (the
    villages, communes, amenities and ethnic groups already loaded, collated)."""

    village = VillageChoiceField(
        label=gettext_lazy("Village"),
        required=False,
        widget=forms.Select(attrs={"id": "f-village"}),
    )
    commune = forms.CharField(
        label=gettext_lazy("Commune"),
        required=False,
        widget=forms.Select(attrs={"id": "f-commune"}),
    )
    guests = LenientIntegerField(
        label=gettext_lazy("Guests"),
        required=False,
        error_messages=_messages(
            gettext_lazy("The number of guests must be a whole number; it was ignored.")
        ),
        widget=forms.NumberInput(
            attrs={"id": "f-guests", "inputmode": "numeric", "min": 1, "max": MAX_GUESTS}
        ),
    )
    max_price = LenientIntegerField(
        label=gettext_lazy("Maximum price per night (VND)"),
        help_text=gettext_lazy("Compared with the lowest listed price, per room or per person."),
        required=False,
        error_messages=_messages(
            gettext_lazy("The maximum price must be a number in dong; it was ignored.")
        ),
        widget=forms.NumberInput(
            attrs={
                "id": "f-price",
                "inputmode": "numeric",
                "min": 0,
                "step": 10000,
                "aria-describedby": "f-price-help",
            }
        ),
    )
    ethnic_group = LenientChoiceField(
        label=gettext_lazy("Host's ethnic group"),
        required=False,
        error_messages={
            "invalid_choice": gettext_lazy(
                "That ethnic group is not in the list; showing every host."
            )
        },
        widget=forms.Select(attrs={"id": "f-group"}),
    )
    sort = LenientChoiceField(
        label=gettext_lazy("Sort by"),
        required=False,
        choices=[
            ("price", gettext_lazy("Price, lowest first")),
            ("capacity", gettext_lazy("Capacity, largest first")),
            ("distance", gettext_lazy("Distance from a village")),
        ],
        error_messages={
            "invalid_choice": gettext_lazy(
                "Results can be sorted by price, capacity or distance; sorted by price."
            )
        },
        widget=forms.Select(attrs={"id": "f-sort"}),
    )
    near = VillageChoiceField(
        label=gettext_lazy("Distance from"),
        required=False,
        error_messages={
            "invalid_choice": gettext_lazy(
                "That village is not in the list, so distances are not shown."
            )
        },
        widget=forms.Select(attrs={"id": "f-near"}),
    )
    amenity = LenientMultipleChoiceField(
        label=gettext_lazy("Amenities (all must match)"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"id": "f-amenity"}),
    )
    # Not shown in the form (the pagination links carry it); a word is page 1, silently.
    page = PageNumberField(label=gettext_lazy("Page"), required=False)

    SILENT_FIELDS = ("page",)

    def __init__(self, *args, choices, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.choices = choices
        self.notices = []
        villages = [(str(v.pk), v.title) for v in choices.villages]
        self.fields["village"].choices = [("", _("Any village")), *villages]
        self.fields["village"].error_messages["invalid_choice"] = _(
            "That village is not in the list; showing homestays in every village."
        )
        self.fields["near"].choices = [("", _("Choose a village")), *villages]
        self.fields["commune"].widget.choices = [("", _("Any commune"))] + [
            (c.slug, f"{c.name} ({', '.join(c.former_names)})" if c.former_names else c.name)
            for c in choices.communes
        ]
        self.fields["ethnic_group"].choices = [("", _("Any"))] + [
            (g.slug, g.name) for g in choices.ethnic_groups
        ]
        self.fields["amenity"].choices = [(a.slug, a.label) for a in choices.amenities]
        if choices.max_capacity:
            self.fields["guests"].widget.attrs["max"] = choices.max_capacity

    def clean_village(self):
        return self._by_pk(self.cleaned_data["village"])

    def clean_near(self):
        return self._by_pk(self.cleaned_data["near"])

    def _by_pk(self, value):
        return next((v for v in self.choices.villages if str(v.pk) == value), None)

    def clean_commune(self):
        """A commune by its slug, or by a former name ("huc-dong" finds today's commune)."""
        raw = self.cleaned_data["commune"]
        if not raw:
            return None
        wanted = vietnamese_slug(raw)
        for commune in self.choices.communes:
            if wanted == commune.slug or wanted in {
                vietnamese_slug(n) for n in commune.former_names
            }:
                return commune
        raise forms.ValidationError(_("That commune is not in the list; showing every commune."))

    def clean_ethnic_group(self):
        slug = self.cleaned_data["ethnic_group"]
        return next((g for g in self.choices.ethnic_groups if g.slug == slug), None)

    def clean_guests(self):
        """At least 1; above the largest public homestay's capacity, that capacity (so
        the visitor sees the biggest places rather than nothing)."""
        guests = self.cleaned_data["guests"]
        if guests is not None and guests < 1:
            self.notices.append(_("The number of guests must be at least 1; showing places for 1."))
            return 1
        largest = self.choices.max_capacity or MAX_GUESTS
        if guests is not None and guests > largest:
            self.notices.append(
                ngettext(
                    "No homestay here takes more than %(max)s guest; "
                    "showing the places for %(max)s.",
                    "No homestay here takes more than %(max)s guests; "
                    "showing the places for %(max)s.",
                    largest,
                )
                % {"max": largest}
            )
            return largest
        return guests

    def clean_max_price(self):
        price = self.cleaned_data["max_price"]
        if price is not None and price < 0:
            raise forms.ValidationError(_("The maximum price cannot be negative; it was ignored."))
        return None if price is None else min(price, MAX_PRICE)

    def clean_amenity(self):
        by_slug = {amenity.slug: amenity for amenity in self.choices.amenities}
        chosen, unknown = [], []
        for raw in self.cleaned_data["amenity"]:
            slug = raw.strip()
            if slug in by_slug:
                if by_slug[slug] not in chosen:
                    chosen.append(by_slug[slug])
            elif slug:
                unknown.append(slug)
        if unknown:
            self.notices.append(
                _("Unknown amenity %(names)s was ignored.") % {"names": ", ".join(unknown[:5])}
            )
        return chosen

    def clean_sort(self):
        return self.cleaned_data["sort"] or "price"

    def clean(self):
        data = super().clean()
        if data.get("sort") == "distance" and data.get("near") is None:
            data["near"] = data.get("village")
            if data["near"] is None:
                self.notices.append(
                    _("Choose a village to sort by distance from it; sorted by price.")
                )
                data["sort"] = "price"
        return data

    def malformed(self):
        """{field: [messages]} of the values no form control produces (a 400)."""
        return malformed_errors(self)

    def used_values(self):
        """The cleaned values, with those that could not be used left out, and every
        notice: the errors of the fields (each is an "it was ignored" message), then
        the corrections made while cleaning. Malformed values are left out too; they
        are not notices (``malformed()`` lists them)."""
        self.is_valid()
        values = dict(self.cleaned_data)
        for name in self.fields:
            values.setdefault(name, [] if name == "amenity" else None)
        values["sort"] = values["sort"] or "price"
        values["page"] = values["page"] or 1
        malformed = self.malformed()
        errors = [
            str(message)
            for name, messages in self.errors.items()
            if name not in self.SILENT_FIELDS and name not in malformed
            for message in messages
        ]
        return values, errors + self.notices
