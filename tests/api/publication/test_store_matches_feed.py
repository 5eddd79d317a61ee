"""What the v1 endpoints answer, read from the store, is what the serializers make of
the content now: for every resource and locale, for a partner who may see everything and
for partners with narrower scopes (the parts that point to other items narrowed by
`api.publication.narrow`). So the writer left nothing stale, and the read path's SQL
selects what `Scope.allows` does."""

import json
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder

from api.public import public_queryset
from api.publication.models import PublishedDocument
from api.publication.narrow import narrow
from api.publication.reading import documents_in_scope
from api.publication.render import render
from api.scope import Scope
from directory.models import TaxonomyTerm
from tests.api.oruk import conftest as oruk_fixtures

demo_content, demo = oruk_fixtures.demo_content, oruk_fixtures.demo

RESOURCES = ["services", "guides", "partners", "clusters", "organisations", "taxonomy-terms"]
STAMPED = ("version", "last_modified")


def unstamped(document):
    return {key: value for key, value in document.items() if key not in STAMPED}


def feed_items(client, resource):
    host = urlsplit(settings.API_BASE_URL).netloc
    items, page = [], 1
    while True:
        response = client.get(
            f"/api/v1/{resource}/", {"page": page, "page_size": 100}, HTTP_HOST=host
        )
        assert response.status_code == 200, response.content[:300]
        body = response.json()
        items += body["results"]
        if not body.get("next"):
            return items
        page += 1


def rendered_now_for(partner, resource):
    """Every public item of the resource rendered afresh, as this partner may have it."""
    scope = Scope(partner)
    fresh = render(resource, public_queryset(resource).values_list("pk", flat=True))
    return {
        item.object_id: narrow(item.document, item.links, scope)
        for item in fresh.values()
        if scope.allows(item.facts())
    }


def scopes(make_partner):
    send = TaxonomyTerm.objects.filter(locale__language_code="en").exclude(parent=None).first()
    return [
        make_partner("Everything"),
        make_partner("Polish only", scope_locales=["pl"]),
        make_partner("North-east", scope_areas=["north-east"]),
        make_partner("One term", terms=[send]),
        make_partner("Guides only", scope_types=["guides"]),
    ]


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("resource", RESOURCES)
def test_each_endpoint_answers_what_the_content_renders_to_now(
    resource, make_partner, api_client_for
):
    assert PublishedDocument.objects.filter(resource=resource).exists()
    for partner in scopes(make_partner):
        if not Scope(partner).allows_type(resource):
            continue
        answered = {item["id"]: item for item in feed_items(api_client_for(partner), resource)}
        expected = rendered_now_for(partner, resource)
        assert sorted(expected) == sorted(answered), partner.name
        for item_id, item in answered.items():
            as_json = json.loads(json.dumps(unstamped(expected[item_id]), cls=DjangoJSONEncoder))
            assert as_json == unstamped(item), (partner.name, item_id)


@pytest.mark.usefixtures("demo")
def test_the_store_query_for_a_scope_selects_what_the_scope_allows(make_partner):
    """`documents_in_scope` is SQL over the scope columns; `Scope.allows` reads the same
    facts in Python. The two agree for every scope and resource."""
    everything = list(PublishedDocument.objects.current())
    for partner in [
        *scopes(make_partner),
        make_partner("Polish services in the south", scope_locales=["pl"], scope_areas=["south"]),
    ]:
        scope = Scope(partner)
        for resource in [None, *RESOURCES]:
            selected = {str(row.object_id) for row in documents_in_scope(scope, resource)}
            allowed = {
                str(row.object_id)
                for row in everything
                if scope.allows(row.facts) and resource in (None, row.resource)
            }
            assert selected == allowed, (partner.name, resource)
    # Not vacuous: a one-term scope leaves some services out and keeps others.
    term = TaxonomyTerm.objects.filter(locale__language_code="en").exclude(parent=None).first()
    kept = documents_in_scope(Scope(make_partner("Term again", terms=[term])), "services")
    assert (
        0 < kept.count() < PublishedDocument.objects.current().filter(resource="services").count()
    )
