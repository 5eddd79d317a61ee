"""Reports > Listing reviews at a laptop's width (1280 px), in a real browser: the title
column has room to be read and the page does not scroll sideways."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from cms.groups import MAINTAINERS
from directory.factories import ClusterFactory, PartnerPageFactory, ServicePageFactory
from directory.models import ServicePage
from guides.factories import GuidePageFactory
from tests.browser.conftest import ARTIFACTS

LONG_TITLE = "Autism and ADHD parent support group for families in Colchester and Tendring"


def test_the_listing_reviews_report_is_readable_at_1280_pixels(
    live_server, site_for_browser, make_user, log_in
):
    sections = site_for_browser
    reviewed = timezone.now() - timedelta(days=400)
    ServicePageFactory(
        parent=sections["council"],
        title=LONG_TITLE,
        service_areas=["mid", "north-east", "south", "west"],
        status=ServicePage.Status.TEMPORARILY_CLOSED,
        last_reviewed_at=reviewed,
        last_reviewed_by_name="Samantha Reviewer-Longname",
    )
    ServicePageFactory(parent=sections["council"], title="Portage home visiting")
    GuidePageFactory(parent=sections["guides"], title="When people can't agree")
    PartnerPageFactory(parent=sections["health"], title="MAZE")
    ClusterFactory(name="Colchester North")
    maintainer = make_user("maintainer", MAINTAINERS)

    page = log_in(maintainer)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/listing-reviews/report/")
    table = page.locator("table.listing")
    expect(table.get_by_role("link", name=LONG_TITLE)).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "listing-reviews-1280.png", full_page=True)

    table_width = table.bounding_box()["width"]
    title_cell = table.locator("tbody tr").first.locator("td.title")
    assert title_cell.bounding_box()["width"] >= 0.25 * table_width
    # The long title wraps within its column rather than being cut short.
    expect(title_cell).to_contain_text(LONG_TITLE)
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    for heading in ("Title", "Type", "Team", "Next review due", "Open alerts"):
        expect(table.get_by_role("columnheader", name=heading)).to_be_visible()
