"""Wagtail API v2 (outside the language prefix): `?lang=vi|en` picks the language."""

from django.utils import translation
from wagtail import hooks
from wagtail.api.v2.filters import OrderingFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.serializers import ImageDownloadUrlField, ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet

from portal.address import absolute_url
from portal.api_images import AbsoluteImageRenditionField  # noqa: F401 (public name)
from portal.collation import collated_ordering
from portal.i18n import (
    UnknownLanguage,
    default_language,
    language_from_query,
    unknown_language_message,
)


def requested_language(request):
    """The `lang` query parameter, the default language when absent; 400 when unknown."""
    try:
        return language_from_query(request)
    except UnknownLanguage as exc:
        raise BadRequestError(unknown_language_message(exc)) from exc


class LanguageAPIMixin:
    """Serves the whole request in the language named by `?lang=`."""

    known_query_parameters = PagesAPIViewSet.known_query_parameters.union({"lang"})

    def dispatch(self, request, *args, **kwargs):
        try:
            code = language_from_query(request)
        except UnknownLanguage:
            code = default_language()  # initial() answers 400
        with translation.override(code):
            response = super().dispatch(request, *args, **kwargs)
        # The body is in `code`; LocaleMiddleware would otherwise say the default.
        response.headers.setdefault("Content-Language", code)
        return response

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        requested_language(request)


class CollatedOrderingFilter(OrderingFilter):
    """``?order=title`` in the requested language's alphabetical order (ICU), not by
    code point; other fields as Wagtail orders them."""

    def filter_queryset(self, request, queryset, view):
        queryset = super().filter_queryset(request, queryset, view)
        names = [name for name in request.GET.get("order", "").split(",") if name]
        if any(name.lstrip("-") == "title" for name in names):
            queryset = queryset.order_by(*collated_ordering(names), "pk")
        return queryset


class AbsoluteImageDownloadUrlField(ImageDownloadUrlField):
    def to_representation(self, image):
        return absolute_url(super().to_representation(image))


class PortalImageSerializer(ImageSerializer):
    download_url = AbsoluteImageDownloadUrlField(read_only=True)


class PortalPagesAPIViewSet(LanguageAPIMixin, PagesAPIViewSet):
    filter_backends = [
        CollatedOrderingFilter if backend is OrderingFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]

    def get_queryset(self):
        # Wagtail already limits to live pages; private pages stay out too.
        return super().get_queryset().public()


class PortalImagesAPIViewSet(LanguageAPIMixin, ImagesAPIViewSet):
    base_serializer_class = PortalImageSerializer
    known_query_parameters = ImagesAPIViewSet.known_query_parameters.union({"lang"})


def build_api_router():
    """Pages and images, plus each app's endpoints.

    An app adds endpoints from its ``wagtail_hooks.py`` with the
    ``portal_api_endpoints`` hook: a function returning ``[(name, ViewSet), ...]``.
    """
    router = WagtailAPIRouter("wagtailapi")
    router.register_endpoint("pages", PortalPagesAPIViewSet)
    router.register_endpoint("images", PortalImagesAPIViewSet)
    for fn in hooks.get_hooks("portal_api_endpoints"):
        for name, viewset in fn():
            router.register_endpoint(name, viewset)
    return router
