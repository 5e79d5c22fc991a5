"""The route page's admin form: the GPX upload is read and checked before anything is saved.

A file in several pieces (tracks or segments separated by gaps) is kept in pieces; the
editor chooses to keep them all, to keep only one, or to make each piece a stage.
Everything repaired in the file is listed under the upload field.
"""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.forms import WagtailAdminPageForm

from villages.routes import conf
from villages.routes.cleaning import Notice, notice_text
from villages.routes.gpx import read_gpx
from villages.routes.stats import split
from villages.routes.track import apply_track, refresh_figures

KEEP_ALL, KEEP_ONE, MAKE_STAGES = "all", "one", "stages"


class RoutePageForm(WagtailAdminPageForm):
    gpx_upload = forms.FileField(
        label=_("GPX track"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ".gpx,application/gpx+xml"}),
    )
    gpx_pieces = forms.ChoiceField(
        label=_("A track in several pieces"),
        choices=[
            (KEEP_ALL, _("Keep every piece (the gaps are not drawn or counted)")),
            (KEEP_ONE, _("Keep only the piece numbered below")),
            (MAKE_STAGES, _("Keep every piece and make each one a stage (day)")),
        ],
        initial=KEEP_ALL,
        required=False,
        widget=forms.RadioSelect,
    )
    gpx_piece_number = forms.IntegerField(label=_("Piece to keep"), min_value=1, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.track = None
        self.fields["gpx_upload"].help_text = upload_help_text(self.instance)
        self.fields["gpx_pieces"].help_text = _(
            "Only used when the track has more than one piece: a device switched off and "
            "on, or a recording paused. Each piece's length is listed above."
        )

    def clean_gpx_upload(self):
        upload = self.cleaned_data.get("gpx_upload")
        if upload:
            self.track = read_gpx(upload)
        return upload

    def _pieces(self):
        """The pieces the choice applies to: the new upload's, else the stored track's."""
        if self.track is not None:
            return self.track.pieces
        return split(self.instance.track, self.instance.piece_sizes)

    def clean(self):
        cleaned_data = super().clean()
        has_track = bool(self.instance.track) or self.track is not None
        if not has_track and "gpx_upload" not in self.errors:
            self.add_error("gpx_upload", _("Upload the route's GPX track."))
        if cleaned_data.get("gpx_pieces") == KEEP_ONE and has_track:
            count, number = len(self._pieces()), cleaned_data.get("gpx_piece_number")
            if number is None or number > count:
                self.add_error(
                    "gpx_piece_number",
                    _("Give the number of the piece to keep, from 1 to %(count)s.")
                    % {"count": count},
                )
        return cleaned_data

    def save(self, commit=True):
        page = super().save(commit=False)
        choice = self.cleaned_data.get("gpx_pieces") or KEEP_ALL
        if self.track is not None or (choice != KEEP_ALL and page.piece_sizes):
            pieces = self._pieces()
            notices = list(self.track.notices) if self.track is not None else []
            filename = self.cleaned_data["gpx_upload"].name if self.track else page.gpx_filename
            if choice == KEEP_ONE and len(pieces) > 1:
                number = self.cleaned_data["gpx_piece_number"]
                notices.append(Notice("kept_one", {"number": number, "count": len(pieces)}))
                pieces = [pieces[number - 1]]
            sizes = [len(piece) for piece in pieces] if len(pieces) > 1 else None
            points = [point for piece in pieces for point in piece]
            apply_track(page, points, filename, sizes, notices)
            if choice == MAKE_STAGES and len(pieces) > 1:
                add_piece_stages(page, len(pieces))
        elif "mode" in self.changed_data:
            refresh_figures(page)
        if commit:
            page.save()
        return page


def add_piece_stages(page, count):
    """One stage per piece, unless the editor already wrote stages (never overwritten)."""
    from django.utils import translation

    from villages.routes.models import RouteStage

    if page.stages.all():
        return
    stages = []
    for number in range(1, count + 1):
        titles = {}
        for language in ("vi", "en"):
            with translation.override(language):
                titles[build_localized_fieldname("title", language)] = str(
                    _("Stage %(number)s") % {"number": number}
                )
        stages.append(RouteStage(title=titles["title_vi"], **titles))
    page.stages = stages


def piece_lengths(page):
    """'2,1; 1,4; 1,5' (km, in the active language's number format) for a stored track."""
    return "; ".join(
        number_format(round(piece["distance_m"] / 1000, 1), 1) for piece in page.pieces or []
    )


def notice_texts(page):
    """What the editor is told about the stored track, in the active language: its
    pieces and their lengths, then every repair made when the file was read."""
    notices = [notice_text(n["code"], n.get("params", {})) for n in page.track_notices or []]
    if len(page.pieces or []) > 1:
        notices.insert(
            0,
            notice_text("pieces", {"count": len(page.pieces), "lengths": piece_lengths(page)}),
        )
    return [text for text in notices if text]


def notices_html(page):
    """The stored track's notices as an HTML list."""
    notices = notice_texts(page)
    if not notices:
        return ""
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((t,) for t in notices)))


def upload_help_text(page):
    limit = filesizeformat(conf.gpx_max_bytes())
    if page.track:
        text = _(
            "Current track: %(file)s, %(km)s km, %(points)s points. Upload a new GPX file "
            "(at most %(limit)s) to replace it; distance, climbs and time are recomputed."
        ) % {
            "file": page.gpx_filename or "GPX",
            "km": page.distance_km,
            "points": len(page.track),
            "limit": limit,
        }
        return format_html("{}{}", text, notices_html(page))
    return _(
        "Export the track from your GPS app as a GPX file (at most %(limit)s). Distance, "
        "climbs, elevations and time are computed from it."
    ) % {"limit": limit}
