"""Admin widget: a latitude input with a small map; clicking the map sets both fields."""

from django import forms

from villages import conf


def leaflet_media():
    return forms.Media(
        css={"all": ["villages/vendor/leaflet/leaflet.css", "villages/css/admin-map.css"]},
        js=["villages/vendor/leaflet/leaflet.js"],
    )


class MapPointWidget(forms.NumberInput):
    """Renders the latitude input followed by a map that also fills ``longitude``.

    Typing coordinates still works: the marker follows the inputs.
    """

    template_name = "villages/widgets/map_point.html"

    def __init__(self, longitude_field="longitude", attrs=None):
        self.longitude_field = longitude_field
        super().__init__(attrs={"step": "any", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        own_id = context["widget"]["attrs"].get("id", f"id_{name}")
        box = conf.region_box()
        context["map"] = {
            "longitude_id": own_id.replace(name, self.longitude_field)
            if name in own_id
            else f"id_{self.longitude_field}",
            "centre": conf.region_centre(),
            "box": [box["min_lat"], box["min_lon"], box["max_lat"], box["max_lon"]],
            "tile_url": conf.tile_url(),
            "attribution": conf.tile_attribution(),
        }
        return context

    @property
    def media(self):
        return leaflet_media() + forms.Media(js=["villages/js/admin-map-point.js"])
