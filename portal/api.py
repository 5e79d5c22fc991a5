"""Wagtail API v2 (outside the language prefix): `?lang=vi|en` picks the language."""

from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from portal.i18n import default_language, language_codes


def requested_language(request):
    """The `lang` query parameter, the default language when absent; 400 when unknown."""
    code = request.GET.get("lang") or default_language()
    if code not in language_codes():
        raise BadRequestError(
            _("Unknown language %(code)s; use one of: %(codes)s.")
            % {"code": code, "codes": ", ".join(language_codes())}
        )
    return code


class LanguageAPIMixin:
    """Serves the whole request in the language named by `?lang=`."""

    known_query_parameters = PagesAPIViewSet.known_query_parameters.union({"lang"})

    def dispatch(self, request, *args, **kwargs):
        code = request.GET.get("lang") or default_language()
        with translation.override(code if code in language_codes() else default_language()):
            return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        requested_language(request)


class PortalPagesAPIViewSet(LanguageAPIMixin, PagesAPIViewSet):
    def get_queryset(self):
        # Wagtail already limits to live pages; private pages stay out too.
        return super().get_queryset().public()


class PortalImagesAPIViewSet(LanguageAPIMixin, ImagesAPIViewSet):
    known_query_parameters = ImagesAPIViewSet.known_query_parameters.union({"lang"})


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
