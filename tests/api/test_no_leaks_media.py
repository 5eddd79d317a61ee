"""Nothing of an image or document in a restricted collection (or below one) leaves:
no title, file name, URL or rendition, through any v1 endpoint, ORUK or the change feed.
Their public counterparts still do."""

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient
from wagtail.images.models import Rendition
from wagtail.models import Collection, CollectionViewRestriction

from api.public import MODELS
from api.publication.writer import publish as render_again
from directory.factories import OrganisationFactory, PartnerPageFactory, ServicePageFactory
from guides.factories import GuidePageFactory
from tests.conftest import publish

SECRET = "quokka"  # in every restricted title and file name; never in a response
V1 = ["services", "guides", "partners", "organisations"]
ORUK = ["services", "organizations", "service_at_locations"]


def image(collection, name: str):
    return wagtail_factories.ImageFactory(
        collection=collection, title=f"{name} image", file__filename=f"{name}.png"
    )


def document(collection, name: str):
    return wagtail_factories.DocumentFactory(
        collection=collection, title=f"{name} document", file__filename=f"{name}.pdf"
    )


def body(picture, file, link_to):
    return [
        {
            "type": "paragraph",
            "value": f'<p>See <a id="{link_to.pk}" linktype="document">it</a></p>',
        },
        {"type": "image", "value": {"image": picture.pk, "alt_text": "", "caption": "A caption"}},
        {"type": "document", "value": {"document": file.pk, "title": ""}},
    ]


