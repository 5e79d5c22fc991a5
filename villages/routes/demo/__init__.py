"""Demo routes: the index, four routes with generated sample tracks, stops and stages.

Called by portal's ``load_demo`` (after the places demo) with Vietnamese active.
Idempotent: the tracks are generated deterministically and stored in the page, so a
second run finds nothing to change and writes no file.
"""

from django.apps import apps
from django.utils import translation

from portal.demo.images import demo_image
from portal.demo.pages import may_change, upsert_page
from villages.routes.gpx import read_gpx
from villages.routes.models import RouteIndexPage, RoutePage, RouteStage, RouteStop
from villages.routes.track import track_fields

from .content import INDEX, ROUTES
from .tracks import generate_points, gpx_document

PALETTES = {"spine": "dusk", "reeds": "reed", "cao-xiem": "mist", "villages": "forest"}
ROUTE_KEYS = {"waypoints", "length_m", "bends", "stops", "stop_notes", "stages", "key"}


def demo_track(row):
    """The route's sample GPX as the editor would upload it, read like an upload."""
    points = generate_points(row["key"], row["waypoints"], row["length_m"], row["bends"])
    text = gpx_document(row["title_en"], points)
    return read_gpx(text.encode("utf-8"))


def find_place(label, slug_vi):
    """The places demo's page (model label, Vietnamese slug), or None when absent."""
    try:
        model = apps.get_model(label)
    except LookupError:
        return None
    return model.objects.filter(slug_vi=slug_vi).first()


def _wanted_stops(row):
    notes = row.get("stop_notes", {})
    wanted = []
    for label, slug in row["stops"]:
        place = find_place(label, slug)
        if place is not None:
            vi, en = notes.get(slug, ("", ""))
            wanted.append((place.pk, vi, en))
    return wanted


def _wanted_stages(row):
    wanted = []
    for stage in row.get("stages", []):
        end = find_place(*stage["ends_at"])
        wanted.append(
            (
                stage["title_vi"],
                stage["title_en"],
                stage["description_vi"],
                stage["description_en"],
                end.pk if end else None,
            )
        )
    return wanted


def sync_children(page, row):
    """Stops and stages as the content says; publish only when they differ."""
    if not may_change(page):
        return page
    stops = _wanted_stops(row)
    stages = _wanted_stages(row)
    have_stops = [(s.place_id, s.note_vi, s.note_en) for s in page.stops.all()]
    have_stages = [
        (s.title_vi, s.title_en, s.description_vi, s.description_en, s.ends_at_id)
        for s in page.stages.all()
    ]
    if have_stops == stops and have_stages == stages:
        return page
    with translation.override("vi"):
        page.stops = [
            RouteStop(place_id=pk, note=vi, note_vi=vi, note_en=en) for pk, vi, en in stops
        ]
        page.stages = [
            RouteStage(
                title=title_vi,
                title_vi=title_vi,
                title_en=title_en,
                description_vi=desc_vi,
                description_en=desc_en,
                ends_at_id=end,
            )
            for title_vi, title_en, desc_vi, desc_en, end in stages
        ]
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def load_route(index, row):
    track = demo_track(row)
    fields = {k: v for k, v in row.items() if k not in ROUTE_KEYS}
    sizes = track.piece_sizes if len(track.pieces) > 1 else None
    fields.update(
        track_fields(track.points, row["mode"], f"{row['slug_en']}.gpx", sizes, track.notices)
    )
    fields["is_sample"] = True
    fields["image"] = demo_image(
        f"route-{row['key']}", f"{row['title_vi']} (ảnh minh họa)", PALETTES[row["key"]]
    )
    page = upsert_page(index, RoutePage, fields)
    return sync_children(page, row)


def load(context):
    index = upsert_page(context.home, RouteIndexPage, {**INDEX, "show_in_menus": True})
    routes = {row["key"]: load_route(index, row) for row in ROUTES}
    context.pages.update(
        {"routes": index, **{f"route:{key}": page for key, page in routes.items()}}
    )
