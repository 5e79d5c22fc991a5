"""Every language the portal supports, in one table; the public ones come from the
environment.

Settings import this module (it needs nothing from Django but lazy gettext), so the
table is the one place to add a language: a row here, formats in
``portal/formats/<locale>/`` (optional) and a catalogue in ``locale/<locale>/``.

- ``SUPPORTED``: code -> :class:`Language`, in the order the site lists them.
- :func:`public_codes` reads ``PORTAL_LANGUAGES`` (comma-separated codes, default
  ``vi,en``) and raises ``ValueError`` for a code the table lacks or when the
  default language is left out.
- :func:`info` answers for any code; a code the table lacks gets a neutral row
  (``og:locale`` from Django's ``to_locale``, hreflang = the code, falls back to
  the default language).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import to_locale

DEFAULT = "vi"


@dataclass(frozen=True)
class Language:
    code: str  # Django's language code, as in URLs: "zh-hans"
    name: str  # English name, translated by the catalogues (lazy)
    og_locale: str  # Open Graph locale: "zh_CN"
    hreflang: str  # BCP 47 tag for <link rel="alternate" hreflang>: "zh-Hans"
    fallbacks: tuple = (DEFAULT,)  # where an empty field's text comes from, in order


SUPPORTED = {
    "vi": Language("vi", _("Vietnamese"), "vi_VN", "vi", ()),
    "en": Language("en", _("English"), "en_GB", "en", (DEFAULT,)),
    # Visitors from the Hoành Mô – Động Trung border gate read English before Vietnamese.
    "zh-hans": Language("zh-hans", _("Simplified Chinese"), "zh_CN", "zh-Hans", ("en", DEFAULT)),
}
DEFAULT_PUBLIC = "vi,en"


def info(code):
    """The table's row for ``code``, or a neutral one for a language it lacks."""
    if code in SUPPORTED:
        return SUPPORTED[code]
    return Language(code, code, to_locale(code), code, (DEFAULT,) if code != DEFAULT else ())


def public_codes(value=None):
    """The codes the public site offers, in table order, from ``PORTAL_LANGUAGES``."""
    wanted = [c.strip().lower() for c in (value or DEFAULT_PUBLIC).split(",") if c.strip()]
    unknown = [c for c in wanted if c not in SUPPORTED]
    if unknown:
        raise ValueError(
            f"PORTAL_LANGUAGES: unknown language(s) {', '.join(unknown)}; "
            f"supported: {', '.join(SUPPORTED)}"
        )
    if DEFAULT not in wanted:
        raise ValueError(f"PORTAL_LANGUAGES must include the default language {DEFAULT!r}")
    return [code for code in SUPPORTED if code in wanted]


def fallback_chains(codes):
    """MODELTRANSLATION_FALLBACK_LANGUAGES for the public ``codes``: each language's
    chain keeps only public languages and always ends with the default."""
    chains = {"default": (DEFAULT,)}
    for code in SUPPORTED:
        chain = [c for c in info(code).fallbacks if c in codes and c != code]
        if code != DEFAULT and DEFAULT not in chain:
            chain.append(DEFAULT)
        chains[code] = tuple(chain)
    return chains
