"""The admin as a council officer reads it: in British English with dates written out in
full, headings that name what a page is about, "Reviewed by" offering only the people who
check the listing, and a section of another team saying whose it is. Through the real
admin views; the public side (content languages, the API's Content-Language) unchanged."""

from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale

from alerts.raising import Kind, raise_alert
from cms.groups import COUNCIL_EDITORS, ICB_EDITORS, MAINTAINERS, MODERATORS
from cms.teams import Team, sync_team_permissions
from directory.factories import ServicePageFactory
from guides.factories import GuideIndexPageFactory
from tasks.admin.actions import mark_reviewed_url

pytestmark = pytest.mark.django_db


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def breadcrumbs(page: BeautifulSoup) -> list[str]:
    """The breadcrumb labels, the last one being the page's visible heading."""
    items = page.select("nav[aria-label='Breadcrumb'] li")
    return [" ".join(item.get_text(" ").split()) for item in items]


# British English ------------------------------------------------------------------------


def test_the_admin_is_in_british_english_whatever_the_browser_asks(client, make_user, sections):
    client.force_login(make_user("maintainer", MAINTAINERS))

    for accept in ("en-US,en;q=0.8", "pl", ""):
        response = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE=accept)
        assert soup(response).html["lang"] == "en-gb"
        assert response["Content-Language"] == "en-gb"


def test_a_language_chosen_before_the_admin_was_british_is_forgotten(client, make_user, sections):
    from wagtail.users.models import UserProfile

    from cms.middleware import forget_unpermitted_admin_languages

    american = make_user("maintainer", MAINTAINERS)
    profile = UserProfile.get_for_user(american)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(american)
    assert soup(client.get(reverse("wagtailadmin_home"))).html["lang"] == "en"

    assert forget_unpermitted_admin_languages(UserProfile) == 1

    assert soup(client.get(reverse("wagtailadmin_home"))).html["lang"] == "en-gb"


def test_written_out_dates_are_british_and_csv_dates_iso(admin_client, sections):
    # Reviewed on 20 February 2023, due again a year later: 20 February 2024.
    ServicePageFactory(
        parent=sections["council"],
        title="Portage home visiting",
        last_reviewed_at=datetime(2023, 2, 20, 12, 30, tzinfo=UTC),
    )
    report = reverse("tasks_admin:review_report")

    table = soup(admin_client.get(report)).select_one("table.listing")
    row = table.select_one("tbody tr").get_text(" ")
    assert "20 February 2024" in row
    assert "Feb. 20, 2024" not in row
    assert "Feb 2024" not in row

    csv = b"".join(admin_client.get(report, {"export": "csv"}).streaming_content).decode()
    assert "2023-02-20T12:30:00+00:00" in csv  # London is on GMT in February
    assert "2024-02-20" in csv
    assert "February" not in csv


def test_the_content_languages_and_the_public_side_are_unchanged(client, sections, settings):
    assert [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES] == ["en", "pl"]
    assert Locale.get_default().language_code == "en"

    for path in ("/health/", "/api/v1/services/"):
        for accept in ("", "en-GB", "pl"):
            response = client.get(path, HTTP_ACCEPT_LANGUAGE=accept)
            assert response["Content-Language"] == "en"


# Headings that say what the page is about ---------------------------------------------------


def test_mark_as_reviewed_is_headed_with_the_listing(client, listing, make_user):
    service = listing("service", -30, title="Portage home visiting")
    client.force_login(make_user("council-editor", COUNCIL_EDITORS))

    crumbs = breadcrumbs(soup(client.get(mark_reviewed_url(service))))

    assert crumbs[-2:] == ["Portage home visiting", "Mark as reviewed : Portage home visiting"]


def test_an_alert_reads_in_plain_english_without_empty_values(client, listing, make_user):
    service = listing("service", -30, title="Portage home visiting")
    alert, _ = raise_alert(
        Kind.READER_FEEDBACK, service, cycle="feedback-7", message="The phone number is wrong."
    )
    client.force_login(make_user("maintainer", MAINTAINERS))

    page = soup(client.get(reverse("alerts:inspect", args=[alert.pk])))
    shown = page.select_one("main").get_text(" ")
    headings = [" ".join(dt.get_text(" ").split()) for dt in page.select("main dt")]

    assert headings == ["Alert", "About", "Details", "Raised"]
    assert "Reader feedback" in shown
    assert "The phone number is wrong." in shown
    for internal in ("Label", "Cycle", "feedback-7", "Notified at", "None"):
        assert internal not in shown

    listing_page = soup(client.get(reverse("alerts:index")))
    columns = [" ".join(th.get_text(" ").split()) for th in listing_page.select("table th")]
    assert "Label" not in columns
    assert "About" in columns


# "Reviewed by" -----------------------------------------------------------------------------


def reviewer_choices(client, url) -> set[str]:
    select = soup(client.get(url)).select_one("select[name='last_reviewed_by']")
    return {option.get_text(strip=True) for option in select.select("option") if option["value"]}


