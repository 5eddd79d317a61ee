"""The dashboard panels: overdue, due this month, alerts and the freshness chart, through
the real admin dashboard (Django's test client), and what each costs in queries."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alerts.raising import Kind, raise_alert
from cms.groups import COUNCIL_EDITORS, ICB_EDITORS, MAINTAINERS
from directory.factories import TaxonomyTermFactory
from tasks.admin.dashboard import AlertsPanel, DueThisMonthPanel, FreshnessPanel, OverduePanel
from tests.tasks.conftest import INTERVALS

pytestmark = pytest.mark.django_db


def panel(html: str, panel_id: str) -> str | None:
    """The HTML of one dashboard panel, or None if it is not there."""
    start = html.find(f'id="{panel_id}-section"')
    return None if start == -1 else html[start : html.index("</section>", start)]


def titles(panel_html: str) -> list[str]:
    found = re.findall(r'<div class="title-wrapper">\s*<a href="[^"]+">([^<]+)</a>', panel_html)
    return [unescape(title) for title in found]


def dashboard(client) -> str:
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_overdue_and_due_this_month_list_listings_with_links_to_edit_them(admin_client, listing):
    service = listing("service", -30, title="Portage home visiting")
    cluster = listing("cluster", -2, name="Colchester North")
    guide = listing("guide", 0, title="When people can't agree")
    listing("partner", 200, title="MAZE")

    html = dashboard(admin_client)

    overdue = panel(html, "overdue-for-review")
    assert titles(overdue) == ["Portage home visiting", "Colchester North"]  # most overdue first
    assert "Overdue for review (2)" in overdue
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[service.pk])}"' in overdue
    assert f'href="{reverse("wagtailsnippets_directory_cluster:edit", args=[cluster.pk])}"' in (
        overdue
    )
    due = panel(html, "due-this-month")
    assert titles(due) == ["When people can't agree"]
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[guide.pk])}"' in due
    assert "MAZE" not in overdue + due


def test_a_long_list_links_to_the_report_for_the_rest(admin_client, listing):
    for number in range(12):
        listing("service", -1 - number, title=f"Overdue service {number:02}")

    overdue = panel(dashboard(admin_client), "overdue-for-review")

    assert len(titles(overdue)) == 10
    assert "Overdue for review (12)" in overdue
    assert f'href="{reverse("tasks_admin:review_report")}?review=overdue"' in overdue
    assert "See all 12" in overdue


def test_editors_see_the_listings_they_may_edit(client, listing, make_user):
    listing("service", -6, title="Council service")  # in the council's section
    listing("partner", -5, title="Health partner")  # in the health section
    listing("cluster", -5, name="A cluster")  # council editors edit clusters

    client.force_login(make_user("council-editor", COUNCIL_EDITORS))
    assert titles(panel(dashboard(client), "overdue-for-review")) == [
        "Council service",
        "A cluster",
    ]

    client.force_login(make_user("icb-editor", ICB_EDITORS))
    assert titles(panel(dashboard(client), "overdue-for-review")) == ["Health partner"]


def test_nothing_to_say_shows_no_panels(admin_client, listing):
    html = dashboard(admin_client)
    for panel_id in ("overdue-for-review", "due-this-month", "maintainer-alerts"):
        assert panel(html, panel_id) is None
    assert panel(html, "listing-freshness") is None  # no listings at all

    listing("service", 100)
    html = dashboard(admin_client)
    assert panel(html, "overdue-for-review") is None
    assert panel(html, "listing-freshness") is not None


def test_the_alerts_panel_lists_open_alerts_newest_first(admin_client, listing):
    service = listing("service", -5, title="Portage home visiting")
    cluster = listing("cluster", 50, name="Colchester North")
    now = timezone.now()
    raise_alert(
        Kind.OVERDUE_REVIEW, service, message="Its review was due.", now=now - timedelta(days=2)
    )
    raise_alert(Kind.READER_FEEDBACK, cluster, message="The phone is wrong.", now=now)
    old, _ = raise_alert(Kind.READER_FEEDBACK, service, cycle="old", message="Dealt with.")
    old.resolved_at = now
    old.save()

    alerts = panel(dashboard(admin_client), "maintainer-alerts")

    assert titles(alerts) == ["Colchester North", "Portage home visiting"]
    assert "Reader feedback" in alerts
    assert "The phone is wrong." in alerts
    assert "Dealt with." not in alerts
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[service.pk])}"' in alerts
    assert f'href="{reverse("alerts:index")}?state=open"' in alerts


def test_editors_see_alerts_about_their_listings_and_maintainers_see_all(
    client, listing, make_user
):
    council = listing("service", 100, title="Council service")
    health = listing("partner", 100, title="Health partner")
    raise_alert(Kind.READER_FEEDBACK, council, message="About the council's.")
    raise_alert(Kind.READER_FEEDBACK, health, message="About the ICB's.")

    client.force_login(make_user("icb-editor", ICB_EDITORS))
    alerts = panel(dashboard(client), "maintainer-alerts")
    assert titles(alerts) == ["Health partner"]
    assert reverse("alerts:index") not in alerts  # the alert listing is for maintainers

    client.force_login(make_user("maintainer", MAINTAINERS))
    assert sorted(titles(panel(dashboard(client), "maintainer-alerts"))) == [
        "Council service",
        "Health partner",
    ]


def test_the_freshness_chart_gives_each_categorys_share_reviewed_on_time(admin_client, listing):
    learning = TaxonomyTermFactory(name="Help with learning", code="learning", sort_order=1)
    support = TaxonomyTermFactory(name="Support and activities", code="support", sort_order=0)
    TaxonomyTermFactory(name="Autism", code="autism", vocabulary="need")
    for due_in, terms in [(-3, [learning]), (40, [learning, support]), (10, [support])]:
        service = listing("service", due_in)
        service.terms.set(terms)
        service.save()
    guide = listing("guide", -1)
    guide.topics.set([support])
    guide.save()
    listing("cluster", -10)  # in no category, but in the total

    chart = panel(dashboard(admin_client), "listing-freshness")

    rows = [
        re.sub(r"\s+", " ", re.sub(r"<svg.*?</svg>|<[^>]+>", " ", row)).strip()
        for row in re.findall(r"<tr>(.*?)</tr>", chart, re.S)[1:]
    ]
    assert rows == [
        "Support and activities 67% (2 of 3)",
        "Help with learning 50% (1 of 2)",
        "All listings 40% (2 of 5)",
    ]
    assert '<rect width="67"' in chart  # the bar; the number is in the text too
    assert "<script" not in chart


def populate(listing, per_type: int) -> None:
    for kind in INTERVALS:
        for _ in range(per_type):
            overdue = listing(kind, -7)
            raise_alert(Kind.OVERDUE_REVIEW, overdue, message="Overdue.")
            listing(kind, 0)  # due today: this month


def render(panel_class, user) -> str:
    request = RequestFactory().get("/admin/")
    request.user = user
    return panel_class().render_html({"request": request})


# Each panel's own queries (the freshness chart: one per type for the total, one per
# categorised type, one for the categories), plus the user's permissions, which a real
# request looks up once for the whole page.
PERMISSIONS = 3
QUERY_LIMITS = {OverduePanel: 2, DueThisMonthPanel: 2, AlertsPanel: 3, FreshnessPanel: 7}


@pytest.mark.parametrize("per_type", [3, 8])
def test_each_panel_runs_a_fixed_number_of_queries(
    per_type, listing, make_user, django_user_model, django_assert_max_num_queries
):
    populate(listing, per_type)  # more than a panel shows, at both sizes
    editor = make_user("maintainer", MAINTAINERS)
    render(OverduePanel, editor)  # warm the content type cache

    for panel_class, limit in QUERY_LIMITS.items():
        user = django_user_model.objects.get(pk=editor.pk)  # nothing cached on it
        with django_assert_max_num_queries(PERMISSIONS + limit):
            assert render(panel_class, user)


def test_the_dashboard_runs_the_same_queries_for_more_listings(admin_client, listing):
    def queries() -> list[str]:
        with CaptureQueriesContext(connection) as captured:
            dashboard(admin_client)
        return [query["sql"] for query in captured]

    populate(listing, 3)
    dashboard(admin_client)  # warm the caches
    small = queries()
    populate(listing, 5)
    large = queries()

    assert len(large) == len(small), "\n".join(set(large) ^ set(small))
