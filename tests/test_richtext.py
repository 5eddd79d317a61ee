"""Rich text as partners receive it: every stored form of a link to something that may
not leave loses its address and keeps its text; links to public pages and documents
become absolute URLs."""

from datetime import timedelta

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient
from wagtail.images.models import Rendition
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail.rich_text import expand_db_html

from api.models import Partner, PartnerAPIKey
from api.publication.writer import publish as render_again
from api.publication.writer import refs_of
from cms.richtext import public_html
from directory.factories import DirectoryIndexPageFactory, ServicePageFactory
from directory.models import ServicePage
from tests.conftest import publish, published_with_expiry

# How a stored link to the target {id} may be written. Wagtail's editor writes the
# first; older content, imports and hand-edited HTML may hold the others.
LINK_FORMS = {
    "editor's order": '<a linktype="{type}" id="{id}">',
    "id first": '<a id="{id}" linktype="{type}">',
    "extra spaces": '<a  id="{id}"   linktype="{type}"  >',
    "new lines": '<a\nid="{id}"\n\tlinktype="{type}">',
    "extra attribute": '<a data-x="1" id="{id}" linktype="{type}">',
    "with an href": '<a href="/somewhere/" id="{id}" linktype="{type}">',
    "single quotes": "<a linktype='{type}' id='{id}'>",
    "uppercase names": '<A LINKTYPE="{type}" ID="{id}">',
    "mixed case names": '<a LinkType="{type}" Id="{id}">',
}
# The forms Wagtail's rewriter reads as links: a public target keeps its link in these.
EXPANDED_FORMS = ["editor's order", "id first", "extra spaces", "new lines", "extra attribute"]


def paragraph(form: str, linktype: str, target_id) -> str:
    opening = LINK_FORMS[form].format(type=linktype, id=target_id)
    return f"<p>Read {opening}the linked text</a> today.</p>"


@pytest.fixture
def targets(sections, clock):
    """Pages and documents in each state, each with a slug or file name that says it."""
    council = sections["council"]
    public = publish(ServicePageFactory(parent=council, slug="public-target"))
    draft = ServicePageFactory(parent=council, slug="secret-draft", live=False)
    unpublished = publish(ServicePageFactory(parent=council, slug="secret-unpublished"))
    unpublished.unpublish()
    expired = published_with_expiry(
        publish(ServicePageFactory(parent=council, slug="secret-expired"))
    )
    restricted = publish(ServicePageFactory(parent=council, slug="secret-restricted"))
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )
    hidden_section = DirectoryIndexPageFactory(parent=sections["directory"], slug="secret-section")
    under_hidden = publish(ServicePageFactory(parent=hidden_section, slug="secret-below"))
    hidden_section.unpublish()

    root = Collection.get_first_root_node()
    private = root.add_child(name="Safeguarding")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    private_child = private.add_child(name="Case files")
    clock.shift(timedelta(minutes=5))  # past the expiry
    return {
        "public page": public,
        "pages": {
            "draft": draft,
            "unpublished": unpublished,
            "expired": expired,
            "restricted": restricted,
            "under an unpublished section": under_hidden,
        },
        "public document": wagtail_factories.DocumentFactory(
            title="Leaflet", file__filename="public-leaflet.pdf"
        ),
        "documents": {
            "restricted collection": wagtail_factories.DocumentFactory(
                collection=private, file__filename="secret-minutes.pdf"
            ),
            "child of a restricted collection": wagtail_factories.DocumentFactory(
                collection=private_child, file__filename="secret-casefile.pdf"
            ),
        },
    }


def assert_unlinked(html: str, form: str):
    assert "secret" not in html, form
    assert "href" not in html, form
    assert "linktype" not in html, form
    assert "id=" not in html.lower(), form
    assert "the linked text" in html, form  # the text stays


# One test per target, each over every form: the fixture is the slow part.
@pytest.mark.parametrize(
    "state",
    ["draft", "unpublished", "expired", "restricted", "under an unpublished section"],
)
def test_no_form_of_link_reveals_a_page_that_is_not_public(targets, state):
    page = targets["pages"][state]
    for form in LINK_FORMS:
        assert_unlinked(public_html(paragraph(form, "page", page.pk)), form)


@pytest.mark.parametrize("where", ["restricted collection", "child of a restricted collection"])
def test_no_form_of_link_reveals_a_restricted_document(targets, where):
    document = targets["documents"][where]
    for form in LINK_FORMS:
        html = public_html(paragraph(form, "document", document.pk))
        assert_unlinked(html, form)
        assert f"/documents/{document.pk}/" not in html, form


@pytest.mark.parametrize("linktype", ["page", "document"])
def test_a_link_to_nothing_keeps_its_text(targets, linktype):
    for target_id in ["", "999999", "abc", "1 OR 1=1", "-3", "1.0", "²", "9" * 30]:
        html = public_html(paragraph("editor's order", linktype, target_id))
        assert_unlinked(html, target_id)
    html = public_html(f'<p><a linktype="{linktype}">the linked text</a></p>')
    assert_unlinked(html, "no id")


