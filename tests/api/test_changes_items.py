"""/api/v1/changes/ as a sync source: each upsert embeds the item as its `url` answers
it (narrowed to the reader's scope), `type=` picks resources, and an unchanged feed
polled with the latest cursor is a 304."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.factories import ServicePageFactory
from guides.factories import GuidePageFactory
from guides.models import RelatedGuide
from tests.conftest import publish

CHANGES = "/api/v1/changes/"


def changes(api, **params) -> dict:
    response = api.get(CHANGES, {"page_size": 500, **params})
    assert response.status_code == 200, response.content
    return response.json()


def test_each_upsert_embeds_the_item_as_its_url_answers_it(sections, partner_api):
    service = publish(ServicePageFactory(parent=sections["council"], slug="swimming"))
    gone = publish(ServicePageFactory(parent=sections["council"], slug="closed"))
    cursor = changes(partner_api)["next_cursor"]
    gone.unpublish()
    service.title = "Swimming, Saturdays"
    publish(service)

    body = changes(partner_api, cursor=cursor)
    by_id = {change["id"]: change for change in body["results"]}
    upsert, delete = by_id[str(service.uuid)], by_id[str(gone.uuid)]
    assert upsert["item"] == partner_api.get(upsert["url"]).json()
    assert upsert["item"]["title"] == "Swimming, Saturdays"
    assert upsert["version"] == upsert["item"]["version"] == 2
    assert delete["action"] == "delete"
    assert delete["item"] is None
    assert delete["url"] is None


def test_embedded_items_are_narrowed_to_the_readers_scope(sections, make_partner, api_client_for):
    """A guide listing a Polish guide as related: a partner with English only gets the
    guide without the pointer, in the feed as in its detail."""
    from wagtail.models import Locale

    polish, _ = Locale.objects.get_or_create(language_code="pl")
    polish_guide = publish(GuidePageFactory(parent=sections["guides"], slug="po-polsku"))
    type(polish_guide).objects.filter(pk=polish_guide.pk).update(locale=polish)
    polish_guide.refresh_from_db()
    publish(polish_guide)
    guide = GuidePageFactory(parent=sections["guides"], slug="in-english")
    guide.related_guides = [RelatedGuide(guide=polish_guide)]
    publish(guide)
    english = api_client_for(make_partner("English only", scope_locales=["en"]))
    everything = api_client_for(make_partner("Everything"))

    for api, related in ((english, []), (everything, [str(polish_guide.uuid)])):
        (change,) = [c for c in changes(api)["results"] if c["id"] == str(guide.uuid)]
        assert [link["id"] for link in change["item"]["related_guides"]] == related
        assert change["item"] == api.get(change["url"]).json()


def test_type_picks_the_resources(sections, partner_api):
    service = publish(ServicePageFactory(parent=sections["council"], slug="only-service"))
    guide = publish(GuidePageFactory(parent=sections["guides"], slug="only-guide"))

    assert {c["id"] for c in changes(partner_api, type="guides")["results"]} == {str(guide.uuid)}
    both = changes(partner_api, type="guides,services")["results"]
    assert {str(service.uuid), str(guide.uuid)} <= {c["id"] for c in both}
    assert {c["type"] for c in both} == {"guides", "services"}

    response = partner_api.get(CHANGES, {"type": "recipes"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["param"] == "type"


def test_polling_an_unchanged_feed_with_the_latest_cursor_is_a_304(sections, partner_api):
    publish(ServicePageFactory(parent=sections["council"], slug="steady"))
    cursor = changes(partner_api)["next_cursor"]
    first = partner_api.get(CHANGES, {"cursor": cursor})
    # The same position gives the same cursor: the poll's URL does not change.
    assert first.json()["next_cursor"] == cursor
    again = partner_api.get(CHANGES, {"cursor": cursor}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""

    publish(ServicePageFactory(parent=sections["council"], slug="news"))
    fresh = partner_api.get(CHANGES, {"cursor": cursor}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert fresh.status_code == 200
    assert [c["action"] for c in fresh.json()["results"]] == ["upsert"]


def test_a_page_of_changes_costs_the_same_queries_however_many_items(sections, partner_api):
    def queries_for(count: int) -> int:
        cursor = changes(partner_api)["next_cursor"]
        for number in range(count):
            publish(ServicePageFactory(parent=sections["council"], slug=f"batch-{count}-{number}"))
        with CaptureQueriesContext(connection) as queries:
            assert len(changes(partner_api, cursor=cursor)["results"]) == count
        return len(queries)

    assert queries_for(8) == queries_for(2)


def test_cursors_given_out_before_still_read(sections, partner_api):
    """Cursors were signed with a timestamp until the feed's cursors became stable."""
    from django.core import signing

    from api.feed import CURSOR_SALT

    publish(ServicePageFactory(parent=sections["council"], slug="older-cursor"))
    old = signing.dumps({"a": 0, "s": 0}, salt=CURSOR_SALT, compress=True)
    body = changes(partner_api, cursor=old)
    assert any(c["action"] == "upsert" for c in body["results"])
    assert partner_api.get(CHANGES, {"cursor": old + "x"}).status_code == 400


def test_start_now_gives_the_head_of_the_feed(sections, partner_api):
    """For a copy made another way (the lists): take the head first, then follow it."""
    publish(ServicePageFactory(parent=sections["council"], slug="already-copied"))
    head = changes(partner_api, start="now")
    assert head["results"] == []
    assert head["has_more"] is False

    later = publish(ServicePageFactory(parent=sections["council"], slug="after-the-head"))
    followed = changes(partner_api, cursor=head["next_cursor"])["results"]
    assert [(c["action"], c["id"]) for c in followed] == [("upsert", str(later.uuid))]

    for params in ({"start": "yesterday"}, {"start": "now", "cursor": head["next_cursor"]}):
        response = partner_api.get(CHANGES, params)
        assert response.status_code == 400
        assert response.json()["errors"][0]["param"] == "start"
