"""`/api/v2/places/`: every registered place type (villages/places.py) with
coordinates and images.

`?lang=vi|en`, `?type=village|homestay|attraction|route` (comma-separated for several),
`?village=<id>` (that village, its homestays and the attractions tied to it).
Only live, public pages appear.

Each place type has its own serializer class, built once from the fields it declares
(``PlaceType.api_fields``): a route answers ``gpx_url``, a village has no such key,
in a listing of one type as in a mixed one.
"""

from functools import cache

from django.db.models import Q
from django.utils.translation import gettext as _
from rest_framework import fields
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from portal.api import LanguageAPIMixin
from portal.api_images import PageImageRenditionField
from portal.params import parse_id
from villages.models import AttractionPage, VillagePage
from villages.models.queries import with_image
from villages.places import place_type_names, place_type_of, place_types

THUMBNAIL_SPEC = "fill-480x300|format-webp"
COMMON_FIELDS = ["place_type", "latitude", "longitude", "thumbnail"]


def place_type(page):
    """The registered type name of a page ("village"), or None."""
    found = place_type_of(page)
    return found.name if found else None


class PlaceTypeField(fields.Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return place_type(page)


class PlaceSerializer(PageSerializer):
    """The fields every place has; a type's own fields are added by its subclass."""

    place_type = PlaceTypeField()
    latitude = fields.FloatField(read_only=True)
    longitude = fields.FloatField(read_only=True)
    thumbnail = PageImageRenditionField(THUMBNAIL_SPEC, source="image", read_only=True)


@cache
def type_serializer_class(place):
    """``PlaceSerializer`` plus the fields ``place`` (a PlaceType) declares."""
    name = "".join(part.title() for part in place.name.split("_")) + "PlaceSerializer"
    return type(name, (PlaceSerializer,), dict(place.api_fields))


def own_field_names(model):
    """The API field names the place type of ``model`` adds ([] for other models)."""
    place = place_type_of(model)
    return list(place.api_fields) if place else []


class MixedPlacesSerializer(PlaceSerializer):
    """A listing of several place types: each item gets its own type's fields too."""

    def to_representation(self, page):
        data = super().to_representation(page)
        for name, field in self._own_fields(page).items():
            data[name] = field.to_representation(field.get_attribute(page))
        return data

    def _own_fields(self, page):
        place = place_type_of(page)
        if place is None:
            return {}
        bound = self.__dict__.setdefault("_bound_own_fields", {})
        if place.name not in bound:
            declared = type_serializer_class(place)._declared_fields
            own = {}
            for name in place.api_fields:
                field = declared[name].__deepcopy__({})
                field.bind(name, self)
                own[name] = field
            bound[place.name] = own
        return bound[place.name]


def parse_place_types(raw):
    """[PlaceType] named in "village,route" (every type when empty); 400 for unknown."""
    names = [part.strip() for part in (raw or "").split(",") if part.strip()]
    known = {t.name: t for t in place_types()}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise BadRequestError(
            _("Unknown place type %(types)s; use one of: %(known)s.")
            % {"types": ", ".join(unknown), "known": ", ".join(place_type_names())}
        )
    return [known[name] for name in names] or list(known.values())


def parse_village(raw, base_queryset):
    pk = parse_id(raw)
    if pk is None:
        raise BadRequestError(_("village must be the id of a village page."))
    village = VillagePage.objects.filter(pk=pk, pk__in=base_queryset.values("pk")).first()
    if village is None:
        raise BadRequestError(_("There is no published village with id %(id)s.") % {"id": pk})
    return village


class PlacesAPIViewSet(LanguageAPIMixin, PagesAPIViewSet):
    base_serializer_class = MixedPlacesSerializer
    name = "places"
    known_query_parameters = LanguageAPIMixin.known_query_parameters.union({"village"})
    own_query_parameters = ("village", "type")

    body_fields = PagesAPIViewSet.body_fields + COMMON_FIELDS
    listing_default_fields = PagesAPIViewSet.listing_default_fields + COMMON_FIELDS

    def query_model(self, request):
        try:
            types = parse_place_types(request.GET.get("type"))
        except BadRequestError:
            return self.model  # get_queryset answers 400
        return types[0].model_class if len(types) == 1 else self.model

    @classmethod
    def get_body_fields_names(cls, model):
        return super().get_body_fields_names(model) + own_field_names(model)

    @classmethod
    def get_listing_default_fields(cls, model):
        return super().get_listing_default_fields(model) + own_field_names(model)

    @classmethod
    def _get_serializer_class(cls, router, model, fields_config, show_details=False, nested=False):
        """For one place type, Wagtail's serializer built on that type's class."""
        place = None if nested else place_type_of(model)
        if place is not None and cls.base_serializer_class is MixedPlacesSerializer:
            return _type_viewset(place)._get_serializer_class(
                router, model, fields_config, show_details=show_details, nested=nested
            )
        return super()._get_serializer_class(
            router, model, fields_config, show_details=show_details, nested=nested
        )

    def get_queryset(self):
        models = [t.model_class for t in parse_place_types(self.request.GET.get("type"))]
        base = self.get_base_queryset()
        # One type: its own pages filtered directly (not pk__in every place of the
        # site), with their images; locale: fields=* shows meta.locale, one query per
        # item otherwise. Several types: specific pages of each.
        single = len(models) == 1
        direct = single and "site" not in self.request.GET  # ?site=: Wagtail's base
        queryset = self.public_pages(models[0]) if direct else base.type(*models)
        if "village" in self.request.GET:
            village = parse_village(self.request.GET["village"], base)
            queryset = queryset.filter(
                Q(pk=village.pk)
                | Q(path__startswith=village.path, depth=village.depth + 1)
                | Q(pk__in=AttractionPage.objects.filter(village=village).values("pk"))
            )
        if single and not direct:
            queryset = models[0].objects.filter(pk__in=queryset.values("pk"))
        if single:
            return with_image(queryset).select_related("locale")
        return queryset.specific()


@cache
def _type_viewset(place):
    """PlacesAPIViewSet answering with the serializer of ``place`` (a PlaceType)."""
    return type(
        f"{place.name}PlacesAPIViewSet",
        (PlacesAPIViewSet,),
        {"base_serializer_class": type_serializer_class(place)},
    )
