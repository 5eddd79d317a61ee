"""The edit forms and the API docs page as people use them, in a real browser: a partner
tries the API in the docs with the key they were given; an officer chooses a service's
terms in groups, and meets errors in plain English at the fields they are about. The
screens are saved under test-artifacts/ to be looked at."""

import re

from playwright.sync_api import expect

from api.models import Partner, PartnerAPIKey
from cms.pages import SLUG_HELP, TITLE_HELP
from directory.factories import OrganisationFactory, ServicePageFactory, TaxonomyTermFactory
from directory.models.services import NO_WAY_IN_AT_CONTACTS, NO_WAY_IN_AT_WEBSITE
from tests.browser.conftest import ARTIFACTS, PASSWORD


def screenshot(page, name: str, *, full_page=True) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=full_page)


def test_a_partner_authorizes_the_docs_page_with_their_bare_key(live_server, new_page, db):
    partner = Partner.objects.create(name="Essex Family Hub", contact_email="hub@example.org")
    _key, key = PartnerAPIKey.objects.create_key(name="hub key", partner=partner)
    sent = []

    page = new_page()
    page.on(
        "request",
        lambda request: (
            sent.append(request.headers.get("authorization"))
            if "/api/v1/services/" in request.url
            else None
        ),
    )
    page.goto(f"{live_server.url}/api/v1/docs/")
    page.get_by_role("button", name=re.compile("Authorize")).first.click()
    dialog = page.locator(".modal-ux")
    expect(dialog).to_contain_text("Authorization: Api-Key <key>")
    expect(dialog).to_contain_text("paste the key alone")
    dialog.locator("input").fill(key)
    screenshot(page, "api-docs-authorize", full_page=False)
    dialog.get_by_role("button", name="Apply credentials").click()
    expect(dialog.get_by_role("heading", name="Authorized")).to_be_visible()
    dialog.get_by_role("button", name="Close", exact=True).click()

    operation = page.locator(".opblock", has=page.locator('[data-path="/api/v1/services/"]'))
    operation.first.locator(".opblock-summary").click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()

    status = page.locator(".live-responses-table tbody .response-col_status").first
    expect(status).to_have_text("200")
    status.scroll_into_view_if_needed()
    screenshot(page, "api-docs-try-it-out", full_page=False)
    assert sent == [f"Api-Key {key}"]

    # Only the docs page adds the prefix: the API itself still wants it.
    bare = page.request.get(f"{live_server.url}/api/v1/services/", headers={"Authorization": key})
    assert bare.status == 401


def test_an_officer_chooses_terms_in_groups_and_meets_plain_errors(
    live_server, site_for_browser, log_in, django_user_model
):
    for vocabulary, name in [
        ("category", "Health and wellbeing"),
        ("category", "Support, groups and activities"),
        ("need", "Autism"),
        ("need", "Social, emotional and mental health"),
        ("audience", "Parents and carers"),
        ("audience", "Young people"),
    ]:
        TaxonomyTermFactory(vocabulary=vocabulary, name=name)
    service = ServicePageFactory(
        parent=site_for_browser["council"],
        title="Autism parent support group",
        organisation=OrganisationFactory(),
        website="https://autism-group.example.org/",
    )
    admin = django_user_model.objects.create_user(
        "admin", "admin@example.org", PASSWORD, is_superuser=True
    )

    page = log_in(admin)
    page.goto(f"{live_server.url}/admin/pages/{service.pk}/edit/")
    expect(page.get_by_text(TITLE_HELP)).to_be_visible()
    page.get_by_role("tab", name="Promote").click()
    expect(page.get_by_text(SLUG_HELP)).to_be_visible()
    expect(page.get_by_text("Show in menus")).to_have_count(0)
    expect(page.get_by_text("Title tag")).to_have_count(0)
    screenshot(page, "service-promote", full_page=False)

    page.get_by_role("tab", name="Who it is for").click()
    for legend, term in [
        ("Categories", "Health and wellbeing"),
        ("Needs", "Autism"),
        ("Audiences", "Parents and carers"),
    ]:
        group = page.get_by_role("group", name=legend, exact=True)
        expect(group).to_be_visible()
        expect(group.get_by_label(term, exact=True)).to_be_visible()
    page.get_by_role("group", name="Needs", exact=True).get_by_label("Autism").check()
    page.locator("#id_max_age").fill("30")
    screenshot(page, "service-who-it-is-for")

    # Too old an age, a paid service with no cost, and no way in: each said at its field.
    page.get_by_role("tab", name="Access and contacts").click()
    page.locator("#id_cost").select_option("paid")
    page.locator("#id_website").fill("")
    page.locator("footer").get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile("^Publish")).click()

    expect(page.locator(".messages")).to_contain_text("could not be")
    page.get_by_role("tab", name="Who it is for").click()
    expect(page.get_by_text("Ages go up to 25: the Local Offer covers 0 to 25.")).to_be_visible()
    screenshot(page, "service-errors-who-it-is-for")
    page.get_by_role("tab", name="Access and contacts").click()
    expect(page.get_by_text("Say what it costs, so families can plan.")).to_be_visible()
    expect(page.get_by_text(NO_WAY_IN_AT_WEBSITE)).to_be_visible()
    expect(page.get_by_text(NO_WAY_IN_AT_CONTACTS)).to_be_visible()
    screenshot(page, "service-errors-access")
