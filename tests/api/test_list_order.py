"""The lists inside an item come in the editor's order (`sort_order`, then pk), not in
whatever order the database happens to return the rows."""

import pytest

from api.publication.writer import publish as render_again
from api.publication.writer import refs_of
from directory.factories import (
    ClusterFactory,
    ClusterStaffFactory,
    ServiceContactFactory,
    ServiceLocationFactory,
    ServicePageFactory,
)
from directory.models import ServiceSchedule
from guides.factories import GuidePageFactory
from guides.models import RelatedGuide
from tests.conftest import publish

# Positions in the order the rows are created: the row created first shares its
# position with the last one, and one row has none (rows saved outside the editor).
POSITIONS = (1, 0, None, 1)


def rows_out_of_order(make) -> list:
    """Rows made with `make(sort_order)` at POSITIONS, as the editor's order lists them.

    The first row is then stored again under its pk, which puts it after the others in
    the table and its indexes: a query ordered by `sort_order` alone returns it after
    the row it ties with, so only the pk tie-break gives the order expected here.
    """
    rows = [make(position) for position in POSITIONS]
    first, pk = rows[0], rows[0].pk
    first.delete()
    first.pk = pk
    first.save(force_insert=True)
    return sorted(rows, key=lambda row: (row.sort_order is None, row.sort_order or 0, row.pk))


@pytest.fixture
def service(sections):
    """A published service whose locations, schedules and public contacts were saved
    out of order, with an internal contact among them."""
    page = publish(ServicePageFactory(parent=sections["council"]))
    names = iter(f"Row {n}" for n in range(100))
    page.expected = {
        "locations": rows_out_of_order(
            lambda position: ServiceLocationFactory(
                page=page, name=next(names), sort_order=position
            )
        ),
        "schedules": rows_out_of_order(
            lambda position: ServiceSchedule.objects.create(
                page=page, description=next(names), sort_order=position
            )
        ),
        "contacts": rows_out_of_order(
            lambda position: ServiceContactFactory(page=page, name=next(names), sort_order=position)
        ),
    }
    ServiceContactFactory(page=page, name="Review contact", is_public=False, sort_order=0)
    return rendered_again(page)


def rendered_again(item):
    """The item's documents rendered again, as the next publish would (rows saved
    straight to the database, as here, tell no one)."""
    render_again(refs_of([item]))
    return item


def names(rows) -> list[str]:
    return [getattr(row, "name", None) or row.description for row in rows]


def test_v1_service_detail_lists_rows_in_the_editors_order(service, partner_api):
    item = partner_api.get(f"/api/v1/services/{service.uuid}/").json()

    assert [row["name"] for row in item["locations"]] == names(service.expected["locations"])
    assert [row["description"] for row in item["schedules"]] == names(service.expected["schedules"])
    assert [row["name"] for row in item["contacts"]] == names(service.expected["contacts"])


def test_v1_services_list_lists_rows_in_the_editors_order(service, partner_api):
    (item,) = partner_api.get("/api/v1/services/").json()["results"]

    assert [row["name"] for row in item["locations"]] == names(service.expected["locations"])
    assert [row["description"] for row in item["schedules"]] == names(service.expected["schedules"])
    assert [row["name"] for row in item["contacts"]] == names(service.expected["contacts"])


@pytest.mark.parametrize("path", ["/api/oruk/services/{uuid}", "/api/oruk/services?full=true"])
def test_oruk_service_lists_rows_in_the_editors_order(service, client, path):
    response = client.get(path.format(uuid=service.uuid))
    assert response.status_code == 200, response.content
    body = response.json()
    (record,) = body.get("contents", [body])  # a list page, or the record itself

    locations = [row["location"]["name"] for row in record["service_at_locations"]]
    assert locations == names(service.expected["locations"])
    assert [row["description"] for row in record["schedules"]] == names(
        service.expected["schedules"]
    )
    assert [row["name"] for row in record["contacts"]] == names(service.expected["contacts"])
    # The service's email is its first public contact's, in that order.
    assert record["email"] == service.expected["contacts"][0].email


def test_v1_cluster_staff_in_the_editors_order(db, partner_api):
    cluster = ClusterFactory()
    expected = rows_out_of_order(
        lambda position: ClusterStaffFactory(cluster=cluster, sort_order=position)
    )
    rendered_again(cluster)

    (item,) = partner_api.get("/api/v1/clusters/").json()["results"]

    assert [row["name"] for row in item["staff"]] == [row.name for row in expected]


def test_v1_related_guides_in_the_editors_order(sections, partner_api):
    guide = publish(GuidePageFactory(parent=sections["guides"]))
    others = [publish(GuidePageFactory(parent=sections["guides"])) for _ in POSITIONS]
    related = iter(others)
    expected = rows_out_of_order(
        lambda position: RelatedGuide.objects.create(
            page=guide, guide=next(related), sort_order=position
        )
    )
    rendered_again(guide)

    item = partner_api.get(f"/api/v1/guides/{guide.uuid}/").json()

    assert [row["id"] for row in item["related_guides"]] == [
        str(row.guide.uuid) for row in expected
    ]
