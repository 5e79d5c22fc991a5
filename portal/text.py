"""Vietnamese text as the portal stores and compares it.

- :func:`to_nfc` / :func:`normalise_data`: every stored or received string is NFC
  (macOS and iOS keyboards may send decomposed NFD text).
- :func:`clean_query`: a visitor's search text made safe to show and to search:
  NFC, control characters removed, whitespace collapsed, length bounded.
- :func:`fold`: the search form of a text: lower case, no marks, đ → d, words of
  letters and digits separated by one space. The index and every query go through
  this one function, so accented, unaccented and decomposed input match alike.
"""

import re
import unicodedata

from django.utils.encoding import force_str

_WORD = re.compile(r"[^\W_]+")
_SPACES = re.compile(r"\s+")
# Letters that carry no combining mark in NFD but are still "the same letter" to a
# Vietnamese reader typing without accents.
_BASE_LETTERS = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


class _MarkRemover(dict):
    """A ``str.translate`` table that drops combining marks (any script), learning
    each character once: translate runs in C, far faster than a Python loop."""

    def __missing__(self, code):
        self[code] = None if unicodedata.combining(chr(code)) else code
        return self[code]


_WITHOUT_MARKS = _MarkRemover()


def to_nfc(value):
    """``value`` in Unicode NFC when it is a string, unchanged otherwise."""
    if isinstance(value, str) and not unicodedata.is_normalized("NFC", value):
        return unicodedata.normalize("NFC", value)
    return value


def normalise_data(value):
    """NFC for every string inside nested lists and dicts (StreamField JSON)."""
    if isinstance(value, str):
        return to_nfc(value)
    if isinstance(value, list):
        return [normalise_data(item) for item in value]
    if isinstance(value, dict):
        return {key: normalise_data(item) for key, item in value.items()}
    return value


def clean_query(value, max_length=200):
    """A visitor's text, NFC, without control characters, on one line, at most
    ``max_length`` characters. Anything (None, bytes-like garbage) gives a str."""
    text = to_nfc(force_str(value or "", errors="replace"))
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    return _SPACES.sub(" ", text).strip()[:max_length].strip()


def _flatten(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_flatten(item) for item in value)
    return force_str(value)


def fold(value):
    """The folded search form: 'Đình Lục Nà' → 'dinh luc na'.

    Accepts a string, None, or a (nested) list of strings (StreamField searchable
    content). Returns words of letters and digits, lower case, joined by one space.
    """
    text = unicodedata.normalize("NFD", _flatten(value)).translate(_WITHOUT_MARKS)
    text = text.translate(_BASE_LETTERS).casefold()
    return " ".join(_WORD.findall(text))


def fold_words(value):
    """The folded words of ``value`` as a list: 'Lễ hội' → ['le', 'hoi']."""
    return fold(value).split()
