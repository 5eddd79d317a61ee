"""An organisation's change through the real admin, in a real browser: a council editor
renames a shared organisation and submits it for moderation, partners keep seeing the
old name, a moderator approves it, and the API then shows the new one."""

import re

from playwright.sync_api import expect

from api.models import Partner, PartnerAPIKey
from cms.groups import COUNCIL_EDITORS, MODERATORS
from directory.factories import OrganisationFactory
from tests.browser.conftest import approve_from_dashboard

OLD_NAME = "Colchester Parent Support"
NEW_NAME = "Colchester Parent Support CIO"


def names_in_the_api(page, live_server, key) -> set[str]:
    response = page.request.get(
        f"{live_server.url}/api/v1/organisations/", headers={"Authorization": f"Api-Key {key}"}
    )
    assert response.ok, response.text()
    return {item["name"] for item in response.json()["results"]}


def test_a_council_editor_renames_a_shared_organisation_and_a_moderator_approves_it(
    live_server, site_for_browser, make_user, log_in
):
    organisation = OrganisationFactory(name=OLD_NAME, kind="voluntary")
    organisation.save_revision().publish()  # as partners have it today
    assert organisation.team == "shared"
    editor = make_user("council-editor", COUNCIL_EDITORS)
    moderator = make_user("moderator", MODERATORS)
    partner = Partner.objects.create(name="Essex Family Hub", contact_email="hub@example.org")
    _key, key = PartnerAPIKey.objects.create_key(name="hub key", partner=partner)
    edit_url = f"{live_server.url}/admin/snippets/directory/organisation/edit/{organisation.pk}/"

    # The editor renames it and submits the change for moderation.
    page = log_in(editor)
    page.goto(edit_url)
    page.locator("input[name='name']").fill(NEW_NAME)
    page.locator("footer").get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile("^Submit to Moderators approval")).click()
    expect(page.locator(".messages")).to_contain_text("submitted")

    organisation.refresh_from_db()
    assert organisation.name == OLD_NAME
    assert organisation.get_latest_revision_as_object().name == NEW_NAME
    assert names_in_the_api(page, live_server, key) == {OLD_NAME}

    # The moderator finds it awaiting their review, and approves it.
    page = log_in(moderator)
    approve_from_dashboard(page, NEW_NAME, rf"/organisation/edit/{organisation.pk}/$")
    expect(page.locator(".messages")).to_contain_text(NEW_NAME)

    organisation.refresh_from_db()
    assert organisation.name == NEW_NAME
    assert not organisation.has_unpublished_changes
    assert names_in_the_api(page, live_server, key) == {NEW_NAME}
