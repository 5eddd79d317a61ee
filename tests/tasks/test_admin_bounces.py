"""Bouncing contact addresses in the admin: the warning on the edit views, Reports >
Contacts that bounce with its exports, "Mark as working", the unreadable bounces, and the
dashboard, through the real admin views."""

import csv
import io
import re
from datetime import UTC, timedelta
from html import unescape
from itertools import count

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alerts.models import MaintainerAlert
from cms.groups import COUNCIL_EDITORS, ICB_EDITORS, MAINTAINERS
from directory.factories import ClusterStaffFactory, OrganisationFactory, PartnerPageFactory
from directory.models import ClusterStaff
from tasks.bounces.ingest import record_events
from tasks.bounces.manual import record_manual_event
from tasks.bounces.models import ContactAddress, DeliveryEvent, EventKind, UnparsedBounce
from tasks.bounces.rules import Event

pytestmark = pytest.mark.django_db

Status = ContactAddress.Status
WARNING = "Contact addresses with delivery problems"
event_ids = count()


def hear(address: str, kind: EventKind, *, smtp_status="", diagnostic="", days_ago=0):
    """One event about `address`, as a provider's webhook would report it."""
    at = timezone.now() - timedelta(days=days_ago)
    event = Event(
        address=address,
        kind=kind,
        source=DeliveryEvent.Source.WEBHOOK,
        key=("admin-test", str(next(event_ids)), address),
        occurred_at=at,
        provider="postmark",
        smtp_status=smtp_status,
        diagnostic=diagnostic,
    )
    return record_events([event], now=at)


def bounce(address: str, diagnostic="550 5.1.1 <{}>: User unknown", days_ago=0):
    hear(
        address,
        EventKind.HARD_BOUNCE,
        smtp_status="5.1.1",
        diagnostic=diagnostic.format(address),
        days_ago=days_ago,
    )


def contacts(*emails) -> list[dict]:
    return [{"name": f"Contact {number}", "email": email} for number, email in enumerate(emails)]


def add_staff(cluster, *emails):
    for email in emails:
        ClusterStaffFactory(
            cluster=cluster, role=ClusterStaff.Role.INCLUSION_PARTNER, name="IP", email=email
        )


