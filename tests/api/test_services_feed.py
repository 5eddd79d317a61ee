"""The /api/v1/ feed through HTTP: keys, scope, filters, payload, errors, caching."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from api.models import PartnerAPIKey
from directory.factories import (
    OrganisationFactory,
    ServiceContactFactory,
    ServiceLocationFactory,
    ServicePageFactory,
    TaxonomyTermFactory,
)
from tests.conftest import expire, publish

SERVICES = "/api/v1/services/"


@pytest.fixture
def terms(db):
    sensory = TaxonomyTermFactory(vocabulary="need", code="sensory", name="Sensory")
    return {
        "sensory": sensory,
        "hearing": TaxonomyTermFactory(
            vocabulary="need", code="hearing-impairment", name="Hearing", parent=sensory
        ),
        "autism": TaxonomyTermFactory(vocabulary="need", code="autism", name="Autism"),
        "learning": TaxonomyTermFactory(vocabulary="category", code="help-with-learning"),
        "young-people": TaxonomyTermFactory(vocabulary="audience", code="young-people"),
    }


def service(sections, *, terms=(), section="council", **fields):
    page = ServicePageFactory(parent=sections[section], **fields)
    page.terms.set(terms)
    return publish(page)


def ids(response):
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["results"]}


class TestKeys:
    def test_no_key_is_401_with_a_json_body(self, client, db):
        response = client.get(SERVICES)
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Api-Key"
        assert "Authorization: Api-Key" in response.json()["errors"][0]["message"]

    def test_a_wrong_key_is_401(self, client, make_partner):
        partner = make_partner()
        response = client.get(SERVICES, HTTP_AUTHORIZATION=f"Api-Key {partner.key}x")
        assert response.status_code == 401
        response = client.get(SERVICES, HTTP_AUTHORIZATION=f"Bearer {partner.key}")
        assert response.status_code == 401

    def test_revoking_a_key_or_deactivating_a_partner_refuses_the_next_request(
        self, make_partner, api_client_for
    ):
        partner = make_partner()
        api = api_client_for(partner)
        assert api.get(SERVICES).status_code == 200

        PartnerAPIKey.objects.filter(partner=partner).update(revoked=True)
        assert api.get(SERVICES).status_code == 401

        other = make_partner(name="Second")
        api = api_client_for(other)
        assert api.get(SERVICES).status_code == 200
        other.is_active = False
        other.save()
        assert api.get(SERVICES).status_code == 401

    def test_an_expired_key_is_refused(self, make_partner, api_client_for):
        partner = make_partner()
        api = api_client_for(partner)
        keys = PartnerAPIKey.objects.filter(partner=partner)
        keys.update(expiry_date=timezone.now() + timedelta(minutes=5))
        assert api.get(SERVICES).status_code == 200

        keys.update(expiry_date=timezone.now() - timedelta(seconds=1))
        response = api.get(SERVICES)
        assert response.status_code == 401
        assert "not valid" in response.json()["errors"][0]["message"]

    def test_keys_are_hashed_and_record_their_last_use(self, make_partner, api_client_for):
        partner = make_partner()
        key = PartnerAPIKey.objects.get(partner=partner)
        assert partner.key not in key.hashed_key
        assert key.last_used_at is None
        api_client_for(partner).get(SERVICES)
        key.refresh_from_db()
        assert key.last_used_at is not None


class TestScope:
    def test_types_terms_areas_and_locales(self, sections, terms, make_partner, api_client_for):
        hearing = service(sections, terms=[terms["hearing"]], service_areas=["north-east"])
        autism = service(sections, terms=[terms["autism"]], service_areas=["south"])

        sensory_partner = api_client_for(make_partner(name="Sensory", terms=[terms["sensory"]]))
        assert ids(sensory_partner.get(SERVICES)) == {str(hearing.uuid)}  # a term below counts
        assert sensory_partner.get(f"{SERVICES}{autism.uuid}/").status_code == 404
        assert sensory_partner.get(f"{SERVICES}{hearing.uuid}/").status_code == 200

        south = api_client_for(make_partner(name="South", scope_areas=["south"]))
        assert ids(south.get(SERVICES)) == {str(autism.uuid)}

        guides_only = api_client_for(make_partner(name="Guides", scope_types=["guides"]))
        assert guides_only.get(SERVICES).status_code == 403
        assert guides_only.get("/api/v1/guides/").status_code == 200

        polish_only = api_client_for(make_partner(name="Polish", scope_locales=["pl"]))
        assert ids(polish_only.get(SERVICES)) == set()
        assert polish_only.get(f"{SERVICES}{hearing.uuid}/").status_code == 404


class TestFilters:
    def test_term_audience_age_area_organisation_status(self, sections, terms, partner_api):
        ccg = OrganisationFactory(name="CCG")
        a = service(
            sections,
            terms=[terms["hearing"], terms["learning"]],
            min_age=0,
            max_age=5,
            service_areas=["north-east"],
            organisation=ccg,
        )
        b = service(
            sections,
            terms=[terms["autism"], terms["young-people"]],
            min_age=14,
            max_age=25,
            service_areas=["mid", "west"],
            status="temporarily closed",
        )

        assert ids(partner_api.get(SERVICES, {"term": "sensory"})) == {str(a.uuid)}
        assert ids(partner_api.get(f"{SERVICES}?term=sensory&term=help-with-learning")) == {
            str(a.uuid)
        }
        assert ids(partner_api.get(f"{SERVICES}?term=sensory&term=autism")) == set()
        assert ids(partner_api.get(SERVICES, {"term": str(terms["autism"].uuid)})) == {str(b.uuid)}
        assert ids(partner_api.get(SERVICES, {"audience": "young-people"})) == {str(b.uuid)}
        assert ids(partner_api.get(SERVICES, {"age": 5})) == {str(a.uuid)}
        assert ids(partner_api.get(SERVICES, {"age": 14})) == {str(b.uuid)}
        assert ids(partner_api.get(SERVICES, {"area": "west"})) == {str(b.uuid)}
        assert ids(partner_api.get(SERVICES, {"organisation": str(ccg.uuid)})) == {str(a.uuid)}
        assert ids(partner_api.get(SERVICES, {"status": "temporarily closed"})) == {str(b.uuid)}
        assert ids(partner_api.get(SERVICES, {"locale": "en"})) == {str(a.uuid), str(b.uuid)}

    def test_search_modified_after_and_ordering(self, sections, partner_api, clock):
        today = timezone.now()
        clock.move_to(today - timedelta(days=10))
        older = service(sections, title="Hydrotherapy pool", slug="pool")
        clock.move_to(today)
        newer = service(sections, title="Art club", slug="art")

        assert ids(partner_api.get(SERVICES, {"q": "hydrotherapy"})) == {str(older.uuid)}
        since = (timezone.now() - timedelta(days=1)).isoformat()
        assert ids(partner_api.get(SERVICES, {"modified_after": since})) == {str(newer.uuid)}
        titles = [
            i["title"] for i in partner_api.get(SERVICES, {"ordering": "title"}).json()["results"]
        ]
        assert titles == ["Art club", "Hydrotherapy pool"]
        first = partner_api.get(SERVICES, {"ordering": "-modified"}).json()["results"][0]
        assert first["id"] == str(newer.uuid)


class TestBadParameters:
    @pytest.mark.parametrize(
        ("query", "param"),
        [
            ("modified_after=yesterday", "modified_after"),
            ("modified_after=0353-06-18T04:46:35%2B16:24", "modified_after"),
            ("term=no-such-term", "term"),
            ("page=0", "page"),
            ("page=-1", "page"),
            ("page=two", "page"),
            ("page_size=10000", "page_size"),
            ("page_size=0", "page_size"),
            ("colour=blue", "colour"),
            ("age=40", "age"),
            ("age=old", "age"),
            ("area=atlantis", "area"),
            ("ordering=price", "ordering"),
            ("organisation=not-a-uuid", "organisation"),
            ("locale=fr", "locale"),
        ],
    )
    def test_bad_parameters_are_400_naming_the_parameter(self, partner_api, query, param):
        response = partner_api.get(f"{SERVICES}?{query}")
        assert response.status_code == 400
        assert [error["param"] for error in response.json()["errors"]] == [param]

    def test_a_page_past_the_end_is_404_not_500(self, partner_api):
        assert partner_api.get(f"{SERVICES}?page=99").status_code == 404

    def test_an_unknown_id_is_404(self, partner_api):
        response = partner_api.get(f"{SERVICES}00000000-0000-0000-0000-000000000000/")
        assert response.status_code == 404
        assert response.json()["errors"]


class TestPayload:
    def test_a_service_as_partners_receive_it(self, sections, terms, partner_api):
        icb = OrganisationFactory(name="NHS Suffolk and North East Essex ICB")
        ccg = OrganisationFactory(
            name="NHS North East Essex CCG", status="defunct", replaced_by=icb
        )
        guide_target = ServicePageFactory(parent=sections["council"], slug="target")
        page = ServicePageFactory(
            parent=sections["council"],
            organisation=ccg,
            description=(
                f'<p>See <a linktype="page" id="{guide_target.pk}">this</a>.</p>'
                '<script>alert("x")</script><p onclick="evil()">Hi</p>'
            ),
        )
        page.terms.set([terms["hearing"]])
        ServiceLocationFactory(page=page)
        ServiceContactFactory(page=page, name="Public team", email="team@example.org")
        ServiceContactFactory(page=page, name="Review contact", is_public=False)
        publish(page)

        item = partner_api.get(f"{SERVICES}{page.uuid}/").json()
        assert item["id"] == str(page.uuid)
        assert item["locale"] == "en"
        assert item["url"] == page.full_url
        assert item["attribution"]["source_url"] == page.full_url
        assert item["attribution"]["licence"] == "Open Government Licence v3.0"
        assert item["organisation"]["successor"] == {"id": str(icb.uuid), "name": icb.name}
        assert [c["name"] for c in item["contacts"]] == ["Public team"]
        assert "Review contact" not in str(item)
        assert item["locations"][0]["postcode"] == "CO1 1JB"
        assert item["terms"] == [
            {
                "id": str(terms["hearing"].uuid),
                "code": "hearing-impairment",
                "name": "Hearing",
                "vocabulary": "need",
            }
        ]
        assert f'<a href="{guide_target.full_url}">this</a>' in item["description"]
        assert "script" not in item["description"]
        assert "onclick" not in item["description"]
        assert item["last_modified"]
        assert item["next_review_due"]

    def test_translations_map_locales_to_ids(self, sections, partner_api):
        from wagtail_localize.operations import translate_object

        polish = Locale.objects.create(language_code="pl")
        for page in (sections["home"], sections["directory"], sections["council"]):
            translate_object(page, [polish])
            publish(page.get_translation(polish))
        page = service(sections)
        translate_object(page, [polish])
        translated = page.get_translation(polish)
        publish(translated)

        item = partner_api.get(f"{SERVICES}{page.uuid}/").json()
        assert item["translations"] == {"pl": str(translated.uuid)}
        polish_item = partner_api.get(f"{SERVICES}{translated.uuid}/").json()
        assert polish_item["locale"] == "pl"
        assert polish_item["translations"] == {"en": str(page.uuid)}


class TestNothingNonPublicLeaves:
    def test_drafts_unpublished_expired_restricted_and_scheduled(
        self, sections, partner_api, clock
    ):
        visible = service(sections, slug="visible", title="Visible")
        draft = ServicePageFactory(parent=sections["council"], slug="draft", live=False)
        unpublished = service(sections, slug="unpublished")
        unpublished.unpublish()
        expired = expire(service(sections, slug="expired"), clock)
        restricted = service(sections, slug="restricted")
        PageViewRestriction.objects.create(
            page=restricted, restriction_type="password", password="x"
        )
        scheduled = ServicePageFactory(parent=sections["council"], slug="scheduled", live=False)
        scheduled.save_revision(approved_go_live_at=timezone.now() + timedelta(days=1))
        # A live page with a newer draft: the draft's words must not leave.
        visible.title = "Secret draft title"
        visible.save_revision()

        listed = partner_api.get(SERVICES).json()["results"]
        assert [item["id"] for item in listed] == [str(visible.uuid)]
        assert listed[0]["title"] == "Visible"
        for hidden in (draft, unpublished, expired, restricted, scheduled):
            assert partner_api.get(f"{SERVICES}{hidden.uuid}/").status_code == 404
            assert ids(partner_api.get(SERVICES, {"q": hidden.title})) <= {str(visible.uuid)}
        assert (
            "Secret draft title" not in partner_api.get(SERVICES, {"q": "secret"}).content.decode()
        )


class TestHttpCaching:
    def test_etag_and_last_modified_answer_304_without_a_body(self, sections, partner_api):
        page = service(sections)
        first = partner_api.get(SERVICES)
        assert first["ETag"].startswith('"')
        assert first["Cache-Control"].startswith("public, max-age=60")
        assert "Authorization" in first["Vary"]

        again = partner_api.get(SERVICES, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304
        assert again.content == b""
        since = partner_api.get(SERVICES, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert since.status_code == 304

        page.title = "Changed"
        publish(page)
        changed = partner_api.get(SERVICES, HTTP_IF_NONE_MATCH=first["ETag"])
        assert changed.status_code == 200
        assert changed["ETag"] != first["ETag"]

    def test_items_are_served_from_the_cache_until_anything_is_published(
        self, sections, partner_api
    ):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        page = service(sections, title="First title")
        with CaptureQueriesContext(connection) as cold:
            partner_api.get(SERVICES)
        with CaptureQueriesContext(connection) as warm:
            assert partner_api.get(SERVICES).json()["results"][0]["title"] == "First title"
        assert len(warm) < len(cold)  # no item was rebuilt from the database
        assert len(warm) <= 2  # the key (with the content version), at most its last use

        page.title = "Second title"
        publish(page)
        assert partner_api.get(SERVICES).json()["results"][0]["title"] == "Second title"
        assert partner_api.get(f"{SERVICES}{page.uuid}/").json()["title"] == "Second title"

    def test_304_is_decided_without_serializing(
        self, sections, partner_api, django_assert_max_num_queries
    ):
        for n in range(5):
            service(sections, slug=f"s{n}")
        etag = partner_api.get(SERVICES)["ETag"]
        with django_assert_max_num_queries(2):  # the key, the content version
            assert partner_api.get(SERVICES, HTTP_IF_NONE_MATCH=etag).status_code == 304

    def test_queries_do_not_grow_with_page_size(
        self, sections, terms, partner_api, django_assert_max_num_queries
    ):
        for n in range(12):
            page = ServicePageFactory(parent=sections["council"], slug=f"s{n}")
            page.terms.set([terms["autism"]])
            ServiceLocationFactory(page=page)
            ServiceContactFactory(page=page)
            publish(page)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as small:
            assert len(partner_api.get(SERVICES, {"page_size": 2}).json()["results"]) == 2
        with django_assert_max_num_queries(len(small)):
            assert len(partner_api.get(SERVICES, {"page_size": 12}).json()["results"]) == 12


class TestRateLimits:
    def test_429_with_retry_after_per_key(self, make_partner, api_client_for):
        limits = {"partner_key": "3/minute", "client_ip": "100/minute"}
        with override_settings(API_RATE_LIMITS=limits):
            api = api_client_for(make_partner())
            statuses = [api.get(SERVICES).status_code for _ in range(4)]
            assert statuses == [200, 200, 200, 429]
            response = api.get(SERVICES)
            assert int(response["Retry-After"]) > 0
            assert response.json()["errors"][0]["message"]
            # Another key has its own budget.
            assert api_client_for(make_partner(name="Other")).get(SERVICES).status_code == 200

    def test_429_per_client_ip_across_keys(self, make_partner, api_client_for):
        limits = {"partner_key": "100/minute", "client_ip": "2/minute"}
        with override_settings(API_RATE_LIMITS=limits):
            first = api_client_for(make_partner(name="One"))
            second = api_client_for(make_partner(name="Two"))
            assert first.get(SERVICES).status_code == 200
            assert second.get(SERVICES).status_code == 200
            assert second.get(SERVICES).status_code == 429


def test_etags_differ_by_host_and_accept(sections, partner_api):
    service(sections)
    plain = partner_api.get(SERVICES)["ETag"]
    assert partner_api.get(SERVICES, HTTP_HOST="localhost")["ETag"] != plain
    assert partner_api.get(SERVICES, HTTP_ACCEPT="application/json")["ETag"] != plain
    assert partner_api.get(SERVICES)["ETag"] == plain
