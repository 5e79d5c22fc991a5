"""Language helpers: a page's URL in each language, and whether it is translated."""

from functools import wraps

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.urls import translate_url
from django.utils import translation
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname, resolution_order

from portal.address import absolute_url

# Fields Wagtail-modeltranslation adds to every page that say nothing about
# whether the content itself is translated.
_TECHNICAL_FIELDS = {"slug", "url_path", "seo_title", "search_description"}


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def default_language():
    return settings.LANGUAGE_CODE


def page_url(page, language, request=None, absolute=False):
    """The page's URL as a visitor of ``language`` sees it."""
    with translation.override(language):
        url = page.get_url(request)
        # Absolute URLs are on the public address (settings.PORTAL_BASE_URL).
        return absolute_url(url) if absolute else url


def path_in_language(request, language):
    """For views that are not pages (search, 404): the same path in ``language``."""
    return translate_url(request.get_full_path(), language)


def content_fields(instance):
    """Names of the translated content fields of a model instance."""
    try:
        options = translator.get_options_for_model(type(instance))
    except NotRegistered:
        return []
    return [name for name in options.all_fields if name not in _TECHNICAL_FIELDS]


# Text an empty translation turns into when something calls str() on it.
EMPTY_MARKERS = {"", "none", "null"}


def is_empty(value):
    """True for a translation that holds no text: None, "", blanks, an empty
    StreamField, or the words "None"/"null" left by str() of a missing value."""
    if value is None:
        return True
    if hasattr(value, "raw_data"):  # StreamValue
        return len(value) == 0
    return str(value).strip().lower() in EMPTY_MARKERS


def language_name(code, in_sentence=False):
    """The name of language ``code`` in the active language: the catalogue's
    translation of Django's own name, or the portal's table for a code Django lacks.

    ``in_sentence``: the form used inside running text, from the catalogue's
    "language name inside a sentence" context (Vietnamese writes "Tiếng Anh" as a
    label but "bản tiếng Anh" in a sentence)."""
    from portal.languages import info

    if in_sentence:
        try:
            english = translation.get_language_info(code)["name"]
        except KeyError:
            english = str(info(code).name)
        return translation.pgettext("language name inside a sentence", english)
    try:
        return str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return translation.gettext(str(info(code).name))


def language_list(codes, in_sentence=False):
    """Language names joined for a sentence in the active language: "English and
    Vietnamese" / "tiếng Anh và tiếng Việt"."""
    names = [language_name(code, in_sentence) for code in codes]
    if len(names) < 2:
        return "".join(names)
    text = names[0]
    for name in names[1:]:
        text = translation.gettext("%(first)s and %(second)s") % {"first": text, "second": name}
    return text


def route_by_default_language_slugs():
    """Give Wagtail's slug and url_path the fallback its URLs are built with.

    wagtail-modeltranslation builds ``url_path_<lang>`` from the page's own slug in
    that language, else the default language's slug; but its router compares
    ``page.slug``, which follows the content chain (zh-hans -> en -> vi). A Chinese
    URL made of Vietnamese slugs would then answer 404. Slugs and url_paths fall
    back to the default language only; content fields keep their chains.
    """
    from modeltranslation import settings as mt_settings
    from wagtail.models import Page

    only_default = dict.fromkeys(mt_settings.AVAILABLE_LANGUAGES, ())
    only_default["default"] = (mt_settings.DEFAULT_LANGUAGE,)
    for name in ("slug", "url_path"):
        Page.__dict__[name].fallback_languages = only_default


