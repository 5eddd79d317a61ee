"""A service's journey through the real admin, in a real browser: a council editor
writes it and submits it for moderation, a moderator approves it, and it goes live."""

import re

from playwright.sync_api import Page, expect
from wagtail.models import WorkflowState

from cms.groups import COUNCIL_EDITORS, MODERATORS
from directory.factories import OrganisationFactory
from directory.models import ServicePage
from tests.browser.conftest import approve_from_dashboard

TITLE = "Autism parent support group"


def open_tab(page: Page, name: str) -> None:
    page.get_by_role("tab", name=name, exact=True).click()
    expect(page.get_by_role("tab", name=name, exact=True)).to_have_attribute(
        "aria-selected", "true"
    )


def type_rich_text(page: Page, field: str, text: str) -> None:
    """Draftail has no form control to fill: type into its editable area."""
    editor = page.locator(f"[data-contentpath='{field}'] [contenteditable='true']")
    editor.click()
    editor.press_sequentially(text)
    expect(editor).to_contain_text(text)


def write_service(page: Page, organisation_name: str) -> None:
    open_tab(page, "Service")
    page.locator("input[name='title']").fill(TITLE)
    page.locator("input[name='summary']").fill(
        "A friendly monthly group for parents of autistic children."
    )
    page.get_by_role("button", name="Choose organisation").click()
    chooser = page.locator(".modal")
    chooser.get_by_role("link", name=organisation_name).click()
    expect(chooser).to_be_hidden()
    expect(page.locator("input[name='organisation']")).not_to_have_value("")
    type_rich_text(page, "description", "Meet other parents and share what works.")

    open_tab(page, "Who it is for")
    page.locator("input[name='min_age']").fill("4")
    page.locator("input[name='max_age']").fill("18")
    page.locator("input[name='service_areas'][value='north-east']").check()
    page.locator("input[name='languages'][value='en']").check()

    open_tab(page, "Access and contacts")
    type_rich_text(page, "how_to_access", "Come along, no referral needed.")
    page.get_by_role("button", name="Add contact").click()
    page.locator("input[name='contacts-0-name']").fill("Group lead")
    page.locator("input[name='contacts-0-email']").fill("group@example.org")
    page.locator("input[name='contacts-0-phone']").fill("020 7946 0123")
    expect(page.locator("input[name='contacts-0-is_public']")).to_be_checked()
    page.get_by_role("button", name="Add location").click()
    page.locator("input[name='locations-0-name']").fill("Colchester Library")
    page.locator("input[name='locations-0-address_1']").fill("Trinity Square")
    page.locator("input[name='locations-0-town']").fill("Colchester")
    page.locator("input[name='locations-0-postcode']").fill("co1 1jb")


def submit_for_moderation(page: Page) -> None:
    page.locator("footer").get_by_role("button", name="More actions").click()
    submit = page.get_by_role("button", name=re.compile("^Submit to Moderators approval"))
    submit.click()


def test_a_council_editor_submits_a_service_and_a_moderator_approves_it(
    live_server, site_for_browser, make_user, log_in
):
    council = site_for_browser["council"]
    organisation = OrganisationFactory(name="Colchester Parent Carers Forum")
    editor = make_user("council-editor", COUNCIL_EDITORS)
    moderator = make_user("moderator", MODERATORS)

    # The editor writes the service in the council's section and submits it.
    page = log_in(editor)
    page.goto(f"{live_server.url}/admin/pages/add/directory/servicepage/{council.pk}/")
    write_service(page, organisation.name)
    submit_for_moderation(page)
    expect(page).to_have_url(re.compile(rf"/admin/pages/{council.pk}/$"))
    expect(page.locator(".messages")).to_contain_text("submitted")

    service = ServicePage.objects.get(title=TITLE)
    assert service.get_parent().pk == council.pk
    assert not service.live
    assert service.owner == editor
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(service.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    draft = service.get_latest_revision_as_object()
    assert draft.organisation == organisation
    assert [(c.name, c.email, c.phone) for c in draft.contacts.all()] == [
        ("Group lead", "group@example.org", "020 7946 0123")
    ]
    assert [(loc.name, loc.postcode) for loc in draft.locations.all()] == [
        ("Colchester Library", "CO1 1JB")
    ]

    # The moderator, in a browser of their own, finds it on their dashboard and
    # approves it from the edit view.
    page = log_in(moderator)
    approve_from_dashboard(page, TITLE, rf"/admin/pages/{service.pk}/edit/$")
    expect(page).to_have_url(re.compile(rf"/admin/pages/{council.pk}/$"))
    # It says what went live, not only that the page was updated.
    expect(page.locator(".messages")).to_have_text(f"'{TITLE}' approved and published.")

    service.refresh_from_db()
    assert service.live
    assert service.has_unpublished_changes is False
    assert service.locations.get().postcode == "CO1 1JB"
    assert service.contacts.get().phone == "020 7946 0123"
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED

    # The section's listing in the admin says so too, linking to its public address.
    row = page.get_by_role("row").filter(has_text=TITLE)
    live_link = row.get_by_role("link", name="Current page status: live")
    expect(live_link).to_have_attribute("href", "/directory/council/autism-parent-support-group/")

    # And the public page shows it.
    page.goto(f"{live_server.url}/directory/council/autism-parent-support-group/")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text("Colchester Library")).to_be_visible()
