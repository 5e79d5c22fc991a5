"""What every place page shares: coordinates in the region box and a photo gallery."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Orderable

from villages.geo import distance_km, validate_latitude, validate_longitude


class LocationMixin(models.Model):
    """Latitude and longitude (WGS 84), both required to lie inside PLACES_REGION_BOX."""

    latitude = models.FloatField(
        _("latitude"),
        validators=[validate_latitude],
        help_text=_("Decimal degrees north, e.g. 21.5259. Click the map to set it."),
    )
    longitude = models.FloatField(
        _("longitude"),
        validators=[validate_longitude],
        help_text=_("Decimal degrees east, e.g. 107.4003."),
    )

    class Meta:
        abstract = True

    @property
    def coordinates(self):
        """[lon, lat], the GeoJSON order."""
        return [self.longitude, self.latitude]

    def distance_to(self, other):
        """Kilometres to another place (anything with latitude and longitude)."""
        return distance_km(self.latitude, self.longitude, other.latitude, other.longitude)


class PlaceImage(Orderable):
    """One photo of a place with a translated caption; subclasses add the page key."""

    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    class Meta(Orderable.Meta):
        abstract = True
