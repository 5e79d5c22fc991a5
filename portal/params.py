"""One policy for every public query parameter.

Two layers:

* ``QueryGuardMiddleware`` (``portal.middleware``) refuses, for every path, the kinds of
  value no parameter may carry: control characters (NUL first of all, which PostgreSQL
  cannot store) and values longer than ``MAX_PARAMETER_LENGTH`` characters.
* Each filter set is a Django form; its number fields are ``AsciiIntegerField`` (only
  the ASCII digits 0-9, within the database's 64-bit range) and ids go through
  ``parse_id``. ``str.isdigit()`` is never enough: "²" and "①" pass it and crash
  ``int()``; "٣" passes both and is not what anyone typed.

A view that cleans a free-text parameter itself (site search strips control
characters and cuts the query to 200 characters, issue 10) says so with
``@lenient_parameters("q")``: the guard then lets that parameter through on that view.

Pages that are lenient with what a visitor may type (the homestay finder, site search)
still refuse what no form control or link of the site produces: a field calls
``refuse_malformed_number`` (digits of another script, integers beyond the database's
range: ``number_problem``), which raises a ``MALFORMED`` ValidationError;
``malformed_errors(form)`` lists them and the page answers 400 showing them, while the
other field errors become notices. ``PageNumberField`` reads a results page number that
way (a word is page 1).

``bad_parameter_response(request, message)`` answers 400 in the shape the path calls
for: JSON ``{"message": ...}`` under /api/, the site's 400 page (a static template that
needs no database) on the language-prefixed page paths, plain text elsewhere (feeds,
embeds, GeoJSON, GPX).
"""

import re

from django import forms
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

MAX_DB_INT = 2**63 - 1  # PostgreSQL bigint and SQLite INTEGER
MAX_PARAMETER_LENGTH = 2000  # characters, for one name or one value
JSON_PATHS = ("/api/",)

# C0 controls except tab, line feed and carriage return; DEL; C1 controls.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_ASCII_INTEGER = re.compile(r"[+-]?[0-9]+")


def lenient_parameters(*names):
    """View decorator: the view cleans these parameters itself, so the guard skips them
    (put it outermost: the guard reads the attribute on the resolved view)."""

    def decorate(view):
        view.lenient_parameters = frozenset(names)
        return view

    return decorate


def has_control_characters(text):
    return bool(_CONTROL_CHARACTERS.search(text))


def parse_int(value, minimum=-MAX_DB_INT, maximum=MAX_DB_INT):
    """``value`` (str) as an int written with ASCII digits, optional sign, surrounding
    spaces allowed, within [minimum, maximum]. Raises ValueError otherwise."""
    text = str(value).strip()
    if len(text) > 20 or not _ASCII_INTEGER.fullmatch(text):
        raise ValueError(f"not an ASCII integer: {text[:30]!r}")
    number = int(text)
    if not minimum <= number <= maximum:
        raise ValueError(f"{number} is outside {minimum}..{maximum}")
    return number


def parse_id(value):
    """A database id (1 .. 2**63-1) from ``value``, or None when it is not one."""
    try:
        return parse_int(value, minimum=1)
    except (TypeError, ValueError):
        return None


def lenient_int(value, default, minimum=-MAX_DB_INT, maximum=MAX_DB_INT):
    """``parse_int`` for parameters a page ignores when they are bad: ``default`` then."""
    try:
        return parse_int(value, minimum, maximum)
    except (TypeError, ValueError):
        return default


class AsciiIntegerField(forms.IntegerField):
    """IntegerField that accepts only ASCII digits and stays within the database's range."""

    default_error_messages = {"invalid": _("Enter a whole number written with the digits 0-9.")}

    def __init__(self, *, min_value=-MAX_DB_INT, max_value=MAX_DB_INT, **kwargs):
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_int(value, -(2**64), 2**64)  # range errors come from validators
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


def parameter_problem(name, value):
    """Why the query parameter ``name=value`` is refused on every path, or None."""
    for text in (name, value):
        if has_control_characters(text):
            return gettext("The parameter %(name)s contains control characters.") % {
                "name": _printable(name)
            }
        if len(text) > MAX_PARAMETER_LENGTH:
            return gettext("The parameter %(name)s is longer than %(max)s characters.") % {
                "name": _printable(name),
                "max": MAX_PARAMETER_LENGTH,
            }
    return None


def _printable(name):
    return _CONTROL_CHARACTERS.sub("?", name)[:40]


def form_error_text(form):
    """Every error of a bound form on one line: "offset: … limit: …"."""
    return " ".join(
        f"{name}: {message}" for name, messages in form.errors.items() for message in messages
    )


def bad_parameter_response(request, message):
    """400 with ``message``: JSON on API paths, the 400.html page (in the active
    language) on pages, plain text elsewhere."""
    if request.path_info.startswith(JSON_PATHS):
        return JsonResponse({"message": message}, status=400)
    if translation.get_language_from_path(request.path_info):
        html = render_to_string(
            "400.html", {"LANGUAGE_CODE": translation.get_language(), "message": message}
        )
        return HttpResponse(html, status=400)
    return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")


# What no form control produces and only a crafted address carries: a 400, not a notice.
MALFORMED = "malformed"


def _other_script_digit(character):
    return not "0" <= character <= "9" and (character.isdigit() or character.isnumeric())


def number_problem(value):
    """Why ``value`` (str) cannot be a number anyone typed, or None: digits of another
    script ("²", "①", "٣", "１２") or an integer beyond the database's range. Words and
    decimals ("six", "4.5") are not malformed: a page may ignore them with a notice."""
    text = str(value).strip()
    if any(_other_script_digit(character) for character in text):
        return gettext("Enter a whole number written with the digits 0-9.")
    if _ASCII_INTEGER.fullmatch(text) and abs(int(text)) > MAX_DB_INT:
        return gettext("The number is too large.")
    return None


def refuse_malformed_number(value):
    """Raise a ValidationError with code ``MALFORMED`` when ``number_problem(value)``."""
    problem = number_problem(value) if isinstance(value, str) else None
    if problem:
        raise forms.ValidationError(problem, code=MALFORMED)


def malformed_errors(form):
    """{field name: [messages]} of a bound form's errors with code ``MALFORMED``."""
    found = {}
    for name, errors in form.errors.as_data().items():
        for error in errors:
            if error.code == MALFORMED:
                found.setdefault(name, []).extend(error.messages)
    return found


class PageNumberField(forms.Field):
    """A results page number: 1 or more. A number that is malformed (``number_problem``)
    is a ``MALFORMED`` error; anything else that is not a whole number above 0 (a word,
    "0", "-2") is page 1, silently, as the event index does."""

    widget = forms.HiddenInput

    def to_python(self, value):
        if value in self.empty_values:
            return 1
        refuse_malformed_number(value)
        return lenient_int(value, 1, minimum=1)
