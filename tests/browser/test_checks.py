"""Checks before publishing, in a real browser: the editor's Checks panel runs Wagtail's
checker over the preview, with the Local Offer's own rules; editor and moderator both see
what they find, and it advises only: the page can still be submitted and published."""

import re

import wagtail_factories
from playwright.sync_api import Locator, Page, expect

from cms.groups import COUNCIL_EDITORS, MODERATORS
from directory.factories import OrganisationFactory, ServicePageFactory, TaxonomyTermFactory
from guides.factories import GuidePageFactory
from tests.browser.conftest import ARTIFACTS, approve_from_dashboard
from tests.browser.test_moderation_flow import submit_for_moderation

TITLE = "When people cannot agree"
LONG_INTRODUCTION = (
    "This guide explains what you can do when you and your child's school, college or "
    "the council do not agree about the support your child gets. It covers talking to "
    "the school first, asking for a meeting, getting independent advice, mediation, and "
    "what happens if you decide to appeal to the tribunal about a decision."
)
OUR_FINDINGS = [
    "A heading level is skipped",
    "Image has no description",
    "Link text does not say where it goes",
    "“SENCo” is not spelled out",
    "Summary is longer than 300 characters",
]


def open_checks(page: Page) -> Locator:
    """Open the Checks panel and wait until it has checked the preview: Wagtail shows
    the content metrics once the checker has listed what it found."""
    page.get_by_role("button", name="Toggle checks").click()
    panel = page.locator("[data-side-panel='checks']")
    expect(panel.locator("[data-content-word-count]")).to_have_text(re.compile(r"^\d+$"))
    return panel


def findings(panel: Locator) -> list[str]:
    return panel.locator("[data-checks-panel] [data-content-checker-name]").all_inner_texts()


def test_editor_and_moderator_see_our_findings_and_can_still_publish(
    live_server, site_for_browser, make_user, log_in
):
    assert len(LONG_INTRODUCTION) > 300
    guide = GuidePageFactory(
        parent=site_for_browser["guides"],
        title=TITLE,
        introduction=LONG_INTRODUCTION,
        body=[
            {"type": "heading", "value": {"text": "Who can help", "level": "h3"}},
            {
                "type": "paragraph",
                "value": '<p>Ask the SENCo at your school first. <a href="https://'
                'mediation.example.org/">Click here</a> to read about mediation.</p>',
            },
            {
                "type": "image",
                "value": {
                    "image": wagtail_factories.ImageFactory(title="Meeting").pk,
                    "alt_text": "",
                    "caption": "",
                },
            },
        ],
    )
    edit_url = f"{live_server.url}/admin/pages/{guide.pk}/edit/"

    # The council editor opens the checks: each of our rules reports its problem, in
    # the words of the rule's message.
    page = log_in(make_user("council-editor", COUNCIL_EDITORS))
    page.goto(edit_url)
    panel = open_checks(page)
    found = findings(panel)
    for finding in OUR_FINDINGS:
        assert found.count(finding) == 1, found
    expect(panel.get_by_text("“Special educational needs co-ordinator (SENCo)”")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "checks-findings.png")

    # Advice, not a block: the editor submits it as it is.
    submit_for_moderation(page)
    expect(page.locator(".messages")).to_contain_text("submitted")

    # The moderator sees the same findings, and may publish it all the same.
    page = log_in(make_user("moderator", MODERATORS))
    page.goto(edit_url)
    found = findings(open_checks(page))
    for finding in OUR_FINDINGS:
        assert found.count(finding) == 1, found
    page.goto(f"{live_server.url}/admin/")
    approve_from_dashboard(page, TITLE, rf"/admin/pages/{guide.pk}/edit/$")
    expect(page.locator(".messages")).to_contain_text(f"'{TITLE}' approved and published.")
    guide.refresh_from_db()
    assert guide.live


def test_a_clean_service_passes_every_check(live_server, site_for_browser, make_user, log_in):
    # Names its editor does not write are not theirs to spell out.
    organisation = OrganisationFactory(name="NHS Suffolk and North East Essex ICB")
    adhd = TaxonomyTermFactory(vocabulary="need", code="adhd", name="ADHD")
    service = ServicePageFactory(
        parent=site_for_browser["council"],
        organisation=organisation,
        title="Sensory play sessions",
        description=(
            "<p>Relaxed play sessions for children with special educational needs and "
            "disabilities (SEND), with trained staff. Ask your SEND team about "
            '<a href="https://play.example.org/">the sessions near you</a>.</p>'
        ),
    )
    service.terms.set([adhd])
    service.save_revision()

    page = log_in(make_user("council-editor", COUNCIL_EDITORS))
    page.goto(f"{live_server.url}/admin/pages/{service.pk}/edit/")
    panel = open_checks(page)

    assert findings(panel) == []
    expect(panel.locator("[data-content-checker-count]")).to_have_text("0")
    expect(panel.locator("[data-content-readability-score]")).not_to_have_text("-")
