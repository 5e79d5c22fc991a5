"""Admin and site integration: the category snippet, URLs, API endpoint, home section."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from events import clock
from events.models import EventCategory
from villages.wagtail_hooks import collated_viewset


class EventCategoryViewSet(SnippetViewSet):
    model = EventCategory
    # sort order first, then names in the admin language's alphabetical order (ICU)
    index_view_class, chooser_viewset_class = collated_viewset(("name",))
    icon = "tag"
    menu_label = _("Event categories")
    list_display = ["name", "slug", "schema_type", "sort_order"]
    ordering = ["sort_order", "name"]


register_snippet(EventCategoryViewSet)


@hooks.register("portal_urls")
def event_urls():
    from events import urls

    return [path("", include(urls))]


@hooks.register("portal_api_endpoints")
def event_api_endpoints():
    from events.api import EventsAPIViewSet

    return [("events", EventsAPIViewSet)]


@hooks.register("portal_home_sections")
def upcoming_festivals(home_page, request):
    from events.home import upcoming_festivals_section

    return upcoming_festivals_section(home_page, request, clock.today())


@hooks.register("portal_numbers_sections")
def festival_numbers(home_page):
    from events.numbers import sections

    return sections(home_page)


@hooks.register("portal_commune_editor_pages")
def events_index_for_commune_editors():
    """Every commune group may add events under the events index (events/permissions.py)."""
    from events.models import EventIndexPage

    return [(pk, ["add_page"]) for pk in EventIndexPage.objects.values_list("pk", flat=True)]


@hooks.register("portal_purge_paths")
def event_purge_paths(page):
    """Feeds, embed and events API that list an event (every one for a snippet edit)."""
    from events.models import EventPage

    if page is not None and not isinstance(page, EventPage):
        return []
    paths = ["/feeds/events.ics", "/feeds/events.rss", "/embed/events/", "/api/v2/events/"]
    if page is not None:
        paths += [f"/feeds/events/{page.pk}.ics", f"/api/v2/events/{page.pk}/"]
    return paths
