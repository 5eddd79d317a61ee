"""Spreadsheet exports from the admin: every report and listing Wagtail can download
(ours, such as Listing reviews and Contacts that bounce, and Wagtail's own, such as Aging
pages and Site history) goes through Wagtail's SpreadsheetExportMixin.

A CSV cell that begins with =, +, -, @, a tab or a carriage return is a formula to a
spreadsheet program: a service titled `=HYPERLINK(...)` would run when a maintainer opens
the file. Such cells get a leading apostrophe (OWASP's rule), which spreadsheets show as
text, so `+44 333 013 8891` still reads as a phone number. XLSX cells are typed: Wagtail
already writes text that looks like a formula as text.

Dates and times in a CSV are ISO 8601 (2024-02-20, 2024-02-20T09:30:00+00:00), whatever the
admin's language: a spreadsheet or a script reads them the same everywhere. XLSX cells are
dates already.
"""

from datetime import date, datetime

from django.utils import timezone
from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """`value`, or, if it is text a spreadsheet would read as a formula, that text quoted."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def iso_8601(value):
    """A date or time as ISO 8601 text (a time in the site's time zone); anything else as
    it is."""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def neutralise_csv_formulas() -> None:
    """Make every CSV export's cells safe, and its dates ISO 8601, in the one step all of
    them share (called once, when the cms app is ready)."""
    preprocess = SpreadsheetExportMixin.preprocess_field_value
    if getattr(preprocess, "neutralises_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        if export_format == self.FORMAT_CSV and field not in self.custom_field_preprocess:
            value = iso_8601(value)
        value = preprocess(self, field, value, export_format)
        return csv_safe(value) if export_format == self.FORMAT_CSV else value

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
