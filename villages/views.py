"""Language-neutral views: the places GeoJSON feed."""

import json

from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from portal.address import absolute_url
from portal.i18n import uses_query_language
from villages.geojson import (
    MAX_LIMIT,
    MEDIA_TYPE,
    InvalidBoundingBox,
    InvalidPaging,
    OffsetWithoutLimit,
    UnknownFeatureType,
    collection_of,
    feature_page,
    feature_type_names,
    parse_bbox,
    parse_paging,
    parse_types,
)


@require_GET
@uses_query_language
def places_geojson(request):
    """`/api/places.geojson?lang=vi|en&type=village,homestay,attraction&bbox=W,S,E,N
    &limit=&offset=` (RFC 7946): ``bbox`` in decimal degrees keeps the features with a
    position inside; ``limit`` (1–5000) gives one page of features from ``offset``,
    with ``numberReturned`` and ``links`` (``self``, ``next`` when there are more) as
    in OGC API - Features. Without ``limit``, every feature. 400 with a message in
    the request's language for anything malformed."""
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
    try:
        limit, offset = parse_paging(request.GET.get("limit"), request.GET.get("offset"))
    except OffsetWithoutLimit:
        return _bad_request(_("An offset needs a limit: for example limit=500&offset=1000."))
    except InvalidPaging:
        return _bad_request(
            _(
                "The limit must be a whole number from 1 to %(max)s and the offset a "
                "whole number, 0 or more (for example limit=500&offset=1000)."
            )
            % {"max": MAX_LIMIT}
        )
    features, more = feature_page(request, types, bbox, limit, offset)
    collection = collection_of(features)
    if limit is not None:
        collection["numberReturned"] = len(features)
        collection["links"] = _links(request, limit, offset, more)
    body = json.dumps(collection, ensure_ascii=False)
    response = HttpResponse(body, content_type=f"{MEDIA_TYPE}; charset=utf-8")
    response["Vary"] = "Accept-Encoding"
    return response


def _links(request, limit, offset, more):
    """OGC API - Features links of a page of features: ``self``, and ``next`` when
    there are more (the same query, ``offset`` moved on by ``limit``)."""

    def link(rel, to):
        query = request.GET.copy()
        query["limit"], query["offset"] = str(limit), str(to)
        href = absolute_url(f"{request.path}?{query.urlencode()}")
        return {"href": href, "rel": rel, "type": MEDIA_TYPE}

    return [link("self", offset)] + ([link("next", offset + limit)] if more else [])


def _bad_request(message):
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
