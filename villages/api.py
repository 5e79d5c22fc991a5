"""`/api/v2/places/`: villages, homestays and attractions with coordinates and images.

Other page types join with ``register_place_type`` (the routes app adds "route").
`?lang=vi|en`, `?type=village|homestay|attraction|route` (comma-separated for several),
`?village=<id>` (that village, its homestays and the attractions tied to it).
Only live, public pages appear.
"""

from django.db.models import Q
from django.utils.translation import gettext as _
from rest_framework import fields
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from portal.api import LanguageAPIMixin
from portal.api_images import PageImageRenditionField
from portal.params import parse_id
from villages.models import AttractionPage, HomestayPage, VillagePage
from villages.models.queries import with_image

PLACE_MODELS = {"village": VillagePage, "homestay": HomestayPage, "attraction": AttractionPage}
THUMBNAIL_SPEC = "fill-480x300|format-webp"


def place_type(page):
    for name, model in PLACE_MODELS.items():
        if isinstance(page, model):
            return name
    return None


class PlaceTypeField(fields.Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return place_type(page)


class PlaceSerializer(PageSerializer):
    place_type = PlaceTypeField()
    latitude = fields.FloatField(read_only=True)
    longitude = fields.FloatField(read_only=True)
    thumbnail = PageImageRenditionField(THUMBNAIL_SPEC, source="image", read_only=True)


def parse_place_types(raw):
    names = [part.strip() for part in (raw or "").split(",") if part.strip()]
    unknown = [name for name in names if name not in PLACE_MODELS]
    if unknown:
        raise BadRequestError(
            _("Unknown place type %(types)s; use one of: %(known)s.")
            % {"types": ", ".join(unknown), "known": ", ".join(PLACE_MODELS)}
        )
    return [PLACE_MODELS[name] for name in names] or list(PLACE_MODELS.values())


def parse_village(raw, base_queryset):
    pk = parse_id(raw)
    if pk is None:
        raise BadRequestError(_("village must be the id of a village page."))
    village = VillagePage.objects.filter(pk=pk, pk__in=base_queryset.values("pk")).first()
    if village is None:
        raise BadRequestError(_("There is no published village with id %(id)s.") % {"id": pk})
    return village


class PlacesAPIViewSet(LanguageAPIMixin, PagesAPIViewSet):
    base_serializer_class = PlaceSerializer
    name = "places"
    known_query_parameters = LanguageAPIMixin.known_query_parameters.union({"village"})
    own_query_parameters = ("village", "type")

    def query_model(self, request):
        try:
            models = parse_place_types(request.GET.get("type"))
        except BadRequestError:
            return self.model  # get_queryset answers 400
        return models[0] if len(models) == 1 else self.model

    body_fields = PagesAPIViewSet.body_fields + [
        "place_type",
        "latitude",
        "longitude",
        "thumbnail",
    ]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "place_type",
        "latitude",
        "longitude",
        "thumbnail",
    ]

    def get_base_queryset(self):
        return super().get_base_queryset().public()

    def get_queryset(self):
        models = parse_place_types(self.request.GET.get("type"))
        base = self.get_base_queryset()
        queryset = base.type(*models)
        if "village" in self.request.GET:
            village = parse_village(self.request.GET["village"], base)
            queryset = queryset.filter(
                Q(pk=village.pk)
                | Q(path__startswith=village.path, depth=village.depth + 1)
                | Q(pk__in=AttractionPage.objects.filter(village=village).values("pk"))
            )
        if len(models) == 1:
            model = models[0]
            return with_image(model.objects.filter(pk__in=queryset.values("pk")))
        return queryset.specific()


def register_place_type(name, model, fields=None):
    """Add a page type to the places API as ``?type=name``.

    ``fields`` maps extra field names to serializer fields shown for every place
    (pages of other types answer None), e.g. the routes app's
    ``register_place_type("route", RoutePage, {"gpx_url": GpxUrlField()})``.
    """
    PLACE_MODELS[name] = model
    for field_name, field in (fields or {}).items():
        PlaceSerializer._declared_fields[field_name] = field
        for names in (PlacesAPIViewSet.body_fields, PlacesAPIViewSet.listing_default_fields):
            if field_name not in names:
                names.append(field_name)
