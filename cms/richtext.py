"""Rich text as partners receive it: sanitised HTML whose links are absolute URLs."""

import re
from urllib.parse import urljoin

import nh3
from django.conf import settings
from wagtail.models import Page, Site
from wagtail.rich_text import expand_db_html

from cms.visibility import public_pages

ALLOWED_TAGS = {"p", "h2", "h3", "h4", "b", "strong", "i", "em", "a", "ul", "ol", "li", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
PAGE_LINK = re.compile(r'<a linktype="page" id="(\d+)">')


def site_root_url() -> str:
    """The public site's address, as Wagtail's page URLs use it (cached by Wagtail)."""
    root_paths = Site.get_site_root_paths()
    return root_paths[0].root_url if root_paths else settings.WAGTAILADMIN_BASE_URL


def absolute(url: str) -> str:
    return urljoin(site_root_url().rstrip("/") + "/", url)


def absolute_hrefs(tag: str, attribute: str, value: str) -> str | None:
    return absolute(value) if attribute == "href" else value


def unlink_hidden_pages(html: str) -> str:
    """Links to pages that are not public would point partners at nothing (or at
    something they must not see): keep their text, drop the link."""
    ids = {int(page_id) for page_id in PAGE_LINK.findall(html)}
    if not ids:
        return html
    visible = set(public_pages(Page).filter(pk__in=ids).values_list("pk", flat=True))
    return PAGE_LINK.sub(
        lambda match: match.group(0) if int(match.group(1)) in visible else "<span>", html
    )


def public_html(html: str) -> str:
    if not html:
        return ""
    expanded = expand_db_html(unlink_hidden_pages(html))
    return nh3.clean(
        expanded,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=absolute_hrefs,
        link_rel=None,
    )
