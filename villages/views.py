"""Language-neutral views: the places GeoJSON feed."""

import json

from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from portal.i18n import uses_query_language
from villages.geojson import (
    MEDIA_TYPE,
    InvalidBoundingBox,
    UnknownFeatureType,
    feature_collection,
    feature_type_names,
    parse_bbox,
    parse_types,
)


@require_GET
@uses_query_language
def places_geojson(request):
    """`/api/places.geojson?lang=vi|en&type=village,homestay,attraction&bbox=W,S,E,N`
    (RFC 7946): ``bbox`` in decimal degrees keeps the features with a position inside."""
    try:
        types = parse_types(request.GET.getlist("type"))
    except UnknownFeatureType as exc:
        return _bad_request(
            _("Unknown place type %(types)s; use one of: %(known)s.")
            % {"types": exc, "known": ", ".join(feature_type_names())}
        )
    try:
        bbox = parse_bbox(request.GET.get("bbox"))
    except InvalidBoundingBox:
        return _bad_request(
            _(
                "The bbox must be four decimal numbers in degrees: west,south,east,north "
                "(for example 107.30,21.45,107.65,21.70)."
            )
        )
    body = json.dumps(feature_collection(request, types, bbox), ensure_ascii=False)
    response = HttpResponse(body, content_type=f"{MEDIA_TYPE}; charset=utf-8")
    response["Vary"] = "Accept-Encoding"
    return response


def _bad_request(message):
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