def page_edit(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def snippet_edit(obj) -> str:
    return reverse(f"wagtailsnippets_directory_{obj._meta.model_name}:edit", args=[obj.pk])


def warning(client, url) -> str | None:
    """The delivery warning on an edit view, or None if there is none."""
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    if WARNING not in html:
        return None
    start = html.index(WARNING)
    return unescape(html[start : html.index("</section>", start)])


def bouncing_alerts(obj):
    return MaintainerAlert.objects.open().about(obj).filter(kind="bouncing-contact")


# The warning on the edit views ---------------------------------------------------------


def test_the_edit_views_warn_beside_a_bouncing_contact_and_not_a_working_one(admin_client, listing):
    service = listing("service", 100, contacts=contacts("gone@school.test", "works@school.test"))
    cluster = listing("cluster", 50)
    add_staff(cluster, "former.ip@council.test", "current.ip@council.test")
    bounce("gone@school.test")
    bounce("former.ip@council.test", diagnostic="Mailbox disabled")
    hear("works@school.test", EventKind.DELIVERED)
    hear("current.ip@council.test", EventKind.SOFT_BOUNCE, smtp_status="4.2.2")

    on_service = warning(admin_client, page_edit(service))
    assert "gone@school.test" in on_service
    assert "(Contact 0)" in on_service
    assert "returned undelivered since" in on_service
    assert "550 5.1.1 <gone@school.test>: User unknown" in on_service
    mark_url = reverse("bounces_admin:mark_working", args=[address("gone@school.test").pk])
    assert f"{mark_url}?next=" in on_service
    assert "works@school.test" not in on_service

    on_cluster = warning(admin_client, snippet_edit(cluster))
    assert "former.ip@council.test" in on_cluster
    assert "Mailbox disabled" in on_cluster
    # Failing now and then is a problem too; delivered is not.
    assert "current.ip@council.test" in on_cluster
    assert "failing now and then" in on_cluster

    fine = listing("service", 100, contacts=contacts("works@school.test"))
    assert warning(admin_client, page_edit(fine)) is None


def test_the_organisation_email_warns_on_the_organisation_and_its_partner_page(
    admin_client, sections
):
    organisation = OrganisationFactory(email="Enquiries@Charity.test")
    partner = PartnerPageFactory(parent=sections["health"], organisation=organisation)
    hear("enquiries@charity.test", EventKind.COMPLAINT)

    for url in (snippet_edit(organisation), page_edit(partner)):
        shown = warning(admin_client, url)
        assert "enquiries@charity.test" in shown
        assert "marked our email as spam" in shown
        assert "mark it as working" not in shown  # a delivery does not take it back


def test_the_edit_view_runs_the_same_queries_for_more_contacts(admin_client, listing):
    def queries(url) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert WARNING in admin_client.get(url).content.decode()
        return len(captured)

    few = listing("service", 100, contacts=contacts("a0@school.test"))
    many = listing("service", 100, contacts=contacts(*(f"b{n}@school.test" for n in range(8))))
    clusters = [listing("cluster", 50), listing("cluster", 50)]
    add_staff(clusters[0], "c0@council.test")
    add_staff(clusters[1], *(f"d{n}@council.test" for n in range(8)))
    for email in ["a0@school.test", "c0@council.test"] + [
        f"{letter}{n}@{domain}"
        for letter, domain in (("b", "school.test"), ("d", "council.test"))
        for n in range(8)
    ]:
        bounce(email)
    for url in (page_edit(few), page_edit(many)):
        queries(url)  # warm the caches, and the first visit subscribes the user to the page

    assert queries(page_edit(few)) == queries(page_edit(many))
    assert queries(snippet_edit(clusters[0])) == queries(snippet_edit(clusters[1]))


# The report ----------------------------------------------------------------------------


def address(email) -> ContactAddress:
    return ContactAddress.objects.get(address=email)


@pytest.fixture
def problems(listing, sections):
    """A bounced address on a service and a cluster, one failing now and then, one that
    complained, and one that works."""
    service = listing(
        "service",
        100,
        title="Portage home visiting",
        contacts=contacts("shared@council.test", "works@school.test"),
    )
    cluster = listing("cluster", 50, name="Colchester North")
    add_staff(cluster, "shared@council.test")
    other = listing("service", 100, title="Sensory play", contacts=contacts("flaky@school.test"))
    organisation = OrganisationFactory(name="MAZE", email="maze@charity.test")
    partner = PartnerPageFactory(
        parent=sections["health"], organisation=organisation, title="MAZE partner"
    )
    bounce("shared@council.test", days_ago=2)
    hear("flaky@school.test", EventKind.SOFT_BOUNCE, smtp_status="4.2.2", diagnostic="Mailbox full")
    hear("maze@charity.test", EventKind.COMPLAINT, days_ago=1)
    hear("works@school.test", EventKind.DELIVERED)
    return {
        "service": service,
        "cluster": cluster,
        "other": other,
        "organisation": organisation,
        "partner": partner,
    }


def report_url(**query) -> str:
    params = "&".join(f"{name}={value}" for name, value in query.items())
    return f"{reverse('bounces_admin:report')}?{params}"


def report_table(client, **filters) -> str:
    response = client.get(report_url(**filters))
    assert response.status_code == 200
    html = response.content.decode()
    if '<table class="listing' not in html:
        return ""
    table = html[html.index('<table class="listing') :]
    return table[: table.index("</table>")]


def listed(client, **filters) -> list[str]:
    """The addresses in the report's table, in order."""
    return re.findall(r'<div class="title-wrapper">\s*([^<\s]+)', report_table(client, **filters))


def test_the_report_lists_the_problem_addresses_with_the_places_that_show_them(
    admin_client, problems
):
    table = report_table(admin_client)

    # Newest event first; the working address is not there.
    assert listed(admin_client) == ["flaky@school.test", "maze@charity.test", "shared@council.test"]
    assert "works@school.test" not in table
    shared = table[table.index("shared@council.test") :]
    assert "Returned undelivered" in shared
    assert "5.1.1" in shared
    assert "User unknown" in unescape(shared)
    assert f'<a href="{page_edit(problems["service"])}">Portage home visiting</a>' in shared
    assert f'<a href="{snippet_edit(problems["cluster"])}">Colchester North</a>' in shared
    maze = table[table.index("maze@charity.test") : table.index("shared@council.test")]
    assert f'<a href="{page_edit(problems["partner"])}">MAZE partner</a>' in maze
    assert f'<a href="{snippet_edit(problems["organisation"])}">MAZE</a>' in maze
    # "Mark as working" on what a delivery can mend: not on a complaint.
    assert reverse("bounces_admin:mark_working", args=[address("shared@council.test").pk]) in table
    assert reverse("bounces_admin:mark_working", args=[address("maze@charity.test").pk]) not in (
        table
    )

    menu = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("bounces_admin:report") in menu


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"status": "bounced"}, ["shared@council.test"]),
        ({"status": "soft-bouncing"}, ["flaky@school.test"]),
        ({"shown_on": "cluster"}, ["shared@council.test"]),
        ({"shown_on": "partner-page"}, ["maze@charity.test"]),
        (
            {"shown_on": "service", "ordering": "address"},
            ["flaky@school.test", "shared@council.test"],
        ),
    ],
)
def test_the_filters_narrow_the_report(admin_client, problems, filters, expected):
    assert listed(admin_client, **filters) == expected


