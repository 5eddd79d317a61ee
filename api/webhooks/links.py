"""Where a partner finds an item that a webhook announces: its `url` and its `api_url`.

`url` is the item's own `url` as /api/v1/ gives it: a page's public address, or for a
snippet (which has no page of its own) its v1 detail URL. `api_url` is always the v1
detail URL, on `API_BASE_URL`. Both are worked out as a batch of the change log is
dispatched, from the items as they are then, with a fixed number of queries per batch
whatever its size. (When the payloads come from the stored documents, `url` is the
document's own and only `api_url` is built here.)
"""

from dataclasses import dataclass
from types import SimpleNamespace
from uuid import UUID

from django.conf import settings
from django.urls import reverse

from api.public import PAGE_RESOURCES, public_queryset


@dataclass(frozen=True)
class Links:
    url: str | None
    api_url: str


def api_url(resource: str, object_id) -> str:
    path = reverse(f"api:{resource}-detail", kwargs={"id": object_id})
    return settings.API_BASE_URL.rstrip("/") + path


def public_links(ids_by_resource: dict[str, set]) -> dict[UUID, Links]:
    """The links of those of the given items (uuids, by resource) that are public now:
    an item missing from the answer is not public. One query per resource (and
    Wagtail's site root paths, once)."""
    # Wagtail keeps the site root paths it looks up on the object given as the request.
    site_paths_cache = SimpleNamespace()
    links = {}
    for resource, ids in ids_by_resource.items():
        if not ids:
            continue
        found = public_queryset(resource).filter(uuid__in=ids)
        if resource in PAGE_RESOURCES:
            for page in found.only("uuid", "url_path"):
                links[page.uuid] = Links(
                    url=page.get_full_url(site_paths_cache) or None,
                    api_url=api_url(resource, page.uuid),
                )
        else:
            for object_id in found.values_list("uuid", flat=True):
                detail = api_url(resource, object_id)
                links[object_id] = Links(url=detail, api_url=detail)
    return links
