"""Writing the current homestays in the import format, so staff can round-trip.

Each homestay is exported as staff last saved it (its latest revision, published
or not), with headers, yes/no, price basis and amenities in ``language``.
"""

import csv
import io

from django.utils import translation
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from portal.i18n import default_language
from villages.models import HomestayPage

from .columns import columns, headers

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def current_version(page):
    return page.get_latest_revision_as_object() if page.has_unpublished_changes else page


def export_rows(language, pages=None):
    """The rows (header first) of every homestay, in tree order."""
    if pages is None:
        pages = HomestayPage.objects.order_by("path").prefetch_related("amenities")
    villages = {}
    rows = [headers(language)]
    with translation.override(language):
        for stored in pages:
            page = current_version(stored)
            if stored.path[:-4] not in villages:
                villages[stored.path[:-4]] = stored.get_parent().specific
            village = villages[stored.path[:-4]]
            rows.append([cell(page, village, column) for column in columns()])
    return rows


def cell(page, village, column):
    key = column.key
    if key == "key":
        return page.import_key or f"id-{page.pk}"
    if key == "village":
        return getattr(village, build_localized_fieldname("title", default_language()))
    if key == "amenities":
        return "; ".join(amenity.label for amenity in page.amenities.all())
    value = getattr(page, key)
    if column.kind == "bool":
        return _("yes") if value else _("no")
    if column.kind == "basis":
        return str(page.get_price_basis_display())
    if column.kind == "time":
        return value.strftime("%H:%M") if value else ""
    return "" if value is None else value


def to_csv(rows):
    """UTF-8 with a byte-order mark, so that Excel shows the accents."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(rows):
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Homestays")[:31])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def export_file(fmt, language, template=False):
    """(bytes, content type, file name) of the export, or of the empty template."""
    rows = [headers(language)] if template else export_rows(language)
    name = ("homestay-template" if template else "homestays") + f"-{language}.{fmt}"
    if fmt == "xlsx":
        return to_xlsx(rows), XLSX_TYPE, name
    return to_csv(rows), CSV_TYPE, name
