"""What else must be rendered again when items change.

A stored document embeds or points to other items: its translations, related guides and
services, an organisation, terms. When one of those changes, appears or goes, the
documents that show it are stale. Wagtail's reference index finds what links to a page
(rich-text links, foreign keys, StreamField choosers); the store itself knows the rest,
including what the index cannot see (services made in bulk, a term's descendants through
the ancestors in each row's terms, translations that are not links at all).
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, ReferenceIndex

from api.public import PAGE_RESOURCES
from api.publication.models import PublishedDocument
from api.scope import json_list_contains

RESOURCE_OF_PAGE_MODEL = {model: resource for resource, model in PAGE_RESOURCES.items()}


def dependants_of(changes) -> set[tuple[str, int]]:
    """(resource, source pk) of the stored documents that show any of `changes` (each
    a `Change`: the item, its row before and its rendering after)."""
    ids, translation_keys, organisations, term_keys = set(), set(), set(), set()
    page_pks, changed_pages = set(), set()
    for change in changes:
        for state in (change.before, change.after):
            if state is None:
                continue
            ids.add(str(state.object_id))
            if state.translation_key:
                translation_keys.add(str(state.translation_key))
        if change.resource == "organisations":
            organisations |= {str(s.translation_key) for s in change.states() if s.translation_key}
        elif change.resource == "taxonomy-terms":
            term_keys |= {str(s.translation_key) for s in change.states() if s.translation_key}
        elif change.resource == "services":
            # A partner page lists its organisation's services.
            organisations_of = {s.organisation for s in change.states() if s.organisation}
            partner_pages = PublishedDocument.objects.filter(
                resource="partners", organisation__in=organisations_of
            )
            page_pks |= set(partner_pages.values_list("source_pk", flat=True))
        if change.resource in PAGE_RESOURCES:
            changed_pages.add(change.source_pk)
    page_pks |= referring_pages(changed_pages)
    stored = Q(links__facts__has_any_keys=sorted(ids)) if ids else Q(pk__in=[])
    if translation_keys:
        stored |= Q(translation_key__in=translation_keys)
    if organisations:
        stored |= Q(organisation__in=organisations, resource__in=["services", "partners"])
    for key in term_keys:
        stored |= json_list_contains("terms", key)
    found = set(PublishedDocument.objects.filter(stored).values_list("resource", "source_pk"))
    found |= pages_by_resource(page_pks)
    found |= live_pages_showing(changes)
    changed = {(change.resource, change.source_pk) for change in changes}
    return found - changed


def live_pages_showing(changes) -> set[tuple[str, int]]:
    """Live pages that show a changed organisation or term, found by their own relations:
    a page made live without publishing (in bulk, or before the store) has no row for
    the store's columns to find, and is rendered (stored, if public) all the same."""
    organisations = {c.source_pk for c in changes if c.resource == "organisations"}
    terms = {c.source_pk for c in changes if c.resource == "taxonomy-terms"}
    found = set()
    if organisations:
        for resource in ("services", "partners"):
            pages = PAGE_RESOURCES[resource].objects.live().filter(organisation__in=organisations)
            found |= {(resource, pk) for pk in pages.values_list("pk", flat=True)}
    if terms:
        services = PAGE_RESOURCES["services"].objects.live().filter(terms__in=terms)
        guides = (
            PAGE_RESOURCES["guides"]
            .objects.live()
            .filter(Q(audience__in=terms) | Q(topics__in=terms))
        )
        found |= {("services", pk) for pk in services.values_list("pk", flat=True)}
        found |= {("guides", pk) for pk in guides.values_list("pk", flat=True)}
    return found


def referring_pages(page_pks) -> set[int]:
    """Pages whose content refers to these pages, by Wagtail's reference index."""
    if not page_pks:
        return set()
    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.objects.filter(
        to_content_type=page_type,
        to_object_id__in=[str(pk) for pk in page_pks],
        base_content_type=page_type,
    )
    return {int(object_id) for object_id in references.values_list("object_id", flat=True)}


def pages_by_resource(page_pks) -> set[tuple[str, int]]:
    if not page_pks:
        return set()
    found = set()
    types = {
        ContentType.objects.get_for_model(model).pk: resource
        for model, resource in RESOURCE_OF_PAGE_MODEL.items()
    }
    for pk, content_type in Page.objects.filter(pk__in=page_pks).values_list("pk", "content_type"):
        if content_type in types:
            found.add((types[content_type], pk))
    return found
