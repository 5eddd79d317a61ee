"""Organisations through the real admin views: each team's editors edit their own and
shared organisations, every change is moderated, and partners see only what a moderator
approved (the v1 feed, a service's organisation, ORUK)."""

import pytest
import wagtail_factories
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from rest_framework.test import APIClient
from wagtail.models import Locale, WorkflowState
from wagtail.permissions import policy_registry
from wagtail.test.utils.form_data import nested_form_data
from wagtail_localize.models import TranslationSource

from api.models import Partner, PartnerAPIKey
from cms.groups import COUNCIL_EDITORS, ICB_EDITORS, MAINTAINERS, MODERATORS
from cms.teams import TeamOrShared
from directory.factories import OrganisationFactory, PartnerPageFactory, ServicePageFactory
from directory.models import Organisation
from directory.teams import backfill_organisation_teams
from tests.api.test_changes_feed import read_all
from tests.conftest import publish
from tests.directory.test_admin import denied

ORGANISATIONS = "/api/v1/organisations/"


def url(name: str, *args) -> str:
    return reverse(f"wagtailsnippets_directory_organisation:{name}", args=args)


@pytest.fixture
def make_user(django_user_model):
    def make(username, group_name):
        user = django_user_model.objects.create_user(
            username=username, password="correct horse battery", email=f"{username}@example.org"
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def partner_api(db):
    partner = Partner.objects.create(name="Essex Family Hub", contact_email="hub@example.org")
    _key, key = PartnerAPIKey.objects.create_key(name="hub key", partner=partner)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Api-Key {key}")
    return client


@pytest.fixture
def health_organisation(db):
    return OrganisationFactory(
        name="NHS Suffolk and North East Essex ICB", kind="nhs", email="icb@example.org"
    )


@pytest.fixture
def shared_organisation(db):
    organisation = OrganisationFactory(
        name="Colchester Parent Support", kind="voluntary", email="hello@example.org"
    )
    organisation.save_revision().publish()  # as a moderator published it
    organisation.refresh_from_db()
    return organisation


def organisation_form(organisation: Organisation, **overrides) -> dict:
    data = {
        "name": organisation.name,
        "kind": organisation.kind,
        "team": organisation.team,
        "description": organisation.description,
        "website": organisation.website,
        "email": organisation.email,
        "phone": organisation.phone,
        "logo": "",
        "status": organisation.status,
        "defunct_since": "",
        "replaced_by": "",
        "defunct_note": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def served_names(partner_api) -> set[str]:
    return {item["name"] for item in partner_api.get(ORGANISATIONS).json()["results"]}


def served_as_service_organisation(client, partner_api, service) -> dict:
    """The organisation as a service shows it, in the v1 feed and in ORUK."""
    v1 = partner_api.get(f"/api/v1/services/{service.uuid}/").json()["organisation"]
    oruk = client.get(f"/api/oruk/services/{service.uuid}").json()
    return {"v1": v1, "oruk": oruk.get("organization"), "oruk_id": oruk.get("organization_id")}


def test_the_teams_of_existing_organisations_are_backfilled_from_their_kind(db):
    polish = Locale.objects.create(language_code="pl")
    icb = OrganisationFactory(kind="nhs", team="shared")
    council = OrganisationFactory(kind="local-authority", team="shared")
    charity = OrganisationFactory(kind="voluntary", team="health")
    school = OrganisationFactory(kind="education", team="council")
    # Translations follow their source, even where their own kind says otherwise.
    icb_pl = OrganisationFactory(
        kind="voluntary", team="shared", locale=polish, translation_key=icb.translation_key
    )
    # A group translated from Polish: the Polish row is the source.
    polish_source = OrganisationFactory(kind="local-authority", team="shared", locale=polish)
    english_copy = OrganisationFactory(
        kind="nhs", team="shared", translation_key=polish_source.translation_key
    )
    TranslationSource.get_or_create_from_instance(polish_source)

    changed = backfill_organisation_teams(Organisation, TranslationSource, settings.LANGUAGE_CODE)

    teams = dict(Organisation.objects.values_list("pk", "team"))
    assert teams == {
        icb.pk: "health",
        council.pk: "council",
        charity.pk: "shared",
        school.pk: "shared",
        icb_pl.pk: "health",
        polish_source.pk: "council",
        english_copy.pk: "council",
    }
    assert changed == 7
    assert backfill_organisation_teams(Organisation, TranslationSource, "en") == 0


def test_a_council_editor_cannot_open_or_change_a_health_organisation(
    client, sections, make_user, health_organisation
):
    client.force_login(make_user("council-editor", COUNCIL_EDITORS))
    pk = health_organisation.pk

    for view in ("edit", "history", "usage", "delete", "copy", "workflow_history", "lock"):
        assert denied(client, url(view, pk)), view
    response = client.post(
        url("edit", pk), organisation_form(health_organisation, email="not-the-icb@example.org")
    )
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    health_organisation.refresh_from_db()
    assert health_organisation.email == "icb@example.org"
    assert not health_organisation.revisions.exists()
    # Their listing does not offer it.
    listing = client.get(url("list")).content.decode()
    assert health_organisation.name not in listing


def test_each_team_edits_its_own_and_shared_organisations(
    client, sections, make_user, health_organisation, shared_organisation
):
    council_organisation = OrganisationFactory(name="Thurrock Council", kind="local-authority")
    editable = {
        COUNCIL_EDITORS: {council_organisation, shared_organisation},
        ICB_EDITORS: {health_organisation, shared_organisation},
        MODERATORS: {council_organisation, health_organisation, shared_organisation},
        MAINTAINERS: {council_organisation, health_organisation, shared_organisation},
    }
    for group, expected in editable.items():
        client.force_login(make_user(group.lower().replace(" ", "-"), group))
        listing = client.get(url("list")).content.decode()
        for organisation in (council_organisation, health_organisation, shared_organisation):
            opened = client.get(url("edit", organisation.pk))
            if organisation in expected:
                assert opened.status_code == 200, (group, organisation)
                assert organisation.name in listing, (group, organisation)
            else:
                assert opened.status_code == 302, (group, organisation)
                assert organisation.name not in listing, (group, organisation)


def test_a_council_editors_change_is_a_draft_until_a_moderator_approves_it(
    client, sections, make_user, partner_api, shared_organisation
):
    service = publish(
        ServicePageFactory(parent=sections["council"], organisation=shared_organisation)
    )
    _changes, cursor = read_all(partner_api)
    editor = make_user("council-editor", COUNCIL_EDITORS)
    client.force_login(editor)

    response = client.post(
        url("edit", shared_organisation.pk),
        organisation_form(
            shared_organisation,
            name="Colchester Parent Support CIO",
            email="info@example.org",
            **{"action-submit": "Submit"},
        ),
    )
    assert response.status_code == 302
    state = WorkflowState.objects.get(
        base_content_type__model="organisation", object_id=str(shared_organisation.pk)
    )
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    shared_organisation.refresh_from_db()
    assert shared_organisation.name == "Colchester Parent Support"  # the live version
    assert shared_organisation.has_unpublished_changes
    draft = shared_organisation.get_latest_revision_as_object()
    assert (draft.name, draft.email) == ("Colchester Parent Support CIO", "info@example.org")

    # An editor cannot publish it themselves.
    client.post(
        url("edit", shared_organisation.pk),
        organisation_form(draft, **{"action-publish": "Publish"}),
    )
    shared_organisation.refresh_from_db()
    assert shared_organisation.name == "Colchester Parent Support"

    # Partners still see the live version, everywhere it appears.
    assert served_names(partner_api) == {"Colchester Parent Support"}
    shown = served_as_service_organisation(client, partner_api, service)
    assert shown["v1"]["name"] == shown["oruk"]["name"] == "Colchester Parent Support"
    assert shown["oruk"]["email"] == "hello@example.org"
    oruk = client.get(f"/api/oruk/organizations/{shared_organisation.uuid}").json()
    assert oruk["name"] == "Colchester Parent Support"
    assert read_all(partner_api, cursor)[0] == []  # nothing for partners to hear yet

    client.force_login(make_user("moderator", MODERATORS))
    response = client.post(
        url("workflow_action", shared_organisation.pk, "approve", state.current_task_state.pk),
        {"comment": "Checked with the charity."},
    )
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED

    assert served_names(partner_api) == {"Colchester Parent Support CIO"}
    changes, _ = read_all(partner_api, cursor)
    assert {(change["type"], change["id"]) for change in changes} == {
        ("organisations", str(shared_organisation.uuid)),
        ("services", str(service.uuid)),
    }
    shown = served_as_service_organisation(client, partner_api, service)
    assert shown["v1"]["name"] == shown["oruk"]["name"] == "Colchester Parent Support CIO"
    assert shown["oruk"]["email"] == "info@example.org"


def test_an_organisation_never_published_is_not_served(
    client, sections, make_user, partner_api, shared_organisation
):
    editor = make_user("council-editor", COUNCIL_EDITORS)
    client.force_login(editor)
    new = Organisation(name="Essex Young Carers", kind="voluntary", email="carers@example.org")

    # A council editor may give it to their team or to both, not to the health team.
    refused = client.post(
        f"{url('add')}?locale=en", organisation_form(new, team=TeamOrShared.HEALTH)
    )
    assert refused.status_code == 200
    assert "team" in refused.context["form"].errors
    response = client.post(
        f"{url('add')}?locale=en",
        organisation_form(new, team=TeamOrShared.COUNCIL, **{"action-submit": "Submit"}),
    )
    assert response.status_code == 302
    created = Organisation.objects.get(name="Essex Young Carers")
    assert not created.live
    assert created.team == TeamOrShared.COUNCIL
    assert client.get(url("edit", created.pk)).status_code == 200  # still theirs

    # Chosen for a service (choosing is not editing), it stays out of every output.
    service = publish(ServicePageFactory(parent=sections["council"], organisation=created))
    assert served_names(partner_api) == {shared_organisation.name}
    assert partner_api.get(f"{ORGANISATIONS}{created.uuid}/").status_code == 404
    shown = served_as_service_organisation(client, partner_api, service)
    assert shown == {"v1": None, "oruk": None, "oruk_id": None}
    listed = partner_api.get("/api/v1/services/").json()["results"]
    assert [item["organisation"] for item in listed] == [None]
    # Filtering by its id is the same as filtering by an id that does not exist.
    response = partner_api.get("/api/v1/services/", {"organisation": str(created.uuid)})
    assert response.status_code == 400
    assert response.json()["errors"][0]["param"] == "organisation"
    response = client.get("/api/oruk/services", {"organization_id": str(created.uuid)})
    assert response.status_code == 400
    assert client.get(f"/api/oruk/organizations/{created.uuid}").status_code == 404
    names = {o["name"] for o in client.get("/api/oruk/organizations").json()["contents"]}
    assert names == {shared_organisation.name}


def test_the_service_editor_chooser_offers_every_organisation(
    client, sections, make_user, health_organisation, shared_organisation
):
    draft = OrganisationFactory(name="Essex Young Carers", live=False)
    client.force_login(make_user("council-editor", COUNCIL_EDITORS))
    html = client.get(reverse("wagtailsnippetchoosers_directory_organisation:choose")).json()[
        "html"
    ]
    for organisation in (health_organisation, shared_organisation, draft):
        assert organisation.name in html
    chosen = client.get(
        reverse(
            "wagtailsnippetchoosers_directory_organisation:chosen",
            args=(health_organisation.pk,),
        )
    )
    assert chosen.status_code == 200
    assert chosen.json()["result"]["id"] == str(health_organisation.pk)


def test_a_partner_page_shows_neither_an_unpublished_organisation_nor_its_logo(
    sections, partner_api
):
    logo = wagtail_factories.ImageFactory(title="Young carers logo")
    draft = OrganisationFactory(name="Essex Young Carers", live=False, logo=logo)
    partner = publish(PartnerPageFactory(parent=sections["council"], organisation=draft))

    shown = partner_api.get(f"/api/v1/partners/{partner.uuid}/").json()
    assert shown["organisation"] is None
    assert shown["logo"] is None

    draft.save_revision().publish()
    shown = partner_api.get(f"/api/v1/partners/{partner.uuid}/").json()
    assert shown["organisation"]["name"] == "Essex Young Carers"
    assert shown["logo"]["title"] == "Young carers logo"


def test_the_policy_names_who_may_edit_each_organisation(
    sections, make_user, health_organisation, shared_organisation
):
    council = make_user("council-editor", COUNCIL_EDITORS)
    icb = make_user("icb-editor", ICB_EDITORS)
    moderator = make_user("moderator", MODERATORS)
    policy = policy_registry.get_by_type(Organisation)

    assert set(policy.users_with_permission_for_instance("change", health_organisation)) == {
        icb,
        moderator,
    }
    assert set(policy.users_with_permission_for_instance("change", shared_organisation)) == {
        council,
        icb,
        moderator,
    }
    assert set(policy.users_with_permission_for_instance("publish", shared_organisation)) == {
        moderator
    }
    assert set(policy.instances_user_has_permission_for(council, "change")) == {shared_organisation}
    assert not policy.instances_user_has_permission_for(council, "publish").exists()