def test_reviewed_by_offers_the_listing_team_and_the_maintainers(
    client, listing, make_user, sections
):
    people = {
        "council": make_user("council-editor", COUNCIL_EDITORS),
        "icb": make_user("icb-editor", ICB_EDITORS),
        "maintainer": make_user("maintainer", MAINTAINERS),
        "moderator": make_user("moderator", MODERATORS),
        "nobody": make_user("reader"),
    }
    people["former"] = make_user("former-editor", COUNCIL_EDITORS)
    people["former"].is_active = False
    people["former"].save()
    service = listing("service", 30)  # the council's
    partner = listing("partner", 30)  # the health team's
    cluster = listing("cluster", 30)  # the council's
    client.force_login(people["maintainer"])

    def edit(obj, snippet=False):
        if snippet:
            return reverse("wagtailsnippets_directory_cluster:edit", args=[obj.pk])
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])

    assert reviewer_choices(client, edit(service)) == {"council-editor", "maintainer"}
    assert reviewer_choices(client, edit(partner)) == {"icb-editor", "maintainer"}
    assert reviewer_choices(client, edit(cluster, snippet=True)) == {"council-editor", "maintainer"}
    new_service = reverse(
        "wagtailadmin_pages:add", args=["directory", "servicepage", sections["health"].pk]
    )
    client.force_login(people["moderator"])  # who may add pages anywhere
    assert reviewer_choices(client, new_service) == {"icb-editor", "maintainer"}

    # Whoever is recorded already stays offered, so saving the listing keeps them.
    partner.last_reviewed_by = people["moderator"]
    partner.save()
    assert reviewer_choices(client, edit(partner)) == {"icb-editor", "maintainer", "moderator"}


# A section of another team ------------------------------------------------------------------


def test_another_teams_section_says_whose_it_is(client, make_user, sections):
    # A second section of the health team's: the editors then explore from the home page.
    GuideIndexPageFactory(
        parent=sections["home"], title="Health guides", slug="health-guides", team=Team.HEALTH
    )
    sync_team_permissions()
    ServicePageFactory(parent=sections["council"], title="Portage home visiting")
    client.force_login(make_user("icb-editor", ICB_EDITORS))

    theirs = soup(client.get(reverse("wagtailadmin_explore", args=[sections["council"].pk])))
    text = " ".join(theirs.select_one("main").get_text(" ").split())
    assert (
        "This section belongs to the Essex County Council team: its editors and the "
        "Moderators look after its pages, and you cannot edit them." in text
    )
    assert "1-0 of 0" not in text
    assert "No pages" in text

    own = soup(client.get(reverse("wagtailadmin_explore", args=[sections["health"].pk])))
    assert "This section belongs to" not in own.get_text(" ")


def test_a_polish_page_is_in_its_source_sections_team_everywhere(client, make_user, sections):
    # The Polish council section was copied before its team was chosen, and not
    # synchronised since: the team is the one chosen on the source.
    service = ServicePageFactory(parent=sections["council"], title="Portage home visiting")
    polish_service = service.copy_for_translation(
        Locale.objects.create(language_code="pl"), copy_parents=True
    )
    polish_section = polish_service.get_parent().specific
    type(polish_section).objects.filter(pk=polish_section.pk).update(team=Team.HEALTH)
    only_in_polish = ServicePageFactory(parent=polish_section, title="Wczesne wsparcie")
    sync_team_permissions()
    council = make_user("council-editor", COUNCIL_EDITORS)
    make_user("icb-editor", ICB_EDITORS)
    make_user("maintainer", MAINTAINERS)

    client.force_login(make_user("moderator", MODERATORS))
    edit = reverse("wagtailadmin_pages:edit", args=[polish_service.pk])
    assert reviewer_choices(client, edit) == {"council-editor", "maintainer"}

    client.force_login(make_user("report-reader", MAINTAINERS))
    report = soup(client.get(reverse("tasks_admin:review_report")))
    rows = {
        row.select_one("td").get_text(" ", strip=True): row.get_text(" ", strip=True)
        for row in report.select("table.listing tbody tr")
    }
    row = next(text for title, text in rows.items() if only_in_polish.title in title)
    assert "Essex County Council" in row
    assert "NHS (ICB)" not in row

    # The council's editors edit it, with no notice that it is another team's.
    client.force_login(council)
    page = soup(client.get(reverse("wagtailadmin_explore", args=[polish_section.pk])))
    shown = " ".join(page.select_one("main").get_text(" ").split())
    assert "Wczesne wsparcie" in shown
    assert "This section belongs to" not in shown


def test_the_admin_links_to_pages_at_their_public_addresses(admin_client, sections):
    # The admin runs in en-gb, a variant of the English content: no prefix for it.
    service = ServicePageFactory(parent=sections["council"], slug="portage")
    polish = service.copy_for_translation(
        Locale.objects.create(language_code="pl"), copy_parents=True
    )
    polish.save_revision().publish()

    def live_links(section) -> list[str]:
        page = soup(admin_client.get(reverse("wagtailadmin_explore", args=[section.pk])))
        return [link["href"] for link in page.select("a[title='Visit the live page']")]

    assert live_links(sections["council"]) == ["/directory/council/portage/"]
    assert live_links(polish.get_parent()) == ["/pl/directory/council/portage/"]


# Approving -----------------------------------------------------------------------------------


def test_approving_from_the_dashboard_says_what_was_published(client, make_user, sections):
    editor = make_user("council-editor", COUNCIL_EDITORS)
    service = ServicePageFactory(parent=sections["council"], title="Sensory play")
    service.title = "Sensory play group"
    service.save_revision(user=editor)
    service.get_workflow().start(service, editor)
    client.force_login(make_user("moderator", MODERATORS))

    dashboard = soup(client.get(reverse("wagtailadmin_home"))).get_text(" ")
    assert "Sensory play group" in dashboard
    task_state = service.current_workflow_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[service.pk, "approve", task_state.pk]
    )
    response = client.post(
        approve, {"comment": ""}, HTTP_REFERER=reverse("wagtailadmin_home"), follow=True
    )

    messages = [" ".join(m.get_text(" ").split()) for m in soup(response).select(".messages li")]
    assert messages == ["'Sensory play group' approved and published."]
    service.refresh_from_db()
    assert service.live
    assert service.title == "Sensory play group"
