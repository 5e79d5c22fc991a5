"""The site search's parameters as a Django form (the policy: ``portal.params``).

``q`` is what a visitor typed: cleaned, never refused (control characters become
spaces, at most 200 characters: ``portal.text.clean_query``; the view is marked
``lenient_parameters("q")`` so the site-wide guard lets it through). ``type`` is
lenient: an unknown type shows every result and records a notice in ``notices``.
``page`` is a ``PageNumberField``: a word is page 1; digits of another script or a
number beyond the database's range are ``MALFORMED`` (the page answers 400).
"""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.params import PageNumberField, malformed_errors
from portal.searching.presentation import KIND_LABELS
from portal.searching.results import MAX_QUERY
from portal.text import clean_query


class SearchTextField(forms.CharField):
    """What a visitor typed, cleaned before any check (so a NUL is a space, not an
    error): ``portal.text.clean_query``."""

    def to_python(self, value):
        return clean_query(value, MAX_QUERY)


class LenientTypeField(forms.ChoiceField):
    """A result type; ``SearchForm.clean_type`` turns an unknown one into a notice."""

    def validate(self, value):
        pass


class SearchForm(forms.Form):
    q = SearchTextField(
        label=gettext_lazy("Search for villages, homestays, festivals and routes"),
        required=False,
        widget=forms.TextInput(attrs={"id": "search-q", "type": "search", "maxlength": MAX_QUERY}),
    )
    type = LenientTypeField(
        label=gettext_lazy("Type"),
        required=False,
        choices=[("", "")] + list(KIND_LABELS.items()),
        widget=forms.HiddenInput,
    )
    page = PageNumberField(label=gettext_lazy("Page"), required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.notices = []

    def clean_type(self):
        kind = self.cleaned_data["type"].strip()
        if kind and kind not in KIND_LABELS:
            self.notices.append(_("There is no such type of result; showing every result."))
            return ""
        return kind

    def malformed(self):
        """{field label: [messages]} of the values no link of the site produces."""
        return {
            str(self.fields[name].label): messages
            for name, messages in malformed_errors(self).items()
        }

    def used(self):
        """(query, type, page number) to search with; what was malformed is left out."""
        self.is_valid()
        data = self.cleaned_data
        return data.get("q", ""), data.get("type", ""), data.get("page") or 1

    @classmethod
    def showing(cls, query):
        """An unbound form that shows the query in use (cleaned, so at most 200
        characters), not the raw parameter."""
        return cls(initial={"q": query})
