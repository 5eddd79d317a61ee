"""Property-based checks of the whole /api/v1/ against its own OpenAPI schema: no
5xx, and every response matches the schema (bounded number of examples)."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from directory.factories import ServiceContactFactory, ServiceLocationFactory, ServicePageFactory
from guides.factories import GuidePageFactory

schema = schemathesis.pytest.from_fixture("api_schema")

# Sent to every query parameter of every operation besides the generated values: each once
# made a 500 (a `%` in a value that a message quoted, a NUL that PostgreSQL refuses).
HOSTILE_VALUES = ["%s", "100%", "a\x00b"]


def hostile_examples(context, examples):
    """before_add_examples: one explicit case per query parameter and hostile value, on
    every operation without path parameters (the lists, where the filters are)."""
    operation = context.operation
    if len(operation.path_parameters):
        return
    for parameter in operation.query:
        examples.extend(operation.Case(query={parameter.name: value}) for value in HOSTILE_VALUES)


@pytest.fixture
def keep_test_connection():
    """A WSGI request closes the database connection as it starts and ends; the test's
    transaction lives on that connection (Django's test client does the same)."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def api_schema(sections, keep_test_connection):
    page = ServicePageFactory(parent=sections["council"])
    ServiceLocationFactory(page=page)
    ServiceContactFactory(page=page)
    page.save_revision().publish()
    GuidePageFactory(parent=sections["guides"]).save_revision().publish()
    loaded = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())
    loaded.hook("before_add_examples")(hostile_examples)
    return loaded


@pytest.fixture
def key(make_partner, settings):
    # Every example must reach the code under test: none may be turned away with a 429.
    settings.API_RATE_LIMITS = dict.fromkeys(settings.API_RATE_LIMITS, "1000000/minute")
    return make_partner(name="Schemathesis").key


@schema.parametrize()
@settings(
    max_examples=6,
    deadline=None,
    derandomize=True,  # the same examples on every run, so CI is repeatable
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_honours_its_schema(case, key):
    case.call_and_validate(
        # Its WSGI transport asks for gzip and then reads the bytes as they come.
        headers={"Authorization": f"Api-Key {key}", "Accept-Encoding": "identity"},
        # By contract an unknown term or organisation id is a 400 although the schema
        # cannot know which ids exist, and an empty parameter counts as absent.
        excluded_checks=[
            schemathesis.checks.positive_data_acceptance,
            schemathesis.checks.negative_data_rejection,
        ],
    )
