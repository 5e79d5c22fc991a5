"""What the route pages show, computed in a fixed number of queries.

``route_context`` gathers the stops (with their distance along the track), the stages,
the elevation profile, the map settings, the download links, the list of files the
"save for offline" button stores and the JSON-LD.
"""

import json
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal.offline import offline_asset_urls
from villages import conf as places_conf
from villages.models.queries import live_public, with_image
from villages.routes import (
    conf,
    offline_assets,  # noqa: F401  (registers the hook)
)
from villages.routes.links import geojson_path, gpx_path
from villages.routes.profile import elevation_profile
from villages.routes.stats import ascent_between, locate_stops, piece_sizes, split

OFF_TRACK_M = 300
OFFLINE_IMAGE_SPEC = "format-webp|width-480"


@dataclass
class StopItem:
    number: int
    title: str
    kind: str
    kind_label: str
    url: str
    latitude: float
    longitude: float
    note: str = ""
    distance_m: int | None = None
    off_track_m: int | None = None
    is_sample: bool = False

    @property
    def distance_km(self):
        return None if self.distance_m is None else round(self.distance_m / 1000, 1)

    @property
    def off_track(self):
        return self.off_track_m is not None and self.off_track_m > OFF_TRACK_M


@dataclass
class StageItem:
    number: int
    title: str
    description: str
    ends_at: object  # StopItem-like place or None
    distance_m: int | None
    ascent_m: int | None

    @property
    def distance_km(self):
        return None if self.distance_m is None else round(self.distance_m / 1000, 1)


def _kind(place):
    return place._meta.model_name.removesuffix("page")


def live_places(ids):
    """{pk: specific page} of the live, public places among ``ids``: one query per type."""
    if not ids:
        return {}
    return {page.pk: page for page in live_public(Page.objects.filter(pk__in=ids)).specific()}


def _stop_item(number, place, request, note=""):
    return StopItem(
        number=number,
        title=place.title,
        kind=_kind(place),
        kind_label=str(place._meta.verbose_name),
        url=place.get_url(request) or "",
        latitude=place.latitude,
        longitude=place.longitude,
        note=note,
        is_sample=place.is_sample,
    )


def _located(page, items):
    positions = locate_stops(
        page.line,
        [(item.latitude, item.longitude) for item in items],
        sizes=piece_sizes(page.pieces, "line"),
    )
    for item, (along, off) in zip(items, positions, strict=True):
        item.distance_m, item.off_track_m = along, off
    return items


def route_stops(page, request, stops=None, places=None):
    """The stops whose place is live and public, numbered, with distances along the track."""
    stops = list(page.stops.all()) if stops is None else stops
    if places is None:
        places = live_places([stop.place_id for stop in stops])
    items = []
    for stop in stops:
        place = places.get(stop.place_id)
        if place is not None:
            items.append(_stop_item(len(items) + 1, place, request, stop.note))
    return _located(page, items)


def piece_ends(page, count):
    """Metres along the route where each piece ends, when there is one piece per stage."""
    pieces = page.pieces or []
    if count < 2 or len(pieces) != count:
        return [None] * count
    ends, total = [], 0
    for piece in pieces:
        total += piece["distance_m"]
        ends.append(total)
    return ends


def route_stages(page, request, stages, places):
    """Stages with the distance and ascent up to where each ends: its end place, else the
    end of its piece of the track when the track has one piece per stage."""
    ends = [places.get(stage.ends_at_id) for stage in stages]
    by_piece = piece_ends(page, len(stages))
    profile_sizes = piece_sizes(page.pieces, "profile")
    end_items = _located(
        page, [_stop_item(0, place, request) for place in ends if place is not None]
    )
    by_pk = dict(zip([p.pk for p in ends if p is not None], end_items, strict=True))
    items, start = [], 0
    for number, (stage, place) in enumerate(zip(stages, ends, strict=True), start=1):
        end_item = by_pk.get(place.pk) if place is not None else None
        last = number == len(stages)
        if last:
            end = page.distance_m
        elif end_item is not None:
            end = end_item.distance_m
        else:
            end = by_piece[number - 1] if by_piece[number - 1] is not None else page.distance_m
        if end is not None and end < start:
            end = None
        items.append(
            StageItem(
                number=number,
                title=stage.title,
                description=stage.description,
                ends_at=end_item,
                distance_m=None if end is None else end - start,
                ascent_m=None
                if end is None
                else ascent_between(page.profile, start, end, profile_sizes),
            )
        )
        start = end if end is not None else start
    return items


def _map_options(page, stops):
    box = places_conf.region_box()
    return json.dumps(
        {
            "tiles": places_conf.tile_url(),
            "attribution": places_conf.tile_attribution(),
            "bounds": [[box["min_lat"], box["min_lon"]], [box["max_lat"], box["max_lon"]]],
            "lines": [
                [[lat, lon] for lat, lon, _d in piece]
                for piece in split(page.line, piece_sizes(page.pieces, "line"))
            ],
            "startLabel": str(_("Start")),
            "stops": [
                {"n": s.number, "lat": s.latitude, "lon": s.longitude, "title": s.title}
                for s in stops
            ],
        },
        ensure_ascii=False,
    )


def _offline_files(page, request, language):
    """What "save for offline" stores: this page, its downloads, small images, styles."""
    images = []
    if page.image is not None:
        images.append(page.image.get_rendition(OFFLINE_IMAGE_SPEC).url)
    return {
        "page": request.path if request is not None else page.get_url(),
        "gpx": gpx_path(page, language),
        "geojson": geojson_path(page, language),
        "images": images,
        "assets": offline_asset_urls(),
    }


def _number(value):
    return formats.number_format(value, decimal_pos=0 if float(value).is_integer() else 1)


def duration_note(mode):
    """How the estimated time was reckoned, for the visitor."""
    speed = conf.speeds(mode)
    if speed.get("climb_m_per_h"):
        return _(
            "Moving time at %(kmh)s km/h plus one hour per %(climb)s m of ascent; "
            "add time for rests."
        ) % {"kmh": _number(speed["kmh"]), "climb": speed["climb_m_per_h"]}
    return _("Riding time at %(kmh)s km/h on average; add time for stops.") % {
        "kmh": _number(speed["kmh"])
    }


def route_context(page, request):
    language = get_language()
    stop_rows = list(page.stops.all())
    stage_rows = list(page.stages.all())
    places = live_places(
        [s.place_id for s in stop_rows] + [s.ends_at_id for s in stage_rows if s.ends_at_id]
    )
    stops = route_stops(page, request, stop_rows, places)
    offline = _offline_files(page, request, language)
    return {
        "stops": stops,
        "stages": route_stages(page, request, stage_rows, places),
        "profile": elevation_profile(page.profile, stops, piece_sizes(page.pieces, "profile"))
        if page.profile
        else None,
        "map_options": _map_options(page, stops) if page.has_track else "",
        "gpx_url": offline["gpx"],
        "geojson_url": offline["geojson"],
        "offline_files": json.dumps(offline),
        "offline_image": offline["images"][0] if offline["images"] else "",
        "duration_note": duration_note(page.mode),
        "emergency_numbers": conf.emergency_numbers(),
    }


def routes_for_listing(index_page=None):
    """Live, public routes with their images, without the heavy track columns: a
    queryset, so that a listing page or a home section fetches only what it shows."""
    from villages.routes.models import RoutePage

    queryset = RoutePage.objects.all()
    if index_page is not None:
        queryset = queryset.child_of(index_page)
    queryset = live_public(queryset).defer("track", "profile", "line").order_by("path")
    return with_image(queryset)
