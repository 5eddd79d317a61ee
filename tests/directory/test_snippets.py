from django.urls import reverse

from directory.factories import ClusterFactory, ClusterStaffFactory, OrganisationFactory
from directory.models import Cluster


def test_clusters_have_drafts_and_revisions(db):
    cluster = ClusterFactory(name="Colchester North", live=False)
    ClusterStaffFactory(cluster=cluster, email="ip.colchester@example.org")
    cluster.save_revision().publish()
    cluster.refresh_from_db()
    assert cluster.live

    cluster.name = "Colchester North and Rural"
    revision = cluster.save_revision()
    cluster = Cluster.objects.get(pk=cluster.pk)
    assert cluster.name == "Colchester North"  # the draft is not live yet
    assert cluster.has_unpublished_changes
    revision.publish()
    cluster.refresh_from_db()
    assert cluster.name == "Colchester North and Rural"
    assert cluster.revisions.count() == 2


def test_snippet_listings_search_and_filter(admin_client):
    OrganisationFactory(name="The MAZE Group", kind="voluntary")
    OrganisationFactory(name="NHS Suffolk and North East Essex ICB", kind="nhs")

    url = reverse("wagtailsnippets_directory_organisation:list")
    html = admin_client.get(url, {"q": "maze"}).content.decode()
    assert "The MAZE Group" in html
    assert "North East Essex ICB" not in html
    html = admin_client.get(url, {"kind": "nhs"}).content.decode()
    assert "North East Essex ICB" in html
    assert "The MAZE Group" not in html


def test_snippet_choosers_open(admin_client):
    OrganisationFactory(name="Colchester Parent Support")
    response = admin_client.get(reverse("wagtailsnippetchoosers_directory_organisation:choose"))
    assert response.status_code == 200
    assert "Colchester Parent Support" in response.json()["html"]
