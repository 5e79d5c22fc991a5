"""The route page's admin form: the GPX upload is read and checked before anything is saved."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from villages.routes import conf
from villages.routes.gpx import read_gpx
from villages.routes.track import apply_track, refresh_figures


class RoutePageForm(WagtailAdminPageForm):
    gpx_upload = forms.FileField(
        label=_("GPX track"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ".gpx,application/gpx+xml"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.track = None
        self.fields["gpx_upload"].help_text = upload_help_text(self.instance)

    def clean_gpx_upload(self):
        upload = self.cleaned_data.get("gpx_upload")
        if upload:
            self.track = read_gpx(upload)
        return upload

    def clean(self):
        cleaned_data = super().clean()
        has_track = bool(self.instance.track) or self.track is not None
        if not has_track and "gpx_upload" not in self.errors:
            self.add_error("gpx_upload", _("Upload the route's GPX track."))
        return cleaned_data

    def save(self, commit=True):
        page = super().save(commit=False)
        if self.track is not None:
            apply_track(page, self.track.points, self.cleaned_data["gpx_upload"].name)
        elif "mode" in self.changed_data:
            refresh_figures(page)
        if commit:
            page.save()
        return page


def upload_help_text(page):
    limit = filesizeformat(conf.gpx_max_bytes())
    if page.track:
        return _(
            "Current track: %(file)s, %(km)s km, %(points)s points. Upload a new GPX file "
            "(at most %(limit)s) to replace it; distance, climbs and time are recomputed."
        ) % {
            "file": page.gpx_filename or "GPX",
            "km": page.distance_km,
            "points": len(page.track),
            "limit": limit,
        }
    return _(
        "Export the track from your GPS app as a GPX file (at most %(limit)s). Distance, "
        "climbs, elevations and time are computed from it."
    ) % {"limit": limit}
