"""The place registry: every kind of place the portal shows as a place.

An app registers its place types once, with the Wagtail hook ``register_place_types``
in its ``wagtail_hooks.py``, returning a list of :class:`PlaceType` (villages registers
village, homestay and attraction; the routes app registers route). Everything that
lists place types reads them from here: ``/api/v2/places/?type=``,
``/api/places.geojson?type=`` and the map (villages/geojson.py), the stops and stage
ends a route may choose (``can_be_route_stop``) and the venues an event may choose
(``can_be_venue``). See docs/CONVENTIONS.md, "Adding a place type".

The registry is read when first needed (never while models are imported) and cached
for as long as the hook's functions stay the same (``hooks.register_temporarily`` in a
test gives a fresh registry).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from django.apps import apps
from wagtail import hooks
from wagtail.admin.panels import PageChooserPanel

HOOK = "register_place_types"


@dataclass(frozen=True, eq=False)
class PlaceType:
    """One kind of place.

    name: the ``?type=`` value of the places API and GeoJSON, and the GeoJSON
        features' ``type`` property (``"village"``).
    model: the page model, as ``"app_label.ModelName"`` or the class.
    label: plural heading in the visitor's language (``gettext_lazy``): the map's
        legend and its no-JavaScript list.
    features: ``features(request)`` → iterable of GeoJSON Feature dicts (RFC 7946,
        [lon, lat]) of the live, public pages of this type. It may also take
        ``bbox=None`` (a ``villages.geojson.BoundingBox``) and yield only the features
        inside it (``villages.geojson.within`` filters a query); otherwise
        ``?bbox=`` filters its features by position. It may take ``limit=None`` too
        (an int: yield at most that many, in its usual order; the map page's list).
    api_fields: ``{name: rest_framework field}`` this type adds to its items in
        ``/api/v2/places/`` (read-only fields with ``source="*"`` get the page).
    order: position among the types (legend, GeoJSON, default API listing).
    colour: the map symbol's colour (CSS colour), also the legend's
        ``.map-key--<name>`` class.
    can_be_venue: an event may take place at a page of this type.
    can_be_route_stop: a route may stop (or end a stage) at a page of this type.
    venue_related: ``select_related`` paths loaded with a venue of this type.
    listed_on: the page model (``"app_label.ModelName"`` or the class) whose live
        page lists every place of this type (its index, or the homestay finder):
        the map page's list shows the first places of a type and links to it.
    """

    name: str
    model: object
    label: str
    features: Callable
    api_fields: dict = field(default_factory=dict)
    order: int = 100
    colour: str = "#333333"
    can_be_venue: bool = False
    can_be_route_stop: bool = False
    venue_related: tuple = ()
    listed_on: object = None

    @property
    def model_class(self):
        if isinstance(self.model, str):
            return apps.get_model(self.model)
        return self.model

    @property
    def listed_on_class(self):
        """The model of ``listed_on``, or None."""
        if isinstance(self.listed_on, str):
            return apps.get_model(self.listed_on)
        return self.listed_on

    @property
    def model_label(self):
        """``"app_label.ModelName"``, as PageChooserPanel's page_type takes it."""
        return self.model_class._meta.label


class DuplicatePlaceType(ValueError):
    pass


@lru_cache(maxsize=8)
def _registry(functions):
    types = {}
    for fn in functions:
        for place_type in fn() or ():
            if place_type.name in types:
                raise DuplicatePlaceType(f"Place type {place_type.name!r} is registered twice.")
            types[place_type.name] = place_type
    return tuple(sorted(types.values(), key=lambda t: t.order))


def place_types():
    """Every registered :class:`PlaceType`, in their ``order``."""
    return _registry(tuple(hooks.get_hooks(HOOK)))


def place_type_names():
    return [t.name for t in place_types()]


def get_place_type(name):
    """The type called ``name``; KeyError when there is none."""
    for place_type in place_types():
        if place_type.name == name:
            return place_type
    raise KeyError(name)


def place_type_of(page):
    """The :class:`PlaceType` of a (specific) page or page model, or None."""
    cls = page if isinstance(page, type) else type(page)
    candidates = [t for t in place_types() if issubclass(cls, t.model_class)]
    # The most specific model wins when one place model subclasses another.
    for place_type in candidates:
        if cls is place_type.model_class:
            return place_type
    return candidates[0] if candidates else None


def venue_types():
    return [t for t in place_types() if t.can_be_venue]


def route_stop_types():
    return [t for t in place_types() if t.can_be_route_stop]


ROLES = {"venue": venue_types, "route_stop": route_stop_types}


class PlaceChooserPanel(PageChooserPanel):
    """A page chooser offering the place types of a role ("venue" or "route_stop").

    The types are read from the registry when the edit form is built, not when the
    model is imported, so a type registered by any app is offered.
    """

    def __init__(self, field_name, role, **kwargs):
        kwargs.pop("page_type", None)
        super().__init__(field_name, **kwargs)
        self.role = role

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs.pop("page_type", None)
        return {**kwargs, "role": self.role}

    def get_form_options(self):
        self.page_type = [t.model_label for t in ROLES[self.role]()]
        return super().get_form_options()
