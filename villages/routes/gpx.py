"""Reading a GPX upload safely: defusedxml first, then gpxpy.

``read_gpx`` either returns the track's pieces (see ``cleaning`` for the device faults
it repairs, each with a notice for the editor) or raises a ``ValidationError`` whose
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

from villages.routes import cleaning, conf

GPX_NAMESPACES = {"http://www.topografix.com/GPX/1/1", "http://www.topografix.com/GPX/1/0"}


@dataclass
class Track:
    """A GPX file's pieces (lists of [lat, lon, ele or None]), its name and the notices
    telling the editor what was repaired (see ``cleaning``)."""

    pieces: list
    name: str = ""
    description: str = ""
    notices: list = field(default_factory=list)

    @property
    def points(self):
        """Every point of every piece, in order."""
        return [point for piece in self.pieces for point in piece]

    @property
    def piece_sizes(self):
        return [len(piece) for piece in self.pieces]


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


def _as_list(points):
    return [
        [point.latitude, point.longitude, point.elevation]
        for point in points
        if point.latitude is not None and point.longitude is not None
    ]


def _raw_pieces(gpx):
    """(pieces, times, notices): each track segment a piece; the routes when the tracks
    hold fewer than two points in all (a file may carry both)."""
    segments = [segment for track in gpx.tracks for segment in track.segments]
    pieces = [piece for piece in (_as_list(s.points) for s in segments) if piece]
    if sum(len(piece) for piece in pieces) >= 2:
        times = [p.time for segment in segments for p in segment.points]
        return pieces, times, []
    routes = [piece for piece in (_as_list(r.points) for r in gpx.routes) if piece]
    if sum(len(piece) for piece in routes) >= 2:
        notices = [cleaning.Notice("route_used")] if pieces else []
        return routes, [p.time for route in gpx.routes for p in route.points], notices
    return pieces, [], []


def _valid_number(value):
    return isinstance(value, int | float) and math.isfinite(value)


def _check_numbers(points):
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


def _no_points():
    return _error(_("This GPX file has no track or route with at least two points."), "no_points")


def _check_region(pieces):
    """Refuse a file with no point in the district, or with most of it elsewhere."""
    strays, total = cleaning.count_strays(pieces)
    if total and strays == total:
        raise _error(
            _(
                "No point of this track lies in the Bình Liêu area. "
                "Check that it is the right file."
            ),
            "outside_region",
        )
    if total and strays > total * cleaning.MOST_STRAYS_ALLOWED:
        raise _error(
            _(
                "%(count)s of this track's %(total)s points lie far outside the Bình Liêu "
                "area. Check that it is the right file, or cut the track in your GPS app."
            ),
            "mostly_outside_region",
            count=strays,
            total=total,
        )


def track_pieces(gpx):
    """(pieces, notices) of a parsed GPX: checked, with device faults repaired."""
    pieces, times, notices = _raw_pieces(gpx)
    pieces = [
        [[lat, lon, None if ele is None else float(ele)] for lat, lon, ele in piece]
        for piece in pieces
    ]
    _check_numbers([point for piece in pieces for point in piece])
    pieces, found = cleaning.drop_placeholder_points(pieces)
    notices += found
    if sum(len(piece) for piece in pieces) < 2:
        raise _no_points()
    _check_region(pieces)
    pieces, found = cleaning.clean_pieces(pieces)
    notices += found + cleaning.reset_time_notice(times)
    if not pieces:
        raise _no_points()
    return pieces, notices


def read_gpx(upload):
    """A ``Track`` from an uploaded file (or bytes); ValidationError when unusable."""
    data = _read_bytes(upload)
    _check_xml(data)
    gpx = _parse_gpx(data)
    pieces, notices = track_pieces(gpx)
    name = gpx.name or next((t.name for t in gpx.tracks if t.name), "") or ""
    description = gpx.description or ""
    return Track(pieces=pieces, name=name, description=description, notices=notices)
