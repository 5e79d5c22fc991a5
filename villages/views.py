"""Language-neutral views: the places GeoJSON feed."""

import json

from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from portal.i18n import uses_query_language
from villages.geojson import (
    MEDIA_TYPE,
    UnknownFeatureType,
    feature_collection,
    feature_type_names,
    parse_types,
)


@require_GET
@uses_query_language
def places_geojson(request):
    """`/api/places.geojson?lang=vi|en&type=village,homestay,attraction` (RFC 7946)."""
    try:
        types = parse_types(request.GET.getlist("type"))
    except UnknownFeatureType as exc:
        return HttpResponseBadRequest(
            _("Unknown place type %(types)s; use one of: %(known)s.")
            % {"types": exc, "known": ", ".join(feature_type_names())},
            content_type="text/plain; charset=utf-8",
        )
    body = json.dumps(feature_collection(request, types), ensure_ascii=False)
    response = HttpResponse(body, content_type=f"{MEDIA_TYPE}; charset=utf-8")
    response["Vary"] = "Accept-Encoding"
    return response
