"""Wagtail's publishing signals, fed into the publication outbox: what must be rendered
again, and why (the writer, `api.publication.writer`, stores and logs what changed).

Signals are the one place every path meets: the admin, scheduled publishing, the
demo loader and scripts all publish through Wagtail's actions.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    ReferenceIndex,
)
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from api.models import Partner
from api.public import MODELS, PAGE_RESOURCES
from api.publication.outbox import pending
from cms.visibility import public_pages
from directory.models import Organisation, PartnerPage, TaxonomyTerm


def on_published(sender, instance, **kwargs):
    pending([instance], "published")


def being_deleted(page) -> bool:
    """Wagtail unpublishes a live page it is about to delete without saving it
    (`pre_delete_page_unpublish`): its row is still live. The deletion that follows is
    what partners hear of, once."""
    return Page.objects.filter(pk=page.pk, live=True).exists()


def on_unpublished(sender, instance, **kwargs):
    if isinstance(instance, Page) and being_deleted(instance):
        return
    pending([instance], "unpublished")


def on_deleted(sender, instance, **kwargs):
    pending([instance], "deleted")


def on_moved(sender, instance, **kwargs):
    # New URLs for the page and everything below it, perhaps a new visibility.
    pending(instance.get_descendants(inclusive=True), "moved")


def on_snippet_saved(sender, instance, raw=False, **kwargs):
    # A term is live when saved; an organisation when published (its drafts are
    # revisions, and saving one changes nothing partners see). The writer finds the
    # documents that show it.
    if not raw:
        pending([instance], "published")


def on_snippet_unpublished(sender, instance, **kwargs):
    pending([instance], "unpublished")


def on_view_restriction_changed(sender, instance, origin=None, **kwargs):
    # A restriction deleted along with pages (treebeard deletes through a queryset)
    # changes nothing for partners: the pages' deletion is logged.
    deleting_pages = isinstance(origin, Page) or (
        isinstance(origin, QuerySet) and issubclass(origin.model, Page)
    )
    if not deleting_pages:
        pending(instance.page.get_descendants(inclusive=True), "restricted")


def on_section_published(sender, instance, **kwargs):
    # A section (home, directory or guides index) back in view brings back what is under
    # it, and its schedule bounds what is under it (an expiry above an item is the
    # item's): rendered again on every publish of a section, which is rare. The writer
    # logs only what changed, so a section merely republished tells partners nothing.
    if type(instance) not in PAGE_RESOURCES.values():
        pending(instance.get_descendants(), "published")


def on_section_unpublished(sender, instance, **kwargs):
    # Everything under an unpublished section leaves public view with it (and when the
    # section is being deleted, each page under it is logged as deleted instead).
    if type(instance) not in PAGE_RESOURCES.values() and not being_deleted(instance):
        pending(instance.get_descendants(), "unpublished")


def items_showing(references) -> list:
    """The public items that show an image or document of these references (Wagtail's
    reference index): the pages that use it, and partner pages that show the logo of an
    organisation that uses it."""
    page_ids, organisation_ids = set(), set()
    page_type, organisation_type = (
        ContentType.objects.get_for_model(model) for model in (Page, Organisation)
    )
    for content_type_id, object_id in references.values_list("base_content_type", "object_id"):
        if content_type_id == page_type.pk:
            page_ids.add(object_id)
        elif content_type_id == organisation_type.pk:
            organisation_ids.add(object_id)
    pages = public_pages().filter(pk__in=page_ids).specific()
    partner_pages = public_pages(PartnerPage).filter(organisation__in=organisation_ids)
    return [
        *(page for page in pages if type(page) in PAGE_RESOURCES.values()),
        *partner_pages.exclude(pk__in=page_ids),
    ]


def announce_files_below(collection_id: int) -> None:
    """Partners must drop (or may now show) every file in and below the collection."""
    collection = Collection.objects.filter(pk=collection_id).first()
    if collection is None:
        return
    collections = collection.get_descendants(inclusive=True)
    items = {}
    for model in (get_image_model(), get_document_model()):
        references = ReferenceIndex.get_references_to_in_bulk(
            model.objects.filter(collection__in=collections)
        )
        items |= {item.pk: item for item in items_showing(references)}
    pending(items.values(), "restricted")


def on_collection_restriction_changed(sender, instance, **kwargs):
    announce_files_below(instance.collection_id)


def on_collection_saved(sender, instance, created=False, raw=False, **kwargs):
    # Wagtail's admin moves a collection (perhaps under a restricted one) after saving
    # it, in the same transaction: look once it has committed.
    if not (created or raw):
        transaction.on_commit(lambda: announce_files_below(instance.pk))


# What partners see of a file: its title, its address, whether its collection is public.
SHOWN_MEDIA_FIELDS = {"title", "file", "collection"}


def on_media_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    # Wagtail saves sizes and hashes as it serves files: those change nothing shown.
    if created or raw or (update_fields and SHOWN_MEDIA_FIELDS.isdisjoint(update_fields)):
        return
    references = ReferenceIndex.get_references_to_in_bulk([instance])
    pending(items_showing(references), "related")


def on_scope_terms_changed(sender, instance, action, reverse, **kwargs):
    # A partner's scope is part of its answers' validators (see api.resources.base):
    # changing its terms, a relation apart from its row, is a change of the partner.
    if not reverse and action in ("post_add", "post_remove", "post_clear"):
        type(instance).objects.filter(pk=instance.pk).update(updated_at=timezone.now())


def connect() -> None:
    for model in PAGE_RESOURCES.values():
        page_published.connect(on_published, sender=model)
        page_unpublished.connect(on_unpublished, sender=model)
    page_published.connect(on_section_published)
    page_unpublished.connect(on_section_unpublished)
    post_page_move.connect(on_moved)
    published.connect(on_published, sender=MODELS["clusters"])
    unpublished.connect(on_unpublished, sender=MODELS["clusters"])
    for model in MODELS.values():
        post_delete.connect(on_deleted, sender=model)
    post_save.connect(on_snippet_saved, sender=TaxonomyTerm)
    published.connect(on_snippet_saved, sender=Organisation)
    unpublished.connect(on_snippet_unpublished, sender=Organisation)
    post_save.connect(on_view_restriction_changed, sender=PageViewRestriction)
    post_delete.connect(on_view_restriction_changed, sender=PageViewRestriction)
    post_save.connect(on_collection_restriction_changed, sender=CollectionViewRestriction)
    post_delete.connect(on_collection_restriction_changed, sender=CollectionViewRestriction)
    post_save.connect(on_collection_saved, sender=Collection)
    for model in (get_image_model(), get_document_model()):
        post_save.connect(on_media_saved, sender=model)
    m2m_changed.connect(on_scope_terms_changed, sender=Partner.scope_terms.through)
