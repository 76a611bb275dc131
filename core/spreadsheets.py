"""Cells of a CSV export never start a formula (CSV/formula injection, OWASP).

A spreadsheet opening a CSV runs a cell that starts with = + - or @ (and, in some
programs, one that starts with a tab or carriage return, or the full-width = + - @) as
a formula, so a page title like ``=HYPERLINK(...)`` in an export could send data away
or start a program on the reader's computer. Such a cell is written with a leading
apostrophe, which spreadsheets read as "this is text".

One rule, used by every CSV this project writes: Wagtail's CSV exports (site history
and the other reports, viewset listings), whose one CSV writer
``SpreadsheetExportMixin.write_csv_row`` is replaced when the app is ready, and the
catalogue import report. Wagtail's XLSX export already stores formulas as text.
In core because both the admin (core's AppConfig installs it) and depot's import report
use it, and apps import only downwards.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise_cell(value):
    """The value, as text when it is a string a spreadsheet would take as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_row(values):
    return [neutralise_cell(value) for value in values]


def install_in_wagtail_exports() -> None:
    """Make Wagtail's CSV row writer neutralise every cell (the XLSX writer needs nothing)."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin.write_csv_row, "neutralises_formulas", False):
        return

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: neutralise_cell(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )

    write_csv_row.neutralises_formulas = True
    SpreadsheetExportMixin.write_csv_row = write_csv_row
