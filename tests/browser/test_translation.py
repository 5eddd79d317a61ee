"""A translation's journey in a real browser: a council editor translates a service into
Polish in wagtail-localize's editor and submits it; it stays out of the API until a
moderator, who sees the English beside the Polish, approves it."""

import re

from playwright.sync_api import expect
from rest_framework.test import APIClient
from wagtail.models import Locale, WorkflowState
from wagtail_localize.operations import translate_object

from api.models import Partner, PartnerAPIKey
from cms.groups import COUNCIL_EDITORS, MODERATORS
from cms.teams import sync_team_permissions
from directory.factories import OrganisationFactory, ServicePageFactory
from directory.models import ServicePage
from tests.conftest import publish

SUMMARY = "A friendly monthly group for parents of autistic children."
POLISH_SUMMARY = "Comiesięczna grupa dla rodziców dzieci autystycznych."


def served(api: APIClient, client, page) -> bool:
    """In /api/v1/. ORUK serves the source language only: never a translation."""
    assert client.get(f"/api/oruk/services/{page.uuid}").status_code == 404
    return api.get(f"/api/v1/services/{page.uuid}/").status_code == 200


def test_a_council_editors_translation_is_approved_by_a_moderator(
    live_server, site_for_browser, make_user, log_in, client
):
    sections = site_for_browser
    polish = Locale.objects.create(language_code="pl")
    for name in ("home", "directory", "council"):
        translate_object(sections[name], [polish])
        publish(sections[name].get_translation(polish))
    sync_team_permissions()
    service = publish(
        ServicePageFactory(
            parent=sections["council"],
            title="Autism parent support group",
            summary=SUMMARY,
            organisation=OrganisationFactory(team="council"),
        )
    )
    partner = Partner.objects.create(name="Essex Family Hub", contact_email="hub@example.org")
    _key, key = PartnerAPIKey.objects.create_key(name="hub key", partner=partner)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Api-Key {key}")

    # The editor: Translate this page → Polish.
    page = log_in(make_user("council-editor", COUNCIL_EDITORS))
    page.goto(f"{live_server.url}/admin/pages/{service.pk}/edit/")
    header_actions = page.get_by_role("navigation", name="Actions", exact=True)
    header_actions.get_by_role("button", name="Actions").click()
    page.get_by_role("link", name="Translate this page").click()
    page.get_by_label("Polish").check()
    page.get_by_role("button", name="Submit").click()
    polish_page = ServicePage.objects.get(translation_key=service.translation_key, locale=polish)
    expect(page).to_have_url(re.compile(rf"/admin/pages/{polish_page.pk}/edit/$"))

    # Edit a segment and save it: no server error.
    segment = page.locator("li").filter(has_text=SUMMARY).last
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(POLISH_SUMMARY)
    segment.get_by_role("button", name="Save").click()
    # wagtail-localize's note on a saved string; "Server error" when the save fails.
    expect(segment).to_contain_text("Translated manually on")
    expect(segment).to_contain_text(POLISH_SUMMARY)

    # The only action says what it does.
    action = page.locator("footer").get_by_role("button", name="Submit for moderation in Polish")
    expect(action).to_be_visible()
    action.click()
    expect(page.locator(".messages")).to_contain_text("for moderation")
    polish_page.refresh_from_db()
    assert not polish_page.live
    assert polish_page.get_latest_revision_as_object().summary == POLISH_SUMMARY
    assert not served(api, client, polish_page)

    # The moderator opens it from the dashboard: the English beside the Polish.
    page = log_in(make_user("moderator", MODERATORS))
    awaiting = page.locator("section").filter(
        has=page.get_by_role("heading", name="Awaiting your review")
    )
    awaiting.get_by_role("link", name=service.title).first.click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{polish_page.pk}/edit/$"))
    segment = page.locator("li").filter(has_text=SUMMARY).last
    expect(segment).to_contain_text(POLISH_SUMMARY)
    page.locator("footer").get_by_role("button", name="Approve and publish in Polish").click()
    expect(page.locator(".messages")).to_contain_text("Approved and published")

    state = WorkflowState.objects.get(base_content_type__model="page", object_id=polish_page.pk)
    assert state.status == WorkflowState.STATUS_APPROVED
    assert served(api, client, polish_page)
    assert api.get(f"/api/v1/services/{polish_page.uuid}/").json()["summary"] == POLISH_SUMMARY
