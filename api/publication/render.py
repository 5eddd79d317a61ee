"""Rendering an item's documents, as the writer stores them and an editor previews them.

The v1 document is made by the resource's own serializer, for a reader who may see
everything public; the parts that point to other items are then narrowed to each
reader's scope at read time (`api.publication.narrow`), so `links` records the facts of
whatever the document points to. Links are absolute on `settings.API_BASE_URL`, not on
whichever host a request came in by: a stored document is the same for everyone.
"""

from dataclasses import dataclass, field
from datetime import datetime
from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest
from rest_framework.request import Request
from wagtail.models import Page

from api.oruk import mapping as oruk_mapping
from api.oruk.querysets import source_language, with_service_details
from api.public import MODELS, PAGE_RESOURCES
from api.publication.models import facts_of
from api.scope import Scope
from cms.visibility import collections_read_once
from directory.models import TaxonomyTerm

# A scope with no limits: what a reader who may see everything public would get.
EVERYTHING = Scope(signature={"types": [], "terms": [], "areas": [], "locales": []})


@dataclass
class Rendered:
    """What the writer stores for one item."""

    resource: str
    source_pk: int
    object_id: str
    locale: str
    translation_key: str | None
    document: dict
    oruk: dict | None
    links: dict
    terms: list[str] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    organisation: str | None = None
    min_age: int | None = None
    max_age: int | None = None
    sort_key: str = ""
    title: str = ""
    expires_at: datetime | None = None

    def facts(self) -> dict:
        return facts_of(self)


class PublicationRequest(HttpRequest):
    """The request the serializers build absolute links from: the API's own base URL."""

    def __init__(self, base_url: str):
        super().__init__()
        parts = urlsplit(base_url)
        self._netloc, self._scheme_name = parts.netloc, parts.scheme or "https"
        self.path = self.path_info = "/"
        self.method = "GET"
        self.META = {"HTTP_HOST": self._netloc, "SERVER_NAME": parts.hostname or ""}

    def get_host(self):
        return self._netloc

    def _get_scheme(self):
        return self._scheme_name


def publication_request() -> Request:
    return Request(PublicationRequest(settings.API_BASE_URL))


class TermAncestry:
    """Every term's translation key with its ancestors' keys: one query per render."""

    def __init__(self):
        terms = {
            term.pk: term for term in TaxonomyTerm.objects.only("pk", "parent", "translation_key")
        }
        self.keys: dict[int, list[str]] = {}
        for pk in terms:
            keys, current, seen = set(), terms.get(pk), set()
            while current is not None and current.pk not in seen:
                seen.add(current.pk)
                keys.add(str(current.translation_key))
                current = terms.get(current.parent_id)
            self.keys[pk] = sorted(keys)

    def of(self, term_pks) -> list[str]:
        return sorted({key for pk in term_pks for key in self.keys.get(pk, [])})


def viewset_for(resource: str):
    from api.router import VIEWSETS  # the resources' views, by name

    return VIEWSETS[resource]


def serializer_view(resource: str, request: Request):
    """The resource's viewset, set up as if it served a reader who sees everything."""
    view = viewset_for(resource)()
    view.request, view.format_kwarg, view.kwargs, view.args = request, None, {}, ()
    view.action = "list"
    view.scope = EVERYTHING
    return view


def render(resource: str, pks) -> dict[int, Rendered]:
    """The documents of the public items among `pks` (source primary keys) of one
    resource: {pk: Rendered}. Items that are not public are simply absent."""
    with collections_read_once():  # one look at restricted collections for the batch
        return _render(resource, pks)


def _render(resource: str, pks) -> dict[int, Rendered]:
    pks = set(pks)
    if not pks:
        return {}
    request = publication_request()
    view = serializer_view(resource, request)
    instances = list(view.source_queryset().filter(pk__in=pks))
    if not instances:
        return {}
    documents = view.get_serializer(instances, many=True).data
    ancestry = TermAncestry()
    orukd = oruk_documents(resource, [instance.pk for instance in instances])
    expiries = expiries_of(resource, instances)
    made = {}
    for instance, document in zip(instances, documents, strict=True):
        document = dict(document)
        made[instance.pk] = Rendered(
            resource=resource,
            source_pk=instance.pk,
            object_id=str(instance.uuid),
            locale=(getattr(instance, "locale", None) and instance.locale.language_code) or "",
            translation_key=str(instance.translation_key)
            if getattr(instance, "translation_key", None)
            else None,
            document=document,
            oruk=orukd.get(instance.pk),
            links={},
            expires_at=expiries.get(instance.pk),
            **scope_columns(resource, instance, ancestry),
        )
    add_links(made.values())
    return made


