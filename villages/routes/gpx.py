"""Reading a GPX upload safely: defusedxml first, then gpxpy.

``read_gpx`` either returns the track's points or raises a ``ValidationError`` whose
message tells an editor, in their language, what is wrong with the file. It never
writes anything.

The XML is first parsed by defusedxml with DTDs, entities and external references
forbidden, so entity tricks (XXE, "billion laughs") are refused before gpxpy (whose
parser would be lxml's if lxml were installed) ever sees the text.
"""

import math
from dataclasses import dataclass, field

import gpxpy
import gpxpy.gpx
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeElementTree
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from villages.geo import in_region
from villages.routes import conf

GPX_NAMESPACES = {"http://www.topografix.com/GPX/1/1", "http://www.topografix.com/GPX/1/0"}


@dataclass
class Track:
    """The points of a GPX file as [lat, lon, ele or None] lists, and its own name."""

    points: list
    name: str = ""
    description: str = ""
    warnings: list = field(default_factory=list)


def _error(message, code, **params):
    return ValidationError(message, code=code, params=params or None)


def _read_bytes(upload):
    """The upload's bytes, refusing files above the size limit before reading them."""
    limit = conf.gpx_max_bytes()
    size = getattr(upload, "size", None)
    if size is None and isinstance(upload, bytes | bytearray):
        size = len(upload)
    if size is not None and size > limit:
        raise _error(
            _("This GPX file is %(size)s; the largest accepted is %(limit)s."),
            "too_large",
            size=filesizeformat(size),
            limit=filesizeformat(limit),
        )
    if isinstance(upload, bytes | bytearray):
        data = bytes(upload)
    else:
        upload.seek(0)
        data = upload.read(limit + 1)
    if len(data) > limit:
        raise _error(
            _("This GPX file is larger than %(limit)s."),
            "too_large",
            limit=filesizeformat(limit),
        )
    if not data.strip():
        raise _error(_("The file is empty."), "empty")
    return data


def _check_xml(data):
    """Parse with defusedxml (no DTD, no entities): the root element, or an error."""
    try:
        root = SafeElementTree.fromstring(
            data, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException as exc:
        raise _error(
            _(
                "This file declares a DTD or XML entities, which GPX files never need. "
                "It was refused for safety: export the track again from your GPS app."
            ),
            "unsafe_xml",
        ) from exc
    except SafeElementTree.ParseError as exc:
        raise _error(
            _("This is not a GPX file: it is not readable as XML (%(detail)s)."),
            "not_xml",
            detail=str(exc),
        ) from exc
    namespace, _sep, local = root.tag.rpartition("}")
    namespace = namespace.lstrip("{")
    if local != "gpx" or (namespace and namespace not in GPX_NAMESPACES):
        raise _error(
            _("This is not a GPX file: its main element is <%(tag)s>, not <gpx>."),
            "not_gpx",
            tag=local,
        )
    return root


def _parse_gpx(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _error(
            _("This GPX file is not UTF-8 text. Export it again as UTF-8."), "encoding"
        ) from exc
    try:
        return gpxpy.parse(text)
    except (gpxpy.gpx.GPXException, ValueError, TypeError, AttributeError) as exc:
        raise _error(
            _("This GPX file could not be read (%(detail)s)."), "invalid_gpx", detail=str(exc)
        ) from exc


def _points(gpx):
    """Track points of every track and segment in order; route points when there are none."""
    points = [
        point for track in gpx.tracks for segment in track.segments for point in segment.points
    ]
    if not points:
        points = [point for route in gpx.routes for point in route.points]
    return [
        [point.latitude, point.longitude, point.elevation]
        for point in points
        if point.latitude is not None and point.longitude is not None
    ]


def _valid_number(value):
    return isinstance(value, int | float) and math.isfinite(value)


def _check_points(points):
    if len(points) < 2:
        raise _error(
            _("This GPX file has no track or route with at least two points."), "no_points"
        )
    limit = conf.gpx_max_points()
    if len(points) > limit:
        raise _error(
            _(
                "This track has %(count)s points; at most %(limit)s are accepted. "
                "Simplify it in your GPS app and upload it again."
            ),
            "too_many_points",
            count=len(points),
            limit=limit,
        )
    for lat, lon, ele in points:
        if not (_valid_number(lat) and _valid_number(lon)) or abs(lat) > 90 or abs(lon) > 180:
            raise _error(_("This GPX file holds invalid coordinates."), "bad_coordinates")
        if ele is not None and not _valid_number(ele):
            raise _error(_("This GPX file holds invalid elevations."), "bad_elevation")
    if not any(in_region(lat, lon) for lat, lon, _ele in points):
        raise _error(
            _(
                "No point of this track lies in the Bình Liêu area. "
                "Check that it is the right file."
            ),
            "outside_region",
        )


def read_gpx(upload):
    """A ``Track`` from an uploaded file (or bytes); ValidationError when unusable."""
    data = _read_bytes(upload)
    _check_xml(data)
    gpx = _parse_gpx(data)
    points = [[lat, lon, None if ele is None else float(ele)] for lat, lon, ele in _points(gpx)]
    _check_points(points)
    name = gpx.name or next((t.name for t in gpx.tracks if t.name), "") or ""
    description = gpx.description or ""
    return Track(points=points, name=name, description=description)
