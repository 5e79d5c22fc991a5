"""Reading a spreadsheet upload into rows of cells.

.xlsx through openpyxl; CSV in UTF-8 (with or without BOM) or UTF-16 (what
Excel's "Unicode text" writes), comma, semicolon or tab separated. Anything else
(Windows-1258, TCVN3, old .xls) is refused with a message saying how to re-save.
"""

import codecs
import csv
import io
import unicodedata
import zipfile

from django.utils.translation import gettext_lazy as _

RESAVE_HINT = _(
    "In Excel choose File › Save As and the type “CSV UTF-8 (Comma delimited) (*.csv)” "
    "or “Excel Workbook (*.xlsx)”, then import the new file."
)


class FileRefused(Exception):
    """The whole file cannot be read; ``message`` says why and what to do."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def read_rows(data, filename=""):
    """Rows of cell values (str, int, float, datetime.time or None) from a file's bytes.

    Raises FileRefused for an empty, unreadable or wrongly encoded file.
    """
    if not data or not data.strip():
        raise FileRefused(_("The file is empty."))
    name = filename.lower()
    if name.endswith(".xls") or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise FileRefused(_("Old Excel files (.xls) cannot be read.") + " " + str(RESAVE_HINT))
    if name.endswith(".xlsx") or data[:2] == b"PK":
        rows = _xlsx_rows(data)
    else:
        rows = _csv_rows(decode_text(data))
    return [[_clean(cell) for cell in row] for row in rows]


def _clean(cell):
    if isinstance(cell, str):
        cell = unicodedata.normalize("NFC", cell).strip()
        return cell or None
    return cell


def _xlsx_rows(data):
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise FileRefused(_("This is not a readable .xlsx file.") + " " + str(RESAVE_HINT)) from exc
    try:
        return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def decode_text(data):
    """The text of a CSV file; FileRefused unless it is UTF-8 or UTF-16."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16")
    elif b"\x00" in data[:200]:
        # UTF-16 without a byte-order mark: ASCII characters have a zero byte.
        return _decode(data, "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
    return _decode(data, "utf-8")


def _decode(data, encoding):
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise FileRefused(
            _(
                "The file is not saved as UTF-8 (it may use an older Vietnamese encoding "
                "such as Windows-1258 or TCVN3), so its accents cannot be read."
            )
            + " "
            + str(RESAVE_HINT)
        ) from exc


def _csv_rows(text):
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample.splitlines()[0], delimiters=",;\t")
    except (csv.Error, IndexError):
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text, newline=""), dialect))
