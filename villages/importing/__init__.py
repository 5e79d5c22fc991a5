"""Homestay spreadsheet import (and export, in ``villages.importing.exporting``).

``import_homestays(data, filename, user)`` reads an .xlsx or CSV file (columns in
``columns.py``, documented in docs/IMPORT.md), validates every row with the
model's own rules, and writes nothing unless every row is good (one transaction).
Rows are matched to pages by their key (``HomestayPage.import_key``), so the same
file imported again changes nothing and an edited file updates pages in place.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .columns import columns, fold, header_lookup
from .reading import FileRefused, read_rows
from .validating import Lookups, RowError, RowValidator
from .writing import write

__all__ = ["FileRefused", "ImportResult", "RowError", "import_homestays"]


@dataclass
class ImportResult:
    errors: list = field(default_factory=list)  # [RowError]
    rows: int = 0
    created: list = field(default_factory=list)  # pages
    updated: list = field(default_factory=list)
    unchanged: int = 0
    published: int = 0
    moderation: int = 0
    drafts: int = 0

    @property
    def ok(self):
        return not self.errors


def _header_map(header_row):
    """{column key: header text in the file} and errors for missing or unknown headers."""
    lookup = header_lookup()
    found, errors = {}, []
    for index, cell in enumerate(header_row):
        if cell is None or str(cell).strip() == "":
            continue
        column = lookup.get(fold(cell))
        if column is None:
            errors.append(RowError(1, str(cell), str(_("Unknown column."))))
        elif column.key in found:
            errors.append(RowError(1, str(cell), str(_("This column appears twice."))))
        else:
            found[column.key] = (index, str(cell))
    for column in columns():
        if column.required and column.key not in found:
            errors.append(RowError(1, column.header(), str(_("This column is missing."))))
    return found, errors


def _is_blank(row):
    return all(cell is None or cell == "" for cell in row)


def import_homestays(data, filename="", user=None, progress=None, dry_run=False):
    """Import a spreadsheet's bytes. ``user`` None means a trusted operator (publishes).

    ``progress(done, total)`` is called as rows are validated and written.
    Raises FileRefused when the file as a whole cannot be read; row problems
    come back in ``ImportResult.errors`` (and then nothing has been written).
    """
    rows = read_rows(data, filename)
    while rows and _is_blank(rows[-1]):
        rows.pop()
    if not rows:
        raise FileRefused(_("The file is empty."))
    body = [(number, row) for number, row in enumerate(rows[1:], start=2) if not _is_blank(row)]
    if not body:
        raise FileRefused(_("The file has a header row but no homestays."))
    found, errors = _header_map(rows[0])
    result = ImportResult(errors=errors)
    if errors:
        return result
    result.rows = len(body)
    validator = RowValidator(Lookups(), {k: text for k, (_i, text) in found.items()}, user)
    planned = []
    total = len(body) * 2
    for done, (number, row) in enumerate(body, start=1):
        values = {key: (row[i] if i < len(row) else None) for key, (i, _t) in found.items()}
        plan, row_errors = validator.plan(number, values)
        result.errors.extend(row_errors)
        if plan is not None:
            planned.append(plan)
        if progress:
            progress(done, total)
    if result.errors or dry_run:
        return result
    with transaction.atomic():
        for done, plan in enumerate(planned, start=len(body) + 1):
            if plan.changed:
                outcome = write(plan, user)
                (result.created if plan.created else result.updated).append(plan.page)
                setattr(result, _COUNTER[outcome], getattr(result, _COUNTER[outcome]) + 1)
            else:
                result.unchanged += 1
            if progress:
                progress(done, total)
    return result


_COUNTER = {"published": "published", "moderation": "moderation", "draft": "drafts"}