def test_the_report_runs_the_same_queries_for_more_addresses(admin_client, listing, problems):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            report_table(admin_client)
        return len(captured)

    queries()  # warm the caches
    few = queries()
    for number in range(6):
        service = listing("service", 100, contacts=contacts(f"more{number}@school.test"))
        add_staff(listing("cluster", 50), f"more{number}@school.test")
        bounce(f"more{number}@school.test")
        assert service

    assert queries() == few


def exported(client, export_format, **filters) -> bytes:
    response = client.get(report_url(export=export_format, **filters))
    assert response.status_code == 200
    assert f"contacts-that-bounce.{export_format}" in response["Content-Disposition"]
    content = response.streaming_content if response.streaming else [response.content]
    return b"".join(content)


HEADINGS = [
    "Address",
    "Status",
    "Score",
    "Last event",
    "Last event type",
    "SMTP status",
    "Diagnostic",
    "Shown on",
    "Edit in the admin",
]


def test_the_csv_export_has_every_column(admin_client, problems, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://cms.example.org"

    rows = list(csv.reader(io.StringIO(exported(admin_client, "csv").decode())))

    assert rows[0] == HEADINGS
    assert [row[0] for row in rows[1:]] == [
        "flaky@school.test",
        "maze@charity.test",
        "shared@council.test",
    ]
    flaky, _, shared = rows[1:]
    assert flaky[1:3] == ["Failing now and then", "1"]
    assert flaky[4:7] == ["Temporary failure", "4.2.2", "Mailbox full"]
    assert shared[1] == "Returned undelivered"
    assert shared[4:7] == [
        "Permanent failure",
        "5.1.1",
        "550 5.1.1 <shared@council.test>: User unknown",
    ]
    assert shared[7] == "Cluster: Colchester North; Service: Portage home visiting"
    assert shared[8].splitlines() == [
        f"https://cms.example.org{snippet_edit(problems['cluster'])}",
        f"https://cms.example.org{page_edit(problems['service'])}",
    ]


def test_the_xlsx_export_follows_the_filters(admin_client, problems):
    workbook = openpyxl.load_workbook(io.BytesIO(exported(admin_client, "xlsx", status="bounced")))
    rows = list(workbook.active.iter_rows(values_only=True))

    assert list(rows[0]) == HEADINGS
    assert [row[0] for row in rows[1:]] == ["shared@council.test"]
    assert rows[1][2] == 3  # a permanent failure is the whole threshold at once
    last_event_at = address("shared@council.test").last_event_at
    assert abs(rows[1][3] - timezone.make_naive(last_event_at, UTC)) < timedelta(seconds=1)
    assert rows[1][7] == "Cluster: Colchester North; Service: Portage home visiting"


def test_a_bounce_recorded_by_hand_shows_its_smtp_status_and_a_bounced_score(
    admin_client, listing, settings
):
    settings.BOUNCE_SOFT_THRESHOLD = 3
    listing("service", 100, title="Portage home visiting", contacts=contacts("gone@school.test"))
    # As the demo content records one: the mail server's words in the note.
    record_manual_event(
        "gone@school.test", EventKind.HARD_BOUNCE, note="550 5.1.1 Mailbox unavailable"
    )

    row = report_table(admin_client)
    row = unescape(row[row.index("gone@school.test") :])
    cells = [cell.strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    assert "Returned undelivered" in cells
    assert "5.1.1" in cells
    assert "3" in cells
    assert "0" not in cells


# Mark as working ---------------------------------------------------------------------


def test_a_maintainer_marks_an_address_as_working_from_the_report(client, problems, make_user):
    assert bouncing_alerts(problems["service"]).exists()
    assert bouncing_alerts(problems["cluster"]).exists()
    client.force_login(make_user("maintainer", MAINTAINERS))
    url = reverse("bounces_admin:mark_working", args=[address("shared@council.test").pk])

    page = client.get(url).content.decode()
    assert "Portage home visiting" in page
    assert "Colchester North" in page
    response = client.post(url, {"note": "Rang the team: it works."})

    assert response["Location"] == reverse("bounces_admin:report")
    shared = address("shared@council.test")
    assert shared.status == Status.OK
    event = shared.events.get(source=DeliveryEvent.Source.MANUAL)
    assert (event.kind, event.provider, event.diagnostic) == (
        EventKind.DELIVERED,
        "Maintainer",
        "Rang the team: it works.",
    )
    assert not bouncing_alerts(problems["service"]).exists()
    assert not bouncing_alerts(problems["cluster"]).exists()
    assert "shared@council.test" not in listed(client)


def test_the_editor_of_a_listing_marks_it_from_the_edit_view(client, problems, make_user):
    record = address("shared@council.test")
    url = reverse("bounces_admin:mark_working", args=[record.pk])
    back = page_edit(problems["service"])

    client.force_login(make_user("icb-editor", ICB_EDITORS))  # edits neither place
    home = reverse("wagtailadmin_home")
    assert client.post(url)["Location"] == home
    assert client.get(report_url())["Location"] == home  # the report is for maintainers
    assert address("shared@council.test").status == Status.BOUNCED

    client.force_login(make_user("council-editor", COUNCIL_EDITORS))
    assert client.get(report_url())["Location"] == home
    assert reverse("bounces_admin:report") not in client.get(home).content.decode()
    assert f"{url}?next={back.replace('/', '%2F')}" in warning(client, back)
    response = client.post(url, {"next": back})

    assert response["Location"] == back
    assert address("shared@council.test").status == Status.OK
    assert address("shared@council.test").events.filter(provider="Council-Editor").exists()
    assert warning(client, back) is None


def test_a_complaint_cannot_be_marked_as_working(admin_client, problems):
    url = reverse("bounces_admin:mark_working", args=[address("maze@charity.test").pk])

    assert "marked our email as spam" in admin_client.get(url).content.decode()
    assert admin_client.post(url)["Location"] == reverse("wagtailadmin_home")
    assert address("maze@charity.test").status == Status.COMPLAINED


# Unreadable bounces --------------------------------------------------------------------


@pytest.fixture
def unreadable():
    now = timezone.now()
    return [
        UnparsedBounce.objects.create(
            message="Subject: Out of office\n\nI am away <script>alert(1)</script> until Monday.",
            sender="head@school.test",
            subject="Out of office",
            reason="No delivery report and no failure found",
            received_at=now - timedelta(hours=1),
            digest="a" * 64,
        ),
        UnparsedBounce.objects.create(
            message="Undeliverable: something odd",
            subject="Undeliverable",
            reason="No delivery report and no failure found",
            received_at=now,
            reviewed_at=now,
            digest="b" * 64,
        ),
    ]


def test_maintainers_read_unreadable_bounces_and_mark_them_dealt_with(
    client, unreadable, make_user
):
    out_of_office = unreadable[0]
    client.force_login(make_user("maintainer", MAINTAINERS))
    index = reverse("unparsed_bounces:index")

    def subjects(**filters) -> list[str]:
        html = client.get(index, filters).content.decode()
        return re.findall(r'href="/admin/unreadable-bounces/inspect/\d+/">\s*([^<]+?)\s*<', html)

    assert subjects() == ["Undeliverable", "Out of office"]
    assert subjects(state="to-do") == ["Out of office"]
    assert subjects(q="head@school") == ["Out of office"]
    assert index in client.get(reverse("wagtailadmin_home")).content.decode()  # Reports menu

    inspect = client.get(reverse("unparsed_bounces:inspect", args=[out_of_office.pk]))
    html = inspect.content.decode()
    assert "<pre" in html
    assert "away &lt;script&gt;alert(1)&lt;/script&gt; until Monday." in html
    assert "<script>alert(1)" not in html
    review_url = reverse("unparsed_bounces:review", args=[out_of_office.pk])
    assert review_url in html

    assert client.post(review_url)["Location"] == index
    out_of_office.refresh_from_db()
    assert out_of_office.reviewed_at is not None
    assert subjects(state="to-do") == []
    assert subjects(state="dealt-with") == ["Undeliverable", "Out of office"]


def test_unreadable_bounces_are_for_maintainers_and_read_only(client, unreadable, make_user):
    bounce_ = unreadable[0]
    client.force_login(make_user("council-editor", COUNCIL_EDITORS))
    home = reverse("wagtailadmin_home")
    for url in (
        reverse("unparsed_bounces:index"),
        reverse("unparsed_bounces:inspect", args=[bounce_.pk]),
    ):
        assert client.get(url)["Location"] == home
    assert client.post(reverse("unparsed_bounces:review", args=[bounce_.pk])).status_code == 302
    bounce_.refresh_from_db()
    assert bounce_.reviewed_at is None

    client.force_login(make_user("maintainer", MAINTAINERS))
    for url in (
        reverse("unparsed_bounces:add"),
        reverse("unparsed_bounces:edit", args=[bounce_.pk]),
        reverse("unparsed_bounces:delete", args=[bounce_.pk]),
    ):
        assert client.get(url)["Location"] == home


# The dashboard -------------------------------------------------------------------------


def test_editors_see_bouncing_contact_alerts_on_their_dashboard(client, problems, make_user):
    # An organisation whose email no partner page shows is flagged itself.
    alone = OrganisationFactory(name="Parent carers forum", email="forum@charity.test")
    bounce("forum@charity.test")
    assert bouncing_alerts(alone).exists()

    client.force_login(make_user("council-editor", COUNCIL_EDITORS))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = unescape(html[html.index('id="maintainer-alerts-section"') :])
    panel = panel[: panel.index("</section>")]

    assert "Contact email returned undelivered" in panel
    for title in ("Portage home visiting", "Colchester North", "Parent carers forum"):
        assert title in panel
    assert f'href="{snippet_edit(alone)}"' in panel


def test_a_note_in_a_persons_own_words_gives_no_smtp_status(listing):
    listing("service", 101, title="Portage home visiting", contacts=contacts("old@school.test"))
    # A phone number's "500" is not the mail server's reply.
    record_manual_event(
        "old@school.test",
        EventKind.HARD_BOUNCE,
        note="Rang the office on 01206 500 400: the head has left and the mailbox is gone.",
    )

    event = address("old@school.test").events.get(source=DeliveryEvent.Source.MANUAL)
    assert event.smtp_status == ""
