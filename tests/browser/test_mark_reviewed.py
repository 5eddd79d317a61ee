"""A maintainer finds an overdue listing on the dashboard and marks it reviewed from its
edit view, in a real browser, through the real admin."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from alerts.models import MaintainerAlert
from cms.groups import MAINTAINERS
from directory.factories import ServicePageFactory
from directory.models import ServicePage
from tasks.stale import check_stale_listings

TITLE = "Portage home visiting"


def test_a_maintainer_marks_an_overdue_service_reviewed(
    live_server, site_for_browser, make_user, log_in
):
    service = ServicePageFactory(
        parent=site_for_browser["council"],
        title=TITLE,
        last_reviewed_at=timezone.now() - timedelta(days=400),
    )
    check_stale_listings()  # raises its overdue alert
    alert = MaintainerAlert.objects.open().about(service).get()
    maintainer = make_user("maintainer", MAINTAINERS)

    # The dashboard lists it as overdue; its title leads to its edit view.
    page = log_in(maintainer)
    overdue = page.locator("section").filter(
        has=page.get_by_role("heading", name=re.compile(r"^Overdue for review"))
    )
    overdue.get_by_role("link", name=TITLE).click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{service.pk}/edit/$"))

    # The edit view shows the alert, and offers the review in its action menu.
    expect(page.get_by_text(alert.message)).to_be_visible()
    page.locator("footer").get_by_role("button", name="More actions").click()
    page.get_by_role("link", name="Mark as reviewed").click()
    expect(page.get_by_text("This also closes these open alerts")).to_be_visible()
    # Headed with the listing (as Wagtail heads its own views of one object), not "Home".
    breadcrumbs = page.get_by_role("navigation", name="Breadcrumb")
    expect(breadcrumbs.get_by_role("listitem").last).to_have_text(
        re.compile(rf"Mark as reviewed\W+{TITLE}")
    )
    page.get_by_role("button", name="Yes, mark as reviewed").click()

    expect(page).to_have_url(re.compile(rf"/admin/pages/{service.pk}/edit/$"))
    expect(page.locator(".messages")).to_contain_text(f"“{TITLE}” marked as reviewed")
    expect(page.get_by_text(alert.message)).to_have_count(0)

    service = ServicePage.objects.get(pk=service.pk)
    assert service.last_reviewed_by == maintainer
    assert service.next_review_due == timezone.localdate() + timedelta(days=365)
    alert.refresh_from_db()
    assert alert.resolved_at is not None

    # And the dashboard has nothing overdue left.
    page.goto(f"{live_server.url}/admin/")
    expect(page.get_by_role("heading", name=re.compile(r"^Overdue for review"))).to_have_count(0)
