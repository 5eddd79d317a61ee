"""Rich text as partners receive it: sanitised HTML whose links are absolute URLs.

Links are expanded by Wagtail's own rewriter (the parser `expand_db_html` uses), with
link handlers that know the visibility rule: whatever form a stored link takes, the one
code that turns it into a URL first checks that its target may leave. A link to a page
that is not public, or to a document that is missing or in a restricted collection,
keeps its text and loses its address. The site's own templates, and the editor, keep
Wagtail's handlers: there, Wagtail's page and document views enforce restrictions.
"""

from urllib.parse import urljoin

import nh3
from django.conf import settings
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Page, Site
from wagtail.rich_text import LinkHandler
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter, MultiRuleRewriter

from cms.visibility import public_media, public_pages

ALLOWED_TAGS = {"p", "h2", "h3", "h4", "b", "strong", "i", "em", "a", "ul", "ol", "li", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Replaces the opening tag of a link that may not leave: not an allowed tag, so the
# sanitiser unwraps it, keeping the text (and drops the stray closing </a>).
UNLINKED = "<span>"


def site_root_url() -> str:
    """The public site's address, as Wagtail's page URLs use it (cached by Wagtail)."""
    root_paths = Site.get_site_root_paths()
    return root_paths[0].root_url if root_paths else settings.WAGTAILADMIN_BASE_URL


def absolute(url: str) -> str:
    return urljoin(site_root_url().rstrip("/") + "/", url)


def absolute_hrefs(tag: str, attribute: str, value: str) -> str | None:
    return absolute(value) if attribute == "href" else value


MAX_ID = 2**31 - 1  # Wagtail's pages and documents have integer keys


def linked_id(attrs: dict) -> int | None:
    """A link's target id; None where it is missing or could be no row's."""
    value = attrs.get("id", "")
    if not (value.isascii() and value.isdigit()) or int(value) > MAX_ID:
        return None
    return int(value)


def linked_ids(attrs_list: list[dict]) -> list[int | None]:
    return [linked_id(attrs) for attrs in attrs_list]


def opening_tag(url: str | None) -> str:
    return f'<a href="{escape(url)}">' if url else UNLINKED


class PublicPageLinkHandler(LinkHandler):
    """Page links to public pages only, in one query for all the links of a text.

    The URL is the linked page's own (not its translation in the reader's language,
    which would need a visibility check of its own)."""

    identifier = "page"

    @staticmethod
    def get_model():
        return Page

    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list[Page | None]:
        ids = linked_ids(attrs_list)
        pages = public_pages(Page).in_bulk({pk for pk in ids if pk is not None})
        return [pages.get(pk) for pk in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        return [opening_tag(page.url if page else None) for page in cls.get_many(attrs_list)]


class PublicDocumentLinkHandler(LinkHandler):
    """Document links to documents outside restricted collections only."""

    identifier = "document"

    @staticmethod
    def get_model():
        return get_document_model()

    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list:
        ids = linked_ids(attrs_list)
        documents = public_media(cls.get_model().objects.all()).in_bulk(
            {pk for pk in ids if pk is not None}
        )
        return [documents.get(pk) for pk in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        return [opening_tag(doc.url if doc else None) for doc in cls.get_many(attrs_list)]


# Links of any other linktype become bare <a> (Wagtail's rule for unknown types); plain
# href links (external, email, anchor) are left to the sanitiser. Embeds (images, media)
# are dropped unexpanded: partners' rich text has no images, so no rendition is made.
partner_rewriter = MultiRuleRewriter(
    [
        LinkRewriter(
            bulk_rules={
                "page": PublicPageLinkHandler.expand_db_attributes_many,
                "document": PublicDocumentLinkHandler.expand_db_attributes_many,
            }
        ),
        EmbedRewriter(),
    ]
)


def public_html(html: str) -> str:
    if not html:
        return ""
    return nh3.clean(
        partner_rewriter(html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=absolute_hrefs,
        link_rel=None,
    )
