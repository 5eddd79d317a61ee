"""/api/v1/changes/: every upsert and tombstone in scope since a cursor, exactly once."""

from collections import Counter

from directory.factories import (
    ClusterFactory,
    OrganisationFactory,
    ServicePageFactory,
    TaxonomyTermFactory,
)
from directory.models import ServicePage
from tests.conftest import publish

CHANGES = "/api/v1/changes/"


def read_all(api, cursor=None, page_size=100):
    """Follow next_cursor until has_more is false; return (changes, cursor)."""
    changes = []
    while True:
        params = {"page_size": page_size, **({"cursor": cursor} if cursor else {})}
        response = api.get(CHANGES, params)
        assert response.status_code == 200, response.content
        body = response.json()
        changes += body["results"]
        cursor = body["next_cursor"]
        if not body["has_more"]:
            return changes, cursor


def summary(changes):
    return [(change["action"], change["id"]) for change in changes]


def test_from_nothing_a_partner_gets_current_items_only(sections, partner_api):
    kept = publish(ServicePageFactory(parent=sections["council"], slug="kept"))
    gone = publish(ServicePageFactory(parent=sections["council"], slug="gone"))
    gone.unpublish()

    changes, _cursor = read_all(partner_api)

    service_changes = [c for c in changes if c["type"] == "services"]
    assert summary(service_changes) == [("upsert", str(kept.uuid))]
    assert service_changes[0]["url"].endswith(f"/api/v1/services/{kept.uuid}/")
    assert service_changes[0]["locale"] == "en"


def test_tombstones_for_unpublished_deleted_and_moved_out_of_scope(
    sections, make_partner, api_client_for
):
    autism = TaxonomyTermFactory(vocabulary="need", code="autism")
    adhd = TaxonomyTermFactory(vocabulary="need", code="adhd")
    api = api_client_for(make_partner(terms=[autism]))

    def tagged(slug):
        page = ServicePageFactory(parent=sections["council"], slug=slug)
        page.terms.set([autism])
        return publish(page)

    unpublished, deleted, retagged, untouched = (
        tagged("unpublished"),
        tagged("deleted"),
        tagged("retagged"),
        tagged("untouched"),
    )
    _changes, cursor = read_all(api)

    unpublished.unpublish()
    ServicePage.objects.get(pk=deleted.pk).delete()
    retagged.terms.set([adhd])
    publish(retagged)

    changes, cursor = read_all(api, cursor)
    assert sorted(summary(changes)) == sorted(
        [
            ("delete", str(unpublished.uuid)),
            ("delete", str(deleted.uuid)),
            ("delete", str(retagged.uuid)),
        ]
    )
    assert all(change["url"] is None for change in changes)
    # Nothing more until something changes; the cursor stays valid.
    again, _ = read_all(api, cursor)
    assert again == []
    assert str(untouched.uuid) not in {change["id"] for change in changes}


def test_a_partner_looping_on_its_cursor_sees_every_change_exactly_once(sections, partner_api):
    pages = [
        publish(ServicePageFactory(parent=sections["council"], slug=f"p{n}")) for n in range(6)
    ]
    seen = []
    cursor = None
    edits = iter(pages)
    for _ in range(20):
        params = {"page_size": 2, **({"cursor": cursor} if cursor else {})}
        body = partner_api.get(CHANGES, params).json()
        seen += [(c["action"], c["id"]) for c in body["results"] if c["type"] == "services"]
        cursor = body["next_cursor"]
        # Someone edits a page between every two reads.
        page = next(edits, None)
        if page is not None:
            page.title = f"{page.title} (edited)"
            publish(page)
        elif not body["has_more"]:
            break

    # Each page's latest state arrives.
    assert {id_ for _action, id_ in seen} == {str(page.uuid) for page in pages}
    final, _ = read_all(partner_api, cursor)
    assert final == []
    # Each page changed at most twice (published, then edited once): it is never read
    # more often than it changed.
    reads = Counter(id_ for _action, id_ in seen)
    assert max(reads.values()) <= 2