def memoize_site_root_paths():
    """Read the sites' root paths once per request and language.

    wagtail-modeltranslation installs its own ``Page._get_site_root_paths``, which
    keeps one language's paths on the request (or page) and reads the shared cache
    again at each change of language: a page linking its translations read Redis
    11 times, the events API (URLs in both languages per event) 42. Runs in
    PortalConfig.ready, after wagtail-modeltranslation has patched the page models.
    """
    from wagtail.models import Page, get_page_models
    from wagtail_modeltranslation import patch_wagtailadmin

    from portal.cache import memoized

    translated = patch_wagtailadmin._new_get_site_root_paths

    def site_root_paths(self, request=None):
        return memoized(
            f"site-root-paths:{translation.get_language()}",
            lambda: translated(self, request),
        )

    for model in {Page, *get_page_models()}:
        if model.__dict__.get("_get_site_root_paths") is translated:
            model._get_site_root_paths = site_root_paths


def fallback_chain(language):
    """The languages a visitor of ``language`` may read, in order: ``language``
    first, then its fallbacks from MODELTRANSLATION_FALLBACK_LANGUAGES
    (e.g. zh-hans -> en -> vi)."""
    return list(resolution_order(language))


def value_in(instance, name, language):
    """The stored value of translated field ``name`` in ``language`` (no fallback)."""
    return getattr(instance, build_localized_fieldname(name, language), None)


def shown_languages(instance, language):
    """{field name: the language whose text a visitor of ``language`` reads}, for
    the content fields that are empty in ``language`` but filled in a fallback."""
    shown = {}
    for name in content_fields(instance):
        if not is_empty(value_in(instance, name, language)):
            continue
        for other in fallback_chain(language)[1:]:
            if not is_empty(value_in(instance, name, other)):
                shown[name] = other
                break
    return shown


def missing_translations(instance, language):
    """Content fields that have a value in a fallback language but none in ``language``."""
    return list(shown_languages(instance, language))


def fallback_languages(instance, language=None):
    """The other languages whose text a visitor of ``language`` reads on this page,
    in chain order; empty when the page is fully translated."""
    language = language or translation.get_language()
    used = set(shown_languages(instance, language).values())
    return [code for code in fallback_chain(language) if code in used]


def shows_fallback(instance, language=None):
    """True when a visitor of ``language`` sees another language's text on this page."""
    return bool(fallback_languages(instance, language))


class UnknownLanguage(ValueError):
    pass


def language_from_query(request):
    """`?lang=` for language-neutral paths (API, feeds, embeds); the default when absent.

    Raises UnknownLanguage for a code the site does not publish.
    """
    code = (request.GET.get("lang") or default_language()).strip().lower()
    if code not in language_codes():
        raise UnknownLanguage(code)
    return code


def unknown_language_message(code):
    """Why `?lang=code` was refused, in every language of the site (the caller's
    language is the one we do not know)."""
    messages = []
    for language in language_codes():
        with translation.override(language):
            messages.append(
                translation.gettext("Unknown language %(code)s; use one of: %(codes)s.")
                % {"code": code, "codes": ", ".join(language_codes())}
            )
    return " / ".join(messages)


def in_every_language(view):
    """For a language-neutral answer that holds every public language (the sitemap,
    robots.txt): ``Content-Language: vi, en`` (RFC 9110, 8.5), whatever the visitor's
    Accept-Language. nginx keeps one copy of such an answer for everyone
    (deploy/nginx/portal.conf), so nothing in it may follow that header."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.headers["Content-Language"] = ", ".join(language_codes())
        return response

    return wrapper


def uses_query_language(view):
    """Serve the view in the `?lang=` language; 400 with a clear message for an unknown one."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            code = language_from_query(request)
        except UnknownLanguage as exc:
            return HttpResponseBadRequest(
                unknown_language_message(exc), content_type="text/plain; charset=utf-8"
            )
        locale_language = getattr(request, "LANGUAGE_CODE", None)
        with translation.override(code):
            request.LANGUAGE_CODE = code
            response = view(request, *args, **kwargs)
        # Back to LocaleMiddleware's: the page cache's key holds request.LANGUAGE_CODE
        # and is looked up before the view runs, so it must be the same when stored.
        request.LANGUAGE_CODE = locale_language
        # The body is in `code`; LocaleMiddleware would otherwise say the default.
        response.headers.setdefault("Content-Language", code)
        return response

    return wrapper
