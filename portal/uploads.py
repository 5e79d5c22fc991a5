"""Upload limits for the editors' images and documents (WAGTAILIMAGES_IMAGE_FORM_BASE,
WAGTAILDOCS_DOCUMENT_FORM_BASE), used by the single and the multiple upload screens.

Images: at most WAGTAILIMAGES_MAX_UPLOAD_SIZE bytes and WAGTAILIMAGES_MAX_IMAGE_PIXELS
pixels (Wagtail checks both); a file Pillow cannot size (a decompression bomb, a PNG
signature followed by text) or cannot decode to the end (truncated) is a form error
instead of a 500. Documents: at most PORTAL_DOCUMENT_MAX_BYTES (GPX files at most the
route importer's ROUTES_GPX_MAX_BYTES), an extension from WAGTAILDOCS_EXTENSIONS, and
a PDF must start like one. Documents are always served as attachments
(WAGTAILDOCS_INLINE_CONTENT_TYPES = []), and Wagtail's view adds the CSP
``default-src 'none'``, so a PDF that is also HTML never runs script here.
"""

import os
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

NOT_DECODED_BY_PILLOW = {"svg"}


def bound_pillow_memory():
    """Pillow refuses (DecompressionBombError) to open images above twice the upload
    limit, so no rendition of an image that slipped in can take gigabytes."""
    limit = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
    if limit:
        PILImage.MAX_IMAGE_PIXELS = limit


def _decode_fully(f):
    """Decode every pixel once (within the pixel limit checked before): truncated or
    corrupt data raises here, not later when a rendition is made."""
    f.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        with PILImage.open(f) as image:
            image.load()
    f.seek(0)


class SafeImageField(WagtailImageField):
    """WagtailImageField whose every failure to read the file is a form error."""

    def to_python(self, data):
        try:
            f = super().to_python(data)
        except ValidationError:
            raise
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as exc:
            raise self._too_many_pixels() from exc
        except Exception as exc:  # noqa: BLE001 - whatever Pillow raises on a bad file
            raise self._unreadable() from exc
        if f is None or f.image.format_name in NOT_DECODED_BY_PILLOW:
            return f
        try:
            _decode_fully(f)
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as exc:
            raise self._too_many_pixels() from exc
        except Exception as exc:  # noqa: BLE001
            raise self._unreadable() from exc
        return f

    def _too_many_pixels(self):
        return ValidationError(
            _("This image declares more pixels than the limit of %(max)s million."),
            code="file_too_many_pixels",
            params={"max": self.max_image_pixels // 1_000_000},
        )

    @staticmethod
    def _unreadable():
        return ValidationError(
            _("This file is damaged, cut short or not the kind of image its name says."),
            code="invalid_image",
        )


class PortalImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if isinstance(field, WagtailImageField):
            field.__class__ = SafeImageField


def document_max_bytes(extension):
    limit = getattr(settings, "PORTAL_DOCUMENT_MAX_BYTES", 20 * 1024 * 1024)
    if extension == "gpx":  # the route importer's limit (villages.routes.conf), same default
        limit = min(limit, int(getattr(settings, "ROUTES_GPX_MAX_BYTES", 5 * 1024 * 1024)))
    return limit


def document_problem(uploaded):
    """Why an uploaded document is refused, or None. ``uploaded`` has ``name``,
    ``size`` (bytes) and ``read``/``seek``."""
    extension = os.path.splitext(uploaded.name)[1].lower().lstrip(".")
    allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
    if allowed and extension not in allowed:
        return _("Documents can be %(extensions)s files.") % {
            "extensions": ", ".join(f".{ext}" for ext in allowed)
        }
    limit = document_max_bytes(extension)
    if uploaded.size > limit:
        return _("This file is too big (%(size)s); the limit is %(max)s.") % {
            "size": filesizeformat(uploaded.size),
            "max": filesizeformat(limit),
        }
    if extension == "pdf":
        uploaded.seek(0)
        head = uploaded.read(5)
        uploaded.seek(0)
        if head != b"%PDF-":
            return _("This file is not a PDF, although its name ends in .pdf.")
    return None


class PortalDocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and hasattr(uploaded, "size") and uploaded is not self.original_file:
            problem = document_problem(uploaded)
            if problem:
                raise ValidationError(problem, code="invalid_document")
        return uploaded