def test_snippets_and_dependants_appear_in_the_feed(sections, partner_api):
    organisation = OrganisationFactory(name="MAZE")
    page = publish(ServicePageFactory(parent=sections["council"], organisation=organisation))
    cluster = ClusterFactory(live=False)
    cluster.save_revision().publish()
    _changes, cursor = read_all(partner_api)

    organisation.name = "The MAZE Group CiC"
    revision = organisation.save_revision()  # a draft: partners hear nothing yet
    assert read_all(partner_api, cursor)[0] == []
    revision.publish()

    changes, _ = read_all(partner_api, cursor)
    assert {(c["type"], c["id"]) for c in changes} == {
        ("organisations", str(organisation.uuid)),
        ("services", str(page.uuid)),  # it shows the organisation's name
    }
    _all, _ = read_all(partner_api)
    assert ("clusters", str(cluster.uuid)) in {(c["type"], c["id"]) for c in _all}


def test_an_unpublished_organisation_leaves_and_its_services_are_told(sections, partner_api):
    organisation = OrganisationFactory(name="MAZE", live=False)
    organisation.save_revision().publish()
    organisation.refresh_from_db()
    page = publish(ServicePageFactory(parent=sections["council"], organisation=organisation))
    _changes, cursor = read_all(partner_api)

    organisation.unpublish()

    changes, _ = read_all(partner_api, cursor)
    assert {(c["action"], c["type"], c["id"]) for c in changes} == {
        ("delete", "organisations", str(organisation.uuid)),
        ("upsert", "services", str(page.uuid)),  # it no longer shows the organisation
    }
    service = partner_api.get(f"/api/v1/services/{page.uuid}/").json()
    assert service["organisation"] is None


def test_garbage_cursors_and_sizes_are_400(partner_api):
    for params, param in (
        ({"cursor": "garbage"}, "cursor"),
        ({"page_size": 0}, "page_size"),
        ({"page_size": 100000}, "page_size"),
        ({"since": "yesterday"}, "since"),
    ):
        response = partner_api.get(CHANGES, params)
        assert response.status_code == 400
        assert response.json()["errors"][0]["param"] == param


def test_changes_answer_304_when_nothing_changed(sections, partner_api):
    publish(ServicePageFactory(parent=sections["council"]))
    first = partner_api.get(CHANGES)
    assert partner_api.get(CHANGES, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_change_of_scope_brings_tombstones_and_upserts_to_that_partner_only(
    sections, make_partner, api_client_for
):
    north = publish(ServicePageFactory(parent=sections["council"], service_areas=["north-east"]))
    south = publish(ServicePageFactory(parent=sections["council"], service_areas=["south"]))
    partner = make_partner(scope_areas=["north-east"])
    api = api_client_for(partner)
    bystander = api_client_for(make_partner(name="Bystander"))
    first, cursor = read_all(api)
    assert {c["id"] for c in first if c["type"] == "services"} == {str(north.uuid)}
    _seen, bystander_cursor = read_all(bystander)

    partner.scope_areas = ["south"]
    partner.save()

    changes, cursor = read_all(api, cursor)
    assert sorted(summary(c for c in changes if c["type"] == "services")) == sorted(
        [("delete", str(north.uuid)), ("upsert", str(south.uuid))]
    )
    assert read_all(api, cursor)[0] == []
    assert read_all(bystander, bystander_cursor)[0] == []

    # Narrowing the scope to other types removes everything of this type too.
    partner.scope_types = ["guides"]
    partner.save()
    changes, _ = read_all(api, cursor)
    assert ("delete", str(south.uuid)) in summary(changes)


def test_a_section_unpublished_takes_its_content_with_it(sections, partner_api):
    first = publish(ServicePageFactory(parent=sections["council"], slug="first"))
    second = publish(ServicePageFactory(parent=sections["council"], slug="second"))
    elsewhere = publish(ServicePageFactory(parent=sections["health"], slug="elsewhere"))
    _changes, cursor = read_all(partner_api)

    sections["council"].unpublish()
    changes, cursor = read_all(partner_api, cursor)
    assert sorted(summary(changes)) == sorted(
        [("delete", str(first.uuid)), ("delete", str(second.uuid))]
    )
    assert partner_api.get(f"/api/v1/services/{first.uuid}/").status_code == 404

    publish(sections["council"])
    changes, cursor = read_all(partner_api, cursor)
    assert sorted(summary(changes)) == sorted(
        [("upsert", str(first.uuid)), ("upsert", str(second.uuid))]
    )
    # Republishing a section that was in view all along tells partners nothing.
    publish(sections["health"])
    publish(sections["council"])
    assert read_all(partner_api, cursor)[0] == []
    assert str(elsewhere.uuid) not in {c["id"] for c in changes}
