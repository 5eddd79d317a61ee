"""Nothing non-public leaves through the ORUK API: the feed's no-leak cases (drafts,
never-published, unpublished, expired, view-restricted and password-protected pages,
pages under a restricted or unpublished section or moved under a restricted one, future
scheduled revisions, unpublished edits, internal-only contacts, draft snippets) hold
here too, in every list, search, detail, nested record and postcode lookup."""

import json

import pytest
import time_machine
from django.utils.timezone import now

from directory.factories import (
    ClusterFactory,
    ClusterStaffFactory,
    ServiceContactFactory,
    ServiceLocationFactory,
    ServicePageFactory,
)
from tests.api.oruk.conftest import (
    API,
    LIST_SCHEMAS,
    get_json,
    make_sections,
    module_transaction,
)
from tests.api.test_no_leaks import SECRET, hidden_pages
from tests.conftest import publish

HIDDEN_POSTCODE = "ZE1 0AA"  # only hidden services are there


@pytest.fixture(scope="module")
def leaky_module(django_db_setup, django_db_blocker):
    # The module's tests read after the expiries the probes let pass.
    with module_transaction(django_db_blocker), time_machine.travel(now(), tick=True) as clock:
        yield make_leaky_content(make_sections(), clock)


@pytest.fixture
def leaky_content(leaky_module, db):
    return leaky_module


def make_leaky_content(sections, clock):
    hidden = [probe.item for probe in hidden_pages(sections, clock) if probe.resource == "services"]
    for page in hidden:
        ServiceLocationFactory(
            page=page,
            name=f"{SECRET} venue",
            postcode=HIDDEN_POSTCODE,
            latitude="60.15",
            longitude="-1.15",
        )
    public = ServicePageFactory(parent=sections["council"], slug="with-contacts")
    ServiceContactFactory(page=public, name=f"{SECRET} internal", is_public=False)
    ServiceContactFactory(page=public, name="Front desk", is_public=True)
    ServiceLocationFactory(page=public)
    publish(public)
    draft_cluster = ClusterFactory(name=f"{SECRET} cluster", live=False)
    ClusterStaffFactory(cluster=draft_cluster, name=f"{SECRET} staff")
    return hidden, public


def every_answer(api, public):
    """Every list (each variant, searched for the secret too), as text."""
    for resource in LIST_SCHEMAS:
        for params in ({}, {"search": SECRET}, {"full": "true"}, {"full_service": "true"}):
            response = api.get(f"{API}/{resource}", params)
            if response.status_code == 400:  # a variant this list does not take
                continue
            assert response.status_code == 200, (resource, params)
            yield response.content.decode()
        streamed = api.get(f"{API}/{resource}", {"format": "ndjson"})
        yield b"".join(streamed.streaming_content).decode()
    yield json.dumps(get_json(api, f"/services/{public.uuid}"))
    yield json.dumps(
        get_json(api, f"/organizations/{public.organisation.uuid}", {"full_service": "true"})
    )


def test_no_list_search_or_nesting_holds_anything_non_public(leaky_content, api):
    hidden, public = leaky_content
    for text in every_answer(api, public):
        assert SECRET not in text
        for page in hidden:
            assert str(page.uuid) not in text


def test_only_the_public_service_and_its_public_contact_are_served(leaky_content, api):
    _hidden, public = leaky_content
    listed = get_json(api, "/services", {"full": "true"})["contents"]
    # Besides ours, the live page whose unpublished edit hidden_pages made.
    assert [service["name"] for service in listed] == ["Public title", public.title]
    assert [contact["name"] for contact in listed[1]["contacts"]] == ["Front desk"]
    assert get_json(api, "/service_at_locations")["total_items"] == 1


def test_details_of_non_public_services_are_404(leaky_content, api):
    hidden, _public = leaky_content
    for page in hidden:
        assert api.get(f"{API}/services/{page.uuid}").status_code == 404, page.title


def test_postcodes_are_not_placed_from_non_public_locations(leaky_content, api):
    for postcode in (HIDDEN_POSTCODE, "ZE1"):
        response = api.get(f"{API}/service_at_locations", {"postcode": postcode})
        assert response.status_code == 400
        assert response.json()["errors"][0]["param"] == "postcode"


def test_other_locales_are_not_served(leaky_content, api):
    """Translations would be duplicates to an aggregator: the source language only."""
    from wagtail.models import Locale

    _hidden, public = leaky_content
    polish = Locale.objects.create(language_code="pl")
    translation = public.copy_for_translation(polish, copy_parents=True)
    publish(translation)
    ids = {item["id"] for item in get_json(api, "/services")["contents"]}
    assert str(public.uuid) in ids
    assert str(translation.uuid) not in ids
    assert api.get(f"{API}/services/{translation.uuid}").status_code == 404
