"""Admin (snippets), URLs, API endpoint, place types (village, homestay, attraction)
and home-page section of the places app."""

from django.urls import path, reverse_lazy
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from portal.cards import Card
from portal.collation import collate_ordering_of, collated
from portal.home_sections import HomeSection
from portal.navigation import section_for_request
from villages.models import Amenity, Commune, EthnicGroup, VillagePage
from villages.models.queries import live_public, with_image
from villages.places import PlaceType

# No `search_fields` on these viewsets: the admin then searches each model's own
# search index, which holds every language's column (portal.search). Field names
# given here are passed to the search backend as index columns, which SQLite's
# full-text table does not have ("no such column: name_vi").


# Vietnamese alphabetical order (ICU, portal.collation) in the listings and choosers
# of name-sorted snippets: the ordering asked (a column header) or the model's own is
# kept, with its name field collated in the admin's language instead of code points
# (which put Đ after Z). Not while searching: the search backend ranks by relevance
# and cannot order by an expression.


class CollatedIndexView(IndexView):
    collated_fields = ("name",)

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        if self.is_searching or self.show_ordering_column:
            return queryset
        return collate_ordering_of(queryset, self.collated_fields)


class CollatedChooseMixin:
    collated_fields = ("name",)

    def apply_object_list_ordering(self, objects):
        objects = super().apply_object_list_ordering(objects)
        if self.request.GET.get("q"):
            return objects
        return collate_ordering_of(objects, self.collated_fields)


def collated_viewset(fields):
    """(index view class, chooser viewset class) ordering ``fields`` by collation."""

    class Index(CollatedIndexView):
        collated_fields = fields

    class Choose(CollatedChooseMixin, ChooseView):
        collated_fields = fields

    class ChooseResults(CollatedChooseMixin, ChooseResultsView):
        collated_fields = fields

    class Chooser(SnippetChooserViewSet):
        choose_view_class = Choose
        choose_results_view_class = ChooseResults

    return Index, Chooser


class EthnicGroupViewSet(SnippetViewSet):
    model = EthnicGroup
    index_view_class, chooser_viewset_class = collated_viewset(("name",))
    icon = "group"
    menu_label = gettext_lazy("Ethnic groups")
    list_display = ["name", "slug", "sort_order"]


class CommuneViewSet(SnippetViewSet):
    model = Commune
    index_view_class, chooser_viewset_class = collated_viewset(("name",))
    icon = "site"
    menu_label = gettext_lazy("Communes")
    list_display = ["name", "slug", "former_names"]


class AmenityViewSet(SnippetViewSet):
    model = Amenity
    index_view_class, chooser_viewset_class = collated_viewset(("label",))
    icon = "tick-inverse"
    menu_label = gettext_lazy("Amenities")
    list_display = ["label", "slug", "icon", "sort_order"]


class PlacesSnippetGroup(SnippetViewSetGroup):
    items = (EthnicGroupViewSet, CommuneViewSet, AmenityViewSet)
    menu_icon = "globe"
    menu_label = gettext_lazy("Places")
    menu_name = "places"


register_snippet(PlacesSnippetGroup)


@hooks.register("portal_urls")
def places_urls():
    from villages.views import places_geojson

    return [path("api/places.geojson", places_geojson, name="places_geojson")]


@hooks.register("register_place_types")
def village_place_types():
    """Villages, homestays and attractions (villages/places.py)."""
    from villages.geojson import attraction_features, homestay_features, village_features

    return [
        PlaceType(
            name="village",
            model="villages.VillagePage",
            label=gettext_lazy("Villages"),
            features=village_features,
            order=10,
            colour="#b3261e",
            can_be_venue=True,
            can_be_route_stop=True,
            venue_related=("commune",),
            listed_on="villages.VillageIndexPage",
        ),
        PlaceType(
            name="homestay",
            model="villages.HomestayPage",
            label=gettext_lazy("Homestays"),
            features=homestay_features,
            order=20,
            colour="#1f5f3a",
            can_be_route_stop=True,
            listed_on="villages.HomestayFinderPage",
        ),
        PlaceType(
            name="attraction",
            model="villages.AttractionPage",
            label=gettext_lazy("Attractions"),
            features=attraction_features,
            order=30,
            colour="#1d4e89",
            can_be_venue=True,
            can_be_route_stop=True,
            venue_related=("village", "village__commune"),
            listed_on="villages.AttractionIndexPage",
        ),
    ]


@hooks.register("portal_api_endpoints")
def places_api_endpoints():
    from villages.api import PlacesAPIViewSet

    return [("places", PlacesAPIViewSet)]


def village_card(village, request):
    return Card(
        url=village.get_url(request),
        title=village.title,
        image=village.image,
        summary=Truncator(village.introduction).words(25),
    )


@hooks.register("portal_home_sections")
def featured_villages_section(home_page, request):
    """Featured villages (the first villages when none is featured) on the home page,
    each group in the visitor's alphabetical order."""
    villages = live_public(VillagePage.objects.descendant_of(home_page))
    chosen = list(with_image(villages.order_by("-featured", collated("title"), "path")[:6]))
    index = section_for_request(request, "villages")
    return HomeSection(
        key="villages",
        title=_("Cultural villages"),
        items=[village_card(village, request) for village in chosen],
        more_url=index.get_url(request) if index else "",
        more_label=_("All villages"),
        order=10,
    )


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        from villages.admin_views import may_import

        return may_import(request.user)


@hooks.register("register_admin_urls")
def homestay_import_urls():
    from villages import admin_views

    return [
        path(
            "homestays/import/",
            admin_views.HomestayImportView.as_view(),
            name="villages_homestay_import",
        ),
        path(
            "homestays/template-<str:language>.<str:fmt>",
            admin_views.homestay_template,
            name="villages_homestay_template",
        ),
        path(
            "homestays/export.<str:fmt>",
            admin_views.homestay_export,
            name="villages_homestay_export",
        ),
    ]


@hooks.register("register_portal_tools_menu_item")
def homestay_import_menu_item():
    return ImportMenuItem(
        gettext_lazy("Import and export homestays"),
        reverse_lazy("villages_homestay_import"),
        icon_name="doc-full-inverse",
        name="homestay-import",
        order=100,
    )


@hooks.register("portal_numbers_sections")
def places_numbers(home_page):
    from villages.numbers import sections

    return sections(home_page)


@hooks.register("portal_purge_paths")
def places_purge_paths(page):
    """The GeoJSON and places API that list a place (every one for a snippet edit)."""
    from villages.places import place_type_of

    if page is not None and place_type_of(page) is None:
        return []
    paths = ["/api/places.geojson", "/api/v2/places/"]
    if page is not None:
        paths.append(f"/api/v2/places/{page.pk}/")
    return paths