def test_public_pages_and_documents_keep_their_links_as_absolute_urls(targets):
    page, document = targets["public page"], targets["public document"]
    assert page.full_url.startswith("http://localhost/")
    for form in EXPANDED_FORMS:
        html = public_html(paragraph(form, "page", page.pk))
        assert f'<a href="{page.full_url}">the linked text</a>' in html, form
        html = public_html(paragraph(form, "document", document.pk))
        assert f'<a href="http://localhost{document.url}">the linked text</a>' in html, form


def test_an_unknown_linktype_loses_its_address(targets):
    html = public_html('<p><a linktype="custom" id="1" href="/x/">the linked text</a></p>')
    assert html == "<p><a>the linked text</a></p>"


def test_plain_links_are_kept_and_sanitised(targets):
    html = public_html(
        '<p><a href="https://example.org/a">one</a> <a href="mailto:a@example.org">two</a>'
        ' <a href="javascript:alert(1)">three</a></p>'
    )
    assert html == (
        '<p><a href="https://example.org/a">one</a> <a href="mailto:a@example.org">two</a>'
        " <a>three</a></p>"
    )


@pytest.mark.parametrize("where", ["restricted collection", "public collection"])
def test_image_embeds_are_dropped_and_no_rendition_is_made(sections, where):
    """The editor offers no images in rich text, but older content may hold embeds."""
    collection = Collection.get_first_root_node()
    if where == "restricted collection":
        collection = collection.add_child(name="Private photos")
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    image = wagtail_factories.ImageFactory(
        collection=collection, title="Secret photo", file__filename="secret-photo.png"
    )
    html = public_html(
        f'<p>Before</p><embed embedtype="image" id="{image.pk}" format="fullwidth" '
        'alt="Secret photo"/><p>After</p>'
        f'<embed alt="Secret photo" embedtype="image" format="left" id="{image.pk}"/>'
    )
    assert html == "<p>Before</p><p>After</p>"
    assert not Rendition.objects.filter(image=image).exists()


def test_links_of_a_text_cost_a_fixed_number_of_queries(targets):
    """However many links a text holds, it is checked in one go per link type."""
    pages = [targets["public page"], *targets["pages"].values()]
    documents = [targets["public document"], *targets["documents"].values()]

    def text(count: int) -> str:
        links = [
            paragraph("editor's order", "page", pages[i % len(pages)].pk) for i in range(count)
        ]
        links += [
            paragraph("id first", "document", documents[i % len(documents)].pk)
            for i in range(count)
        ]
        return "".join(links)

    public_html(text(1))  # the site's root paths are cached by Wagtail
    with CaptureQueriesContext(connection) as one:
        public_html(text(1))
    with CaptureQueriesContext(connection) as many:
        html = public_html(text(12))
    assert len(many) == len(one)
    assert html.count(targets["public page"].full_url) == 2  # links 0 and 6 of 12


def test_a_page_of_services_costs_the_same_queries_however_many_links(targets):
    """Rendering the documents (the writer, once per change) checks links per text and
    link type, never per link; and what the API then serves names no hidden target."""
    partner = Partner.objects.create(name="Essex Family Hub", contact_email="hub@example.org")
    _key, key = PartnerAPIKey.objects.create_key(name="Hub key", partner=partner)
    partner_api = APIClient(HTTP_AUTHORIZATION=f"Api-Key {key}")
    pages = [targets["public page"], *targets["pages"].values()]
    documents = [targets["public document"], *targets["documents"].values()]
    council = targets["public page"].get_parent()
    services = [
        publish(ServicePageFactory(parent=council, slug=f"with-links-{n}")) for n in range(5)
    ]

    def queries_with(links: int) -> int:
        html = "".join(
            paragraph("id first", "page", pages[i % len(pages)].pk)
            + paragraph("editor's order", "document", documents[i % len(documents)].pk)
            for i in range(links)
        )
        ServicePage.objects.filter(pk__in=[s.pk for s in services]).update(
            description=html, how_to_access=html
        )
        with CaptureQueriesContext(connection) as queries:
            render_again(refs_of(services), follow=False)
        response = partner_api.get("/api/v1/services/", {"page_size": 100})
        assert response.status_code == 200
        assert "the linked text" in response.content.decode()
        assert "secret" not in response.content.decode()
        return len(queries)

    queries_with(1)  # warm Wagtail's own caches (site root paths)
    assert queries_with(12) == queries_with(1)


def test_the_site_keeps_wagtails_own_link_handlers(targets):
    """Only partners' rich text is rewritten this way: the site's templates link to the
    restricted page, whose view asks for the password."""
    page = targets["pages"]["restricted"]
    html = expand_db_html(f'<a id="{page.pk}" linktype="page">the linked text</a>')
    assert html == f'<a href="{page.url}">the linked text</a>'
