"""Fixtures for the ORUK API: an offline registry of the official 3.0 schemas, a
validator with format checking on, and demo content loaded once per module."""

import json
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from rest_framework.test import APIClient

from tests.conftest import publish

STANDARD = Path(__file__).parent / "standard" / "3.0"  # vendored, see standard/README.md
SCHEMA_URL = "https://openreferraluk.org/specifications/3.0/schema/"
API = "/api/oruk"

# Each endpoint and the official schema its 200 answers follow (openapi.json).
LIST_SCHEMAS = {
    "services": "service_list.json",
    "service_at_locations": "service_at_location_list.json",
    "organizations": "organization_list.json",
    "taxonomies": "taxonomy_list.json",
    "taxonomy_terms": "taxonomy_term_list.json",
}
DETAIL_SCHEMAS = {
    "services": "service.json",
    "service_at_locations": "service_at_location.json",
    "organizations": "organization.json",
    "taxonomies": "taxonomy.json",
    "taxonomy_terms": "taxonomy_term.json",
}


def schema_registry() -> Registry:
    """Every file of the standard's schema folder, under the URL its $refs use."""
    resources = [
        (
            SCHEMA_URL + path.name,
            Resource.from_contents(json.loads(path.read_text()), default_specification=DRAFT202012),
        )
        for path in sorted((STANDARD / "schema").glob("*.json"))
    ]
    return Registry().with_resources(resources)


REGISTRY = schema_registry()


def validator(reference: str) -> Draft202012Validator:
    """A validator for a schema file (or a `file#/pointer` into one), offline."""
    return Draft202012Validator(
        {"$ref": SCHEMA_URL + reference},
        registry=REGISTRY,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def schema_errors(document, reference: str) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator(reference).iter_errors(document)
    ]


def assert_conforms(document, reference: str) -> None:
    errors = schema_errors(document, reference)
    assert not errors, f"{reference}:\n" + "\n".join(errors[:20])


def assert_no_nulls(document, path="") -> None:
    """Optional fields without a value are left out: never null, never empty."""
    if isinstance(document, dict):
        for key, value in document.items():
            assert value is not None, f"{path}/{key} is null"
            assert value != [], f"{path}/{key} is an empty list"
            assert_no_nulls(value, f"{path}/{key}")
    elif isinstance(document, list):
        for index, value in enumerate(document):
            assert_no_nulls(value, f"{path}/{index}")


@pytest.fixture
def api():
    """An anonymous client: the ORUK API needs no key."""
    return APIClient()


def get_json(api, path: str, params=None, status: int = 200):
    response = api.get(f"{API}{path}", params or {})
    assert response.status_code == status, response.content[:500]
    return response.json()


@contextmanager
def module_transaction(django_db_blocker):
    """Content made in here lasts for a test module, and is rolled back after it; each
    test (with the `db` fixture) runs in a savepoint inside."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The demo content, loaded once per module."""
    with module_transaction(django_db_blocker):
        # wagtail-localize publishes translations when the loader's transaction commits.
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("load_demo_content")
        yield


@pytest.fixture
def demo(demo_content, db):
    """Each test runs in a savepoint inside the module's transaction."""


def make_sections() -> dict:
    """The sections of the `sections` fixture (home, directory, council, guides), for
    content made once per module."""
    from wagtail.models import Page

    from directory.factories import DirectoryIndexPageFactory
    from guides.factories import GuideIndexPageFactory
    from home.factories import HomePageFactory

    home = HomePageFactory(parent=Page.get_first_root_node(), slug="oruk-home")
    directory = DirectoryIndexPageFactory(parent=home, title="Directory", slug="directory")
    return {
        "home": home,
        "directory": directory,
        "council": DirectoryIndexPageFactory(parent=directory, slug="council"),
        "guides": GuideIndexPageFactory(parent=home, slug="guides"),
    }


def add_service(parent, *, terms=(), locations=(), schedules=(), contacts=(), **fields):
    """A published service in the source language, with the given inline rows."""
    from directory.factories import ServicePageFactory
    from directory.models import ServiceContact, ServiceLocation, ServiceSchedule

    page = ServicePageFactory(parent=parent, **fields)
    page.terms = list(terms)
    page.locations = [ServiceLocation(**row) for row in locations]
    page.schedules = [ServiceSchedule(**row) for row in schedules]
    page.contacts = [ServiceContact(**row) for row in contacts]
    page.save()
    return publish(page)


@pytest.fixture
def make_service(sections):
    def make(*, section="council", **fields):
        return add_service(sections[section], **fields)

    return make


def location(name="Colchester Library", postcode="CO1 1JB", latitude=None, longitude=None, **more):
    """A ServiceLocation's fields; coordinates as strings, as the admin saves them."""
    return {
        "name": name,
        "address_1": more.pop("address_1", "Trinity Square"),
        "town": more.pop("town", "Colchester"),
        "postcode": postcode,
        "latitude": latitude,
        "longitude": longitude,
        **more,
    }