@pytest.fixture
def media(sections):
    root = Collection.get_first_root_node()
    public = root.add_child(name="Logos")
    restricted = root.add_child(name="Safeguarding")
    CollectionViewRestriction.objects.create(
        collection=restricted, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    below = restricted.add_child(name="Case files")  # restricted by its parent
    made = {
        "public image": image(public, "public-logo"),
        "public document": document(public, "public-leaflet"),
        "page logo": image(restricted, f"{SECRET}-page-logo"),
        "organisation logo": image(below, f"{SECRET}-organisation-logo"),
        "block image": image(below, f"{SECRET}-block"),
        "block document": document(restricted, f"{SECRET}-minutes"),
        "linked document": document(below, f"{SECRET}-casefile"),
    }

    secret_organisation = OrganisationFactory(
        name="Colchester Parents", logo=made["organisation logo"]
    )
    public_organisation = OrganisationFactory(name="Essex Carers", logo=made["public image"])
    made["pages"] = [
        # No logo of its own: the organisation's, which is restricted.
        publish(
            PartnerPageFactory(
                parent=sections["directory"],
                slug="falls-back",
                organisation=secret_organisation,
                body=body(made["block image"], made["block document"], made["linked document"]),
            )
        ),
        # Its own logo is restricted: no silent fallback to the organisation's.
        publish(
            PartnerPageFactory(
                parent=sections["directory"],
                slug="own-logo",
                organisation=public_organisation,
                logo=made["page logo"],
                body=body(made["public image"], made["public document"], made["public document"]),
            )
        ),
        publish(
            PartnerPageFactory(
                parent=sections["directory"],
                slug="shared-logo",
                organisation=public_organisation,
            )
        ),
        publish(
            GuidePageFactory(
                parent=sections["guides"],
                slug="guide",
                body=[
                    *body(made["block image"], made["block document"], made["linked document"]),
                    *body(made["public image"], made["public document"], made["public document"]),
                ],
            )
        ),
        publish(
            ServicePageFactory(
                parent=sections["council"],
                slug="service",
                organisation=secret_organisation,
                description=(
                    f'<p><a linktype="document" id="{made["linked document"].pk}">Minutes</a>'
                    f' and <a id="{made["public document"].pk}" linktype="document">leaflet</a></p>'
                ),
                how_to_access=(
                    f'<p><a linktype="document" id="{made["block document"].pk}">Form</a></p>'
                ),
            )
        ),
    ]
    return made


def v1_responses(partner_api):
    for resource in V1:
        listing = partner_api.get(f"/api/v1/{resource}/", {"page_size": 100})
        assert listing.status_code == 200, resource
        yield listing
        for item in listing.json()["results"]:
            yield partner_api.get(f"/api/v1/{resource}/{item['id']}/")
    yield partner_api.get("/api/v1/changes/", {"page_size": 500})


def oruk_responses():
    client = APIClient()
    for resource in ORUK:
        listing = client.get(f"/api/oruk/{resource}")
        assert listing.status_code == 200, resource
        yield listing
        for item in listing.json()["contents"]:
            yield client.get(f"/api/oruk/{resource}/{item['id']}")


def secret_urls(media) -> list[str]:
    documents = [media[name] for name in ("block document", "linked document")]
    return [f"/documents/{item.pk}/" for item in documents]


def test_no_endpoint_shows_a_restricted_image_or_document(media, partner_api):
    seen = ""
    for response in [*v1_responses(partner_api), *oruk_responses()]:
        assert response.status_code == 200, response.request["PATH_INFO"]
        text = response.content.decode()
        assert SECRET not in text.lower(), response.request["PATH_INFO"]
        for url in secret_urls(media):
            assert url not in text, response.request["PATH_INFO"]
        seen += text
    # The public image and document still show, in every place the restricted ones did not.
    assert "public-logo image" in seen
    assert "/media/images/public-logo" in seen
    assert f"/documents/{media['public document'].pk}/public-leaflet" in seen
    # Renditions of restricted images are never made for the API.
    restricted = [media[name] for name in ("page logo", "organisation logo", "block image")]
    assert not Rendition.objects.filter(image__in=restricted).exists()
    assert Rendition.objects.filter(image=media["public image"]).exists()


def test_a_restricted_logo_is_null_and_does_not_fall_back(media, partner_api, settings):
    falls_back, own_logo, public_logo = media["pages"][:3]
    items = {item["id"]: item for item in partner_api.get("/api/v1/partners/").json()["results"]}
    assert items[str(falls_back.uuid)]["logo"] is None
    assert items[str(own_logo.uuid)]["logo"] is None  # not the organisation's public logo
    logo = items[str(public_logo.uuid)]["logo"]
    assert logo["title"] == "public-logo image"
    assert logo["renditions"]["medium"]["url"].startswith(
        f"{settings.WAGTAILADMIN_BASE_URL}/media/images/public-logo"
    )


def test_restricted_image_and_document_blocks_are_left_out(media, partner_api):
    guide = media["pages"][3]
    item = partner_api.get(f"/api/v1/guides/{guide.uuid}/").json()
    assert [block["type"] for block in item["body"]] == [
        "paragraph",  # the restricted document's link, unlinked
        "paragraph",
        "image",
        "document",
    ]
    assert item["body"][0]["value"] == "<p>See it</p>"
    assert item["body"][2]["value"]["image"]["title"] == "public-logo image"
    assert item["body"][3]["value"]["title"] == "public-leaflet document"


def test_rich_text_document_links_lose_only_restricted_addresses(media, partner_api):
    service = media["pages"][4]
    item = partner_api.get(f"/api/v1/services/{service.uuid}/").json()
    leaflet = media["public document"]
    assert item["description"] == (
        f'<p>Minutes and <a href="http://localhost{leaflet.url}">leaflet</a></p>'
    )
    assert item["how_to_access"] == "<p>Form</p>"
    oruk = APIClient().get(f"/api/oruk/services/{service.uuid}").json()
    assert f'<a href="http://localhost{leaflet.url}">leaflet</a>' in oruk["description"]
    assert "Minutes" in oruk["description"]
    assert oruk["application_process"] == "<p>Form</p>"


def test_a_batch_of_documents_reads_the_restrictions_once(media, sections, partner_api):
    organisation = OrganisationFactory(logo=media["organisation logo"])
    for number in range(6):
        publish(
            PartnerPageFactory(
                parent=sections["directory"], slug=f"more-{number}", organisation=organisation
            )
        )
        publish(
            ServicePageFactory(
                parent=sections["council"],
                slug=f"more-{number}",
                description=media["pages"][4].description,
            )
        )

    def restriction_reads(queries) -> int:
        return len([q for q in queries if "wagtailcore_collectionviewrestriction" in q["sql"]])

    for resource in ("partners", "services", "guides"):
        # Rendering a batch of documents (the writer) reads them once...
        pages = MODELS[resource].objects.live().values_list("pk", flat=True)
        with CaptureQueriesContext(connection) as queries:
            render_again({(resource, pk) for pk in pages}, follow=False)
        assert restriction_reads(queries) == 1, resource
        # ...and reading the stored documents, not at all.
        with CaptureQueriesContext(connection) as queries:
            assert partner_api.get(f"/api/v1/{resource}/").status_code == 200
        assert restriction_reads(queries) == 0, resource


def changes_since(partner_api, cursor):
    return partner_api.get("/api/v1/changes/", {"cursor": cursor}).json()["results"]


def test_restricting_a_collection_takes_its_files_out_at_once(media, partner_api):
    """Cached items and partners' copies are told: every item showing a file of the
    newly restricted collection (or one below it) is announced again, without it."""
    public_logo_page, guide = media["pages"][2], media["pages"][3]
    cursor = partner_api.get("/api/v1/changes/", {"page_size": 500}).json()["next_cursor"]
    assert "public-logo image" in partner_api.get("/api/v1/partners/").content.decode()

    parent = media["public image"].collection.get_parent()
    CollectionViewRestriction.objects.create(
        collection=parent, restriction_type=CollectionViewRestriction.LOGIN
    )  # the root collection: every file is now restricted

    for resource in ("partners", "guides"):
        text = partner_api.get(f"/api/v1/{resource}/").content.decode()
        assert "public-logo image" not in text
        assert "/media/images/" not in text
        assert "public-leaflet" not in text
    announced = {change["id"] for change in changes_since(partner_api, cursor)}
    assert {str(public_logo_page.uuid), str(guide.uuid)} <= announced


def test_moving_a_file_into_a_restricted_collection_takes_it_out(media, partner_api):
    service = media["pages"][4]
    cursor = partner_api.get("/api/v1/changes/", {"page_size": 500}).json()["next_cursor"]
    assert "leaflet" in partner_api.get(f"/api/v1/services/{service.uuid}/").json()["description"]

    leaflet = media["public document"]
    leaflet.collection = media["block document"].collection
    leaflet.save()

    description = partner_api.get(f"/api/v1/services/{service.uuid}/").json()["description"]
    assert description == "<p>Minutes and leaflet</p>"
    assert str(service.uuid) in {change["id"] for change in changes_since(partner_api, cursor)}


def test_serving_a_file_announces_nothing(media, partner_api):
    """Wagtail stores a file's size as it first reads it: not a change partners see."""
    cursor = partner_api.get("/api/v1/changes/", {"page_size": 500}).json()["next_cursor"]
    leaflet = media["public document"]
    type(leaflet).objects.filter(pk=leaflet.pk).update(file_size=None)
    leaflet.refresh_from_db()
    leaflet.get_file_size()
    assert changes_since(partner_api, cursor) == []


def test_restricting_a_collection_deletes_the_renditions_partners_were_given(
    media, partner_api, django_capture_on_commit_callbacks
):
    """A rendition URL handed out while the image was public stops working: the web
    server that serves renditions no longer finds the file."""
    image = media["public image"]
    partner_api.get("/api/v1/partners/")
    files = [rendition.file for rendition in Rendition.objects.filter(image=image)]
    assert files
    assert all(file.storage.exists(file.name) for file in files)

    with django_capture_on_commit_callbacks(execute=True):
        CollectionViewRestriction.objects.create(
            collection=image.collection, restriction_type=CollectionViewRestriction.LOGIN
        )

    assert not Rendition.objects.filter(image=image).exists()
    assert not any(file.storage.exists(file.name) for file in files)


def test_moving_an_image_into_a_restricted_collection_deletes_its_renditions(
    media, partner_api, django_capture_on_commit_callbacks
):
    image = media["public image"]
    partner_api.get("/api/v1/partners/")
    assert Rendition.objects.filter(image=image).exists()
    image.collection = media["page logo"].collection
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    assert not Rendition.objects.filter(image=image).exists()
    assert "public-logo image" not in partner_api.get("/api/v1/partners/").content.decode()


def test_the_sites_own_pages_show_no_restricted_image(media, client):
    """Pages render for previews and as a fallback site. Wagtail's document view guards
    restricted documents there; nothing would guard an image's rendition."""
    seen = ""
    for page in media["pages"][:4]:
        response = client.get(page.url)
        assert response.status_code == 200, page.slug
        text = response.content.decode()
        for name in ("page-logo", "organisation-logo", "block"):
            assert f"{SECRET}-{name}" not in text, page.slug
        seen += text
    assert "/media/images/public-logo" in seen
    restricted = [media[name] for name in ("page logo", "organisation logo", "block image")]
    assert not Rendition.objects.filter(image__in=restricted).exists()
    secret_file = media["linked document"]
    response = client.get(secret_file.url)
    assert not response.streaming  # not the file: Wagtail's password form
    assert 'name="password"' in response.content.decode()
    assert client.get(media["public document"].url).streaming


def test_moving_a_collection_under_a_restricted_one_takes_its_files_out(
    media, partner_api, admin_client, django_capture_on_commit_callbacks
):
    """Wagtail's admin moves a collection after saving it: what is below it is
    looked at once the move has committed."""
    image, shared_logo_page = media["public image"], media["pages"][2]
    cursor = partner_api.get("/api/v1/changes/", {"page_size": 500}).json()["next_cursor"]
    assert "public-logo image" in partner_api.get("/api/v1/partners/").content.decode()
    assert Rendition.objects.filter(image=image).exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailadmin_collections:edit", args=[image.collection_id]),
            {"name": "Logos", "parent": media["page logo"].collection_id},
        )
    assert response.status_code == 302

    assert "public-logo image" not in partner_api.get("/api/v1/partners/").content.decode()
    assert not Rendition.objects.filter(image=image).exists()
    announced = {change["id"] for change in changes_since(partner_api, cursor)}
    assert str(shared_logo_page.uuid) in announced
