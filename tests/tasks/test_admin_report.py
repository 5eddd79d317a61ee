"""Reports > Listing reviews: the listing, its filters, and the CSV and XLSX exports."""

import csv
import io
import re
from datetime import UTC, datetime, timedelta
from html import unescape

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from alerts.raising import Kind, raise_alert
from cms.groups import ICB_EDITORS
from tasks.listings import mark_listing_reviewed

pytestmark = pytest.mark.django_db

HEADINGS = [
    "Type",
    "Title",
    "Team",
    "Area",
    "Service status",
    "Last reviewed",
    "Reviewed by",
    "Next review due",
    "Overdue",
    "Open alerts",
    "Edit in the admin",
]


@pytest.fixture
def listings(listing, django_user_model):
    """One of each type, in different teams, areas and states."""
    reviewer = django_user_model.objects.create_user(
        "sam", "sam@example.org", first_name="Sam", last_name="Reviewer"
    )
    service = listing(
        "service",
        100,
        title="Portage home visiting",
        service_areas=["mid", "west"],
        status="temporarily closed",
    )
    reviewed_at = timezone.now().replace(microsecond=0) - timedelta(days=400)
    mark_listing_reviewed(service, user=reviewer, at=reviewed_at)  # due 35 days ago
    raise_alert(Kind.OVERDUE_REVIEW, service, message="Overdue.")
    raise_alert(Kind.READER_FEEDBACK, service, message="The group has moved.")
    answered, _ = raise_alert(Kind.READER_FEEDBACK, service, cycle="old", message="Old.")
    answered.resolved_at = timezone.now()
    answered.save()
    return {
        "service": service,
        "reviewed_at": reviewed_at,
        "guide": listing("guide", 3, title="When people can't agree"),
        "partner": listing("partner", 200, title="MAZE"),
        "cluster": listing("cluster", -10, name="Colchester North", quadrant="south"),
    }


def report_url(**filters) -> str:
    query = "&".join(f"{name}={value}" for name, value in filters.items())
    return f"{reverse('tasks_admin:review_report')}?{query}"


def titles(client, **filters) -> list[str]:
    """The titles in the report's table, in order."""
    response = client.get(report_url(**filters))
    assert response.status_code == 200
    html = response.content.decode()
    if '<table class="listing' not in html:
        return []
    table = html[html.index('<table class="listing') :]
    table = table[: table.index("</table>")]
    return [unescape(title) for title in re.findall(r'<a href="[^"]+">\s*([^<]+?)\s*</a>', table)]


def exported(client, export_format: str, **filters) -> bytes:
    response = client.get(report_url(export=export_format, **filters))
    assert response.status_code == 200
    assert f"listing-reviews.{export_format}" in response["Content-Disposition"]
    return b"".join(response.streaming_content)


def test_the_report_lists_every_listing_most_overdue_first(admin_client, listings):
    assert titles(admin_client) == [
        "Portage home visiting",
        "Colchester North",
        "When people can't agree",
        "MAZE",
    ]
    assert titles(admin_client, ordering="-due")[0] == "MAZE"
    assert "4 listings" in admin_client.get(report_url()).content.decode()


def test_the_report_is_in_the_reports_menu_with_its_downloads(admin_client, listings):
    home = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Listing reviews" in home
    assert reverse("tasks_admin:review_report") in home

    report = admin_client.get(report_url(team="council")).content.decode()
    assert "Download CSV" in report
    assert "Download XLSX" in report
    assert "export=xlsx" in report


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"type": "cluster"}, ["Colchester North"]),
        ({"type": "guidepage"}, ["When people can't agree"]),
        ({"team": "health"}, ["MAZE"]),
        (
            {"team": "council"},
            ["Portage home visiting", "Colchester North", "When people can't agree"],
        ),
        ({"area": "west"}, ["Portage home visiting"]),
        ({"area": "south"}, ["Colchester North"]),
        ({"status": "temporarily closed"}, ["Portage home visiting"]),
        ({"status": "active"}, []),
        ({"review": "overdue"}, ["Portage home visiting", "Colchester North"]),
        ({"review": "on-time"}, ["When people can't agree", "MAZE"]),
        (
            {"team": "council", "review": "overdue", "type": "servicepage"},
            ["Portage home visiting"],
        ),
    ],
)
def test_the_filters_narrow_the_report(admin_client, listings, filters, expected):
    assert titles(admin_client, **filters) == expected


def test_due_this_month_is_from_today_to_the_end_of_the_month(admin_client, listing):
    today = timezone.localdate()
    days_left = (today.replace(day=28) + timedelta(days=4)).replace(day=1) - today
    listing("service", 0, title="Due today")
    listing("service", days_left.days - 1, title="Due on the last day")
    listing("service", days_left.days, title="Due next month")
    listing("service", -1, title="Overdue")

    assert sorted(titles(admin_client, review="due-this-month")) == [
        "Due on the last day",
        "Due today",
    ]


def test_the_csv_export_has_every_column(admin_client, listings, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://cms.example.org"
    service = listings["service"]

    rows = list(csv.reader(io.StringIO(exported(admin_client, "csv").decode())))

    assert rows[0] == HEADINGS
    assert [row[1] for row in rows[1:]] == [
        "Portage home visiting",
        "Colchester North",
        "When people can't agree",
        "MAZE",
    ]
    assert rows[1][:5] == [
        "Service",
        "Portage home visiting",
        "Essex County Council",
        "Mid Essex, West Essex",
        "Temporarily closed",
    ]
    assert datetime.fromisoformat(rows[1][5]) == listings["reviewed_at"]
    assert rows[1][6:] == [
        "Sam Reviewer",
        service.next_review_due.isoformat(),
        "Yes",
        "2",  # the resolved one does not count
        f"https://cms.example.org/admin/pages/{service.pk}/edit/",
    ]
    assert rows[2][0:4] == ["Cluster", "Colchester North", "Essex County Council", "South Essex"]
    assert rows[2][8:10] == ["Yes", "0"]
    assert rows[4][0:4] == ["Partner page", "MAZE", "NHS (ICB)", ""]
    assert rows[4][8] == "No"


def test_the_xlsx_export_follows_the_filters(admin_client, listings):
    workbook = openpyxl.load_workbook(io.BytesIO(exported(admin_client, "xlsx", team="council")))
    sheet = workbook.active
    rows = list(sheet.iter_rows(values_only=True))

    assert list(rows[0]) == HEADINGS
    assert [row[1] for row in rows[1:]] == [
        "Portage home visiting",
        "Colchester North",
        "When people can't agree",
    ]
    service = rows[1]
    assert service[0] == "Service"
    assert service[5] == timezone.make_naive(listings["reviewed_at"], UTC)
    assert service[7] == listings["service"].next_review_due
    assert service[8:10] == ("Yes", 2)


def test_editors_see_their_own_listings_and_others_are_turned_away(
    client, listings, django_user_model
):
    editor = django_user_model.objects.create_user("icb-editor", "icb@example.org")
    editor.groups.add(Group.objects.get(name=ICB_EDITORS))
    client.force_login(editor)
    assert titles(client) == ["MAZE"]

    nobody = django_user_model.objects.create_user("reader", "reader@example.org")
    nobody.user_permissions.add(*Group.objects.get(name=ICB_EDITORS).permissions.all())
    client.force_login(nobody)  # may use the admin, but edits no listing
    response = client.get(report_url())
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert "Listing reviews" not in client.get(reverse("wagtailadmin_home")).content.decode()