def scope_columns(resource: str, instance, ancestry: TermAncestry) -> dict:
    columns: dict = {}
    if resource == "services":
        columns["terms"] = ancestry.of(term.pk for term in instance.terms.all())
        columns["areas"] = sorted(instance.service_areas)
        columns["min_age"], columns["max_age"] = instance.min_age, instance.max_age
    elif resource == "guides":
        terms = [*instance.audience.all(), *instance.topics.all()]
        columns["terms"] = ancestry.of(term.pk for term in terms)
        columns["min_age"], columns["max_age"] = instance.min_age, instance.max_age
    elif resource == "clusters":
        columns["areas"] = [instance.quadrant]
    organisation = getattr(instance, "organisation", None)
    if organisation is not None and resource != "organisations":
        columns["organisation"] = str(organisation.translation_key)
    if isinstance(instance, Page):
        columns["sort_key"], columns["title"] = instance.path, instance.title
    elif resource == "taxonomy-terms":
        columns["sort_key"] = f"{instance.vocabulary}:{instance.sort_order:05d}:{instance.name}"
        columns["title"] = instance.name
    else:
        columns["sort_key"] = columns["title"] = getattr(instance, "name", "")
    columns["sort_key"] = columns["sort_key"][:512]
    columns["title"] = columns["title"][:512]
    return columns


def expiries_of(resource: str, instances) -> dict[int, datetime]:
    """When each item leaves public view by its schedule: its own expiry, or the
    earliest of the sections above it (an expired section hides what is under it)."""
    expiries = {}
    if resource in PAGE_RESOURCES:
        ancestor_paths = {
            instance.path[:end]
            for instance in instances
            for end in range(Page.steplen, len(instance.path), Page.steplen)
        }
        section_expiry = dict(
            Page.objects.filter(path__in=ancestor_paths, expire_at__isnull=False).values_list(
                "path", "expire_at"
            )
        )
        for instance in instances:
            moments = [instance.expire_at] + [
                section_expiry.get(instance.path[:end])
                for end in range(Page.steplen, len(instance.path), Page.steplen)
            ]
            moments = [moment for moment in moments if moment is not None]
            if moments:
                expiries[instance.pk] = min(moments)
    else:
        for instance in instances:
            if getattr(instance, "expire_at", None) is not None:
                expiries[instance.pk] = instance.expire_at
    return expiries


def oruk_documents(resource: str, pks) -> dict[int, dict]:
    """ORUK records, for the source language's services and taxonomy terms."""
    if resource == "services":
        pages = with_service_details(MODELS["services"].objects).filter(
            pk__in=pks, locale__language_code=source_language()
        )
        return {page.pk: oruk_mapping.service(page, full=True) for page in pages}
    if resource == "taxonomy-terms":
        terms = (
            MODELS["taxonomy-terms"]
            .objects.filter(pk__in=pks, locale__language_code=source_language())
            .select_related("parent")
        )
        return {term.pk: oruk_mapping.taxonomy_term(term) for term in terms}
    return {}


# What a document points to, by where in it: narrowed per reader (api.publication.narrow).
def pointers(document: dict) -> list[tuple[list, list[str]]]:
    """[(path, ids)] of the places in a v1 document that list other items."""
    found = []
    if document.get("translations"):
        found.append((["translations"], list(document["translations"].values())))
    if document.get("related_guides"):
        found.append((["related_guides"], [link["id"] for link in document["related_guides"]]))
    if document["type"] == "partners" and document.get("services"):
        found.append((["services"], list(document["services"])))
    for index, block in enumerate(document.get("body") or []):
        if block.get("type") == "related_services" and block["value"].get("services"):
            ids = [link["id"] for link in block["value"]["services"]]
            found.append((["body", index, "value", "services"], ids))
    return found


def add_links(rendered) -> None:
    """Fill each item's `links`: where it points to other items, and those items'
    facts (with their expiry), looked up in a few queries for the whole batch."""
    places = {item.source_pk: pointers(item.document) for item in rendered}
    wanted = {str(target) for found in places.values() for _, ids in found for target in ids}
    facts = facts_of_ids(wanted)
    for item in rendered:
        found = places[item.source_pk]
        if found:
            targets = {str(target) for _, ids in found for target in ids}
            item.links = {
                "at": [path for path, _ in found],
                "facts": {target: facts[target] for target in sorted(targets) if target in facts},
            }


def facts_of_ids(ids: set[str]) -> dict[str, dict]:
    """Scope facts (and expiry) of the public items with these ids, whatever their type."""
    if not ids:
        return {}
    facts = {}
    ancestry = None
    for resource, model in MODELS.items():
        instances = model.objects.filter(uuid__in=ids)
        if hasattr(model, "locale"):
            instances = instances.select_related("locale")
        if resource in ("services", "partners"):
            instances = instances.select_related("organisation")  # scope_columns reads it
        if resource == "services":
            instances = instances.prefetch_related("terms")
        elif resource == "guides":
            instances = instances.prefetch_related("audience", "topics")
        instances = list(instances)
        if not instances:
            continue
        ancestry = ancestry or TermAncestry()
        expiries = expiries_of(resource, instances)
        for instance in instances:
            # The same facts as the item's own row has: from its scope columns.
            columns = scope_columns(resource, instance, ancestry)
            locale = getattr(instance, "locale", None)
            item = facts_of(
                SimpleNamespace(
                    resource=resource,
                    locale=locale.language_code if locale else "",
                    terms=columns.get("terms", []),
                    areas=columns.get("areas", []),
                )
            )
            expiry = expiries.get(instance.pk)
            item["expires"] = expiry.isoformat() if expiry else None
            facts[str(instance.uuid)] = item
    return facts
