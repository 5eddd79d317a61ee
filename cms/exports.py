"""Spreadsheet exports from the admin: every report and listing Wagtail can download
(ours, such as Listing reviews and Contacts that bounce, and Wagtail's own, such as Aging
pages and Site history) goes through Wagtail's SpreadsheetExportMixin.

A CSV cell that begins with =, +, -, @, a tab or a carriage return is a formula to a
spreadsheet program: a service titled `=HYPERLINK(...)` would run when a maintainer opens
the file. Such cells get a leading apostrophe (OWASP's rule), which spreadsheets show as
text, so `+44 333 013 8891` still reads as a phone number. XLSX cells are typed: Wagtail
already writes text that looks like a formula as text.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """`value`, or, if it is text a spreadsheet would read as a formula, that text quoted."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def neutralise_csv_formulas() -> None:
    """Make every CSV export's cells safe, in the one step all of them share (called once,
    when the cms app is ready)."""
    preprocess = SpreadsheetExportMixin.preprocess_field_value
    if getattr(preprocess, "neutralises_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        value = preprocess(self, field, value, export_format)
        return csv_safe(value) if export_format == self.FORMAT_CSV else value

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
