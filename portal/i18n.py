"""Language helpers: a page's URL in each language, and whether it is translated."""

from functools import wraps

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.urls import translate_url
from django.utils import translation
from modeltranslation.translator import NotRegistered, translator

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


def _is_empty(value):
    if value is None:
        return True
    if hasattr(value, "raw_data"):  # StreamValue
        return len(value) == 0
    return str(value).strip() == ""


def missing_translations(instance, language):
    """Content fields that have a default-language value but none in ``language``."""
    base = default_language()
    if language == base:
        return []
    return [
        name
        for name in content_fields(instance)
        if _is_empty(getattr(instance, f"{name}_{language}", None))
        and not _is_empty(getattr(instance, f"{name}_{base}", None))
    ]


def shows_fallback(instance, language=None):
    """True when a visitor of ``language`` sees default-language text on this page."""
    return bool(missing_translations(instance, language or translation.get_language()))


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
        with translation.override(code):
            request.LANGUAGE_CODE = code
            response = view(request, *args, **kwargs)
        # The body is in `code`; LocaleMiddleware would otherwise say the default.
        response.headers.setdefault("Content-Language", code)
        return response

    return wrapper
