"""URLs (downloads), the "route" place type, offline assets (portal_offline_assets, in
offline_assets) and the home-page section of the routes app."""

from django.contrib import messages
from django.urls import path
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail import hooks

from portal.cards import Card
from portal.home_sections import HomeSection
from villages.routes import offline_assets  # noqa: F401  (registers portal_offline_assets)


@hooks.register("portal_urls")
def routes_urls():
    from villages.routes import views

    return [
        path("api/routes/<id:pk>.gpx", views.route_gpx_view, name="route_gpx"),
        path("api/routes/<id:pk>.geojson", views.route_geojson_view, name="route_geojson"),
    ]


@hooks.register("register_place_types")
def route_place_types():
    """Routes on the map, in /api/places.geojson and /api/v2/places/ (with gpx_url)."""
    from villages.routes.places import route_place_type

    return [route_place_type()]


def route_card(page, request):
    return Card(
        url=page.get_url(request),
        title=page.title,
        image=page.image,
        summary=Truncator(page.introduction).words(20),
    )


@hooks.register("portal_home_sections")
def routes_section(home_page, request):
    from portal.navigation import section_for_request
    from villages.routes.display import routes_for_listing

    index = section_for_request(request, "routes")
    routes = routes_for_listing(index)[:6] if index else []
    return HomeSection(
        key="routes",
        title=_("Routes and treks"),
        items=[route_card(page, request) for page in routes],
        more_url=index.get_url(request) if index else "",
        more_label=_("All routes"),
        order=30,
    )


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def explain_track_changes(request, page):
    """Tell the editor, in their language, what was repaired in the GPX just uploaded
    (or how the pieces were kept), besides the list under the upload field."""
    from villages.routes.forms import KEEP_ALL, notice_texts
    from villages.routes.models import RoutePage

    page = page.specific
    changed = (
        request.FILES.get("gpx_upload") or request.POST.get("gpx_pieces", KEEP_ALL) != KEEP_ALL
    )
    if isinstance(page, RoutePage) and changed:
        for text in notice_texts(page):
            messages.warning(request, text)
