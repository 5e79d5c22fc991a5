"""Wagtail API v2 (outside the language prefix): `?lang=vi|en` picks the language."""

from django import forms
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.api.v2.filters import OrderingFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import TagsField
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.serializers import ImageDownloadUrlField, ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.images.models import AbstractImage
from wagtail.models import Page, Site

from portal.address import absolute_url
from portal.api_images import AbsoluteImageRenditionField  # noqa: F401 (public name)
from portal.cache import CachedSlices
from portal.collation import collated_ordering
from portal.i18n import (
    UnknownLanguage,
    default_language,
    language_from_query,
    unknown_language_message,
)
from portal.models.visibility import live_public
from portal.params import MAX_DB_INT, AsciiIntegerField, form_error_text, parse_id, parse_int

# Wagtail's own parameters that name a page: an id, or "root" where Wagtail allows it.
PAGE_ID_PARAMETERS = ("id", "child_of", "descendant_of", "ancestor_of", "translation_of")
ROOT_ALLOWED = ("child_of", "descendant_of", "translation_of")


class APIQueryForm(forms.Form):
    """Wagtail API v2's built-in parameters, checked before Wagtail reads them.

    Wagtail turns them into database lookups with ``int()`` and ``Site.objects.get``;
    here an unusable value becomes a 400 with a message in the request's language.
    Field filters (``?capacity=4``) on number fields are checked the same way.
    """

    offset = AsciiIntegerField(required=False, min_value=0, max_value=MAX_DB_INT // 2)
    limit = AsciiIntegerField(required=False, min_value=0, max_value=MAX_DB_INT // 2)
    site = forms.CharField(required=False)

    def __init__(self, data, number_filters=()):
        super().__init__(data)
        for name in PAGE_ID_PARAMETERS:
            self.fields[name] = forms.CharField(required=False)
        for name in number_filters:
            if name not in self.fields:
                self.fields[name] = AsciiIntegerField(required=False)

    def clean(self):
        cleaned = super().clean()
        for name in PAGE_ID_PARAMETERS:
            value = (cleaned.get(name) or "").strip()
            if value and parse_id(value) is None and not (value == "root" and name in ROOT_ALLOWED):
                self.add_error(name, _("Give the id of a page (a whole number from 1)."))
        return cleaned

    def clean_site(self):
        """``site=hostname[:port]`` must name a configured site (Wagtail would crash)."""
        from wagtail.models import Site

        value = self.cleaned_data["site"].strip()
        if not value:
            return value
        hostname, _sep, port = value.partition(":")
        lookup = {"hostname": hostname}
        if port:
            try:
                lookup["port"] = parse_int(port, 1, 65535)
            except ValueError:
                lookup["port"] = None
        if (
            "port" in lookup
            and lookup["port"] is None
            or not Site.objects.filter(**lookup).exists()
        ):
            raise forms.ValidationError(
                _("There is no site %(site)s; leave site out to use this one."),
                params={"site": value},
            )
        return value


def number_filter_names(model, names):
    """Which of the query parameter ``names`` are Wagtail field filters on number fields."""
    numbers = []
    for name in names:
        try:
            field = model._meta.get_field(name)
        except Exception:  # noqa: BLE001 - not a field: not a number filter
            continue
        target = getattr(field, "target_field", field)
        if isinstance(target, (models.IntegerField, models.AutoField)):
            numbers.append(name)
    return numbers


def check_api_query(request, model, own_parameters=()):
    """Raise BadRequestError when one of Wagtail's built-in parameters is unusable.
    ``own_parameters`` are read by the endpoint itself (e.g. events' ``category`` slug)."""
    names = [name for name in request.GET if name not in own_parameters]
    form = APIQueryForm(request.GET, number_filter_names(model, names))
    if not form.is_valid():
        raise BadRequestError(form_error_text(form))


def requested_language(request):
    """The `lang` query parameter, the default language when absent; 400 when unknown."""
    try:
        return language_from_query(request)
    except UnknownLanguage as exc:
        raise BadRequestError(unknown_language_message(exc)) from exc


class LanguageAPIMixin:
    """Serves the whole request in the language named by `?lang=`."""

    known_query_parameters = PagesAPIViewSet.known_query_parameters.union({"lang"})
    own_query_parameters = ()  # parameters the endpoint parses itself, not Wagtail

    def query_model(self, request):
        """The model Wagtail's field filters will run on: ``?type=app.Model`` if single."""
        try:
            models = page_models_from_string(request.GET.get("type", ""))
        except (LookupError, ValueError):
            return self.model
        return models[0] if len(models) == 1 else self.model

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
        check_api_query(request, self.query_model(request), self.own_query_parameters)

    def get_object(self):
        if parse_id(self.kwargs.get("pk", "")) is None:
            raise Http404
        return super().get_object()

    def get_base_queryset(self):
        """Wagtail's base queryset (live pages of the request's site), with pages under a
        view restriction left out by their tree path (portal.models.visibility):
        Wagtail's own loads every restriction in one query per call, several per
        request, and keeps pages whose restriction this request passed; the API is
        public data."""
        if "site" in self.request.GET:  # rare: Wagtail's own handling of ?site=
            return Page.objects.filter(pk__in=live_public(super().get_base_queryset()).values("pk"))
        return self.public_pages(Page)

    def public_pages(self, model):
        """The live, public pages of ``model`` (Page or a page model) on the request's
        site, as plain filters on the page table (path, depth, live), which the search
        backends read too; not ``pk__in`` a subquery of every page of the site, which
        SQLite builds in full before reading a row (Wagtail's way for ``?type=``)."""
        site = Site.find_for_request(self.request)
        if site is None:
            return model.objects.none()
        return live_public(model.objects.descendant_of(site.root_page, inclusive=True))

    def single_type(self):
        """The page model of ``?type=`` when it names exactly one, else None (also for
        ``?site=``, which Wagtail handles)."""
        if "site" in self.request.GET:
            return None
        try:
            models = page_models_from_string(self.request.GET.get("type", ""))
        except (LookupError, ValueError):
            return None
        return models[0] if len(models) == 1 else None

    def paginate_queryset(self, queryset):
        if isinstance(queryset, models.QuerySet) and issubclass(queryset.model, Page):
            # The count and each page's ids are the same for every partner asking the
            # same until content changes: cached per content version. Counting the
            # live public pages read every page of the site on each request (SQLite,
            # 15,600 pages: 15 ms for the count, as much again for the page).
            queryset = CachedSlices(queryset, "api:pages")
        items = super().paginate_queryset(queryset)
        if items is not None and issubclass(self.model, Page):
            prefetch_listed_pages(items)
        return items


def prefetch_listed_pages(pages):
    """Fetch, for one page of an API listing (specific pages of any types), every
    page's locale (``meta.locale``) in one query and all their images, with the
    renditions, in two: a constant number of queries instead of a few per item.
    Changes ``pages`` in place; skips what the queryset already joined or fetched."""
    if not pages:
        return
    prefetch_related_objects(pages, "locale")  # Page.locale, shared by every type
    wanted = []  # (page, image field) still to fill
    for page in pages:
        for field in page._meta.concrete_fields:
            if field.many_to_one and issubclass(field.related_model, AbstractImage):
                wanted.append((page, field))
    missing = {getattr(page, field.attname) for page, field in wanted if not field.is_cached(page)}
    missing.discard(None)
    images = {image.pk: image for image in get_image_model().objects.filter(pk__in=missing)}
    for page, field in wanted:
        if not field.is_cached(page):
            field.set_cached_value(page, images.get(getattr(page, field.attname)))
    fetched = {
        id(image): image for page, field in wanted if (image := field.get_cached_value(page))
    }
    prefetch_related_objects(list(fetched.values()), "renditions")


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


class PrefetchedTagsField(TagsField):
    """An image's tag names, sorted, from the tags the listing prefetched (Wagtail's
    TagsField runs one query per image)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class PortalImageSerializer(ImageSerializer):
    download_url = AbsoluteImageDownloadUrlField(read_only=True)

    def build_property_field(self, field_name, model_class):
        field_class, kwargs = super().build_property_field(field_name, model_class)
        return (PrefetchedTagsField if field_class is TagsField else field_class), kwargs


class PortalPagesAPIViewSet(LanguageAPIMixin, PagesAPIViewSet):
    filter_backends = [
        CollatedOrderingFilter if backend is OrderingFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]

    # get_base_queryset (LanguageAPIMixin) keeps private pages out.

    def get_queryset(self):
        """Wagtail's, but ``?type=`` naming one model filters that model's pages
        directly (public_pages), not by ``pk__in`` every page of the site."""
        model = self.single_type()
        if model is not None:
            return self.public_pages(model)
        return super().get_queryset()


class PortalImagesAPIViewSet(LanguageAPIMixin, ImagesAPIViewSet):
    base_serializer_class = PortalImageSerializer
    known_query_parameters = ImagesAPIViewSet.known_query_parameters.union({"lang"})

    def get_queryset(self):
        return super().get_queryset().prefetch_related("tags")


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
