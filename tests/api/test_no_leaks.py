"""Nothing non-public leaves through any endpoint: lists, details, search, changes."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from directory.factories import (
    ClusterFactory,
    ClusterStaffFactory,
    PartnerPageFactory,
    ServiceContactFactory,
    ServicePageFactory,
)
from guides.factories import GuidePageFactory
from tests.conftest import publish

SECRET = "Zanzibarquokka"  # a word that must never appear in any response


def hidden_pages(sections):
    """One page of each type in each non-public state, each titled with the secret."""
    made = []
    factories = {
        "services": (ServicePageFactory, sections["council"]),
        "guides": (GuidePageFactory, sections["guides"]),
        "partners": (PartnerPageFactory, sections["directory"]),
    }
    for resource, (factory, parent) in factories.items():
        draft = factory(
            parent=parent, title=f"{SECRET} draft", slug=f"{resource}-draft", live=False
        )
        unpublished = publish(
            factory(parent=parent, title=f"{SECRET} gone", slug=f"{resource}-gone")
        )
        unpublished.unpublish()
        expired = publish(factory(parent=parent, title=f"{SECRET} old", slug=f"{resource}-old"))
        type(expired).objects.filter(pk=expired.pk).update(
            expire_at=timezone.now() - timedelta(minutes=5)
        )
        restricted = publish(
            factory(parent=parent, title=f"{SECRET} private", slug=f"{resource}-private")
        )
        PageViewRestriction.objects.create(
            page=restricted, restriction_type=PageViewRestriction.LOGIN
        )
        scheduled = factory(
            parent=parent, title=f"{SECRET} soon", slug=f"{resource}-soon", live=False
        )
        scheduled.save_revision(approved_go_live_at=timezone.now() + timedelta(days=2))
        live_with_draft = publish(
            factory(parent=parent, title="Public title", slug=f"{resource}-live")
        )
        live_with_draft.title = f"{SECRET} unpublished edit"
        live_with_draft.save_revision()
        made += [(resource, page) for page in (draft, unpublished, expired, restricted, scheduled)]
    return made


@pytest.fixture
def leaky_content(sections):
    pages = hidden_pages(sections)
    service = publish(ServicePageFactory(parent=sections["council"], slug="with-contacts"))
    ServiceContactFactory(page=service, name=f"{SECRET} internal", is_public=False)
    publish(service)
    draft_cluster = ClusterFactory(name=f"{SECRET} cluster", live=False)
    ClusterStaffFactory(cluster=draft_cluster)
    live_cluster = ClusterFactory(name="Public cluster", live=False)
    live_cluster.save_revision().publish()
    live_cluster.name = f"{SECRET} cluster edit"
    live_cluster.save_revision()
    return pages, draft_cluster


RESOURCES = ["services", "guides", "partners", "clusters", "organisations", "taxonomy-terms"]


@pytest.mark.parametrize("resource", RESOURCES)
def test_lists_and_searches_hold_nothing_non_public(leaky_content, partner_api, resource):
    for params in ({}, {"q": SECRET}, {"page_size": 100}):
        response = partner_api.get(f"/api/v1/{resource}/", params)
        assert response.status_code == 200
        assert SECRET not in response.content.decode()


def test_details_of_non_public_items_are_404(leaky_content, partner_api):
    pages, draft_cluster = leaky_content
    for resource, page in pages:
        response = partner_api.get(f"/api/v1/{resource}/{page.uuid}/")
        assert response.status_code == 404, (resource, page.title)
    assert partner_api.get(f"/api/v1/clusters/{draft_cluster.uuid}/").status_code == 404


def test_the_changes_feed_offers_nothing_non_public(leaky_content, partner_api):
    pages, draft_cluster = leaky_content
    body = partner_api.get("/api/v1/changes/", {"page_size": 500}).json()
    upserted = {change["id"] for change in body["results"] if change["action"] == "upsert"}
    for _resource, page in pages:
        assert str(page.uuid) not in upserted, page.title
    assert str(draft_cluster.uuid) not in upserted
    assert SECRET not in str(body)
