"""Admin panels shared by place pages."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from villages.widgets import MapPointWidget


def location_panel(*extra):
    """Latitude (with a clickable map) and longitude, plus any extra fields."""
    return MultiFieldPanel(
        [
            FieldPanel("latitude", widget=MapPointWidget()),
            FieldPanel("longitude"),
            *extra,
        ],
        heading=_("Location"),
        help_text=_(
            "Click the map or type the coordinates. They must lie inside the Bình Liêu area."
        ),
    )


def row(*names):
    return FieldRowPanel([FieldPanel(name) for name in names])
