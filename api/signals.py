"""Wagtail's publishing signals, fed into the change log.

Signals are the one place every path meets: the admin, scheduled publishing, the
demo loader and scripts all publish through Wagtail's actions.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from api.changes import record_changes
from api.models import ChangeLogEntry
from api.public import MODELS, PAGE_RESOURCES
from cms.visibility import public_pages
from directory.models import Organisation, TaxonomyTerm

UPSERT, DELETE = ChangeLogEntry.Action.UPSERT, ChangeLogEntry.Action.DELETE
Reason = ChangeLogEntry.Reason


def on_published(sender, instance, **kwargs):
    record_changes([instance.specific if isinstance(instance, Page) else instance])


def on_unpublished(sender, instance, **kwargs):
    record_changes(
        [instance.specific if isinstance(instance, Page) else instance], DELETE, Reason.UNPUBLISHED
    )


def on_deleted(sender, instance, **kwargs):
    record_changes([instance], DELETE, Reason.DELETED)


def on_moved(sender, instance, **kwargs):
    # New URLs for the page and everything below it.
    affected = instance.get_descendants(inclusive=True).live().specific()
    record_changes(
        [page for page in affected if type(page) in PAGE_RESOURCES.values()], reason=Reason.MOVED
    )


def on_snippet_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    # What partners hold of services and guides includes this organisation or term.
    dependants = []
    if isinstance(instance, Organisation):
        dependants = [*instance.services.live(), *instance.partner_pages.live()]
    elif isinstance(instance, TaxonomyTerm):
        dependants = [
            *instance.services.live(),
            *instance.guides_for_audience.live(),
            *instance.guides_on_topic.live(),
        ]
    record_changes([instance], reason=Reason.PUBLISHED)
    record_changes(dependants, reason=Reason.RELATED)


def on_view_restriction_changed(sender, instance, **kwargs):
    # The feed checks visibility when it is read; this tells partners to look again.
    # Logged as what it now is to partners: gone from public view, or back in it.
    affected = instance.page.get_descendants(inclusive=True).live().specific()
    affected = [page for page in affected if type(page) in PAGE_RESOURCES.values()]
    public = set(
        public_pages().filter(pk__in=[page.pk for page in affected]).values_list("pk", flat=True)
    )
    record_changes([page for page in affected if page.pk in public], UPSERT, Reason.RESTRICTED)
    record_changes([page for page in affected if page.pk not in public], DELETE, Reason.RESTRICTED)


def connect() -> None:
    for model in PAGE_RESOURCES.values():
        page_published.connect(on_published, sender=model)
        page_unpublished.connect(on_unpublished, sender=model)
    post_page_move.connect(on_moved)
    published.connect(on_published, sender=MODELS["clusters"])
    unpublished.connect(on_unpublished, sender=MODELS["clusters"])
    for model in MODELS.values():
        post_delete.connect(on_deleted, sender=model)
    for model in (Organisation, TaxonomyTerm):
        post_save.connect(on_snippet_saved, sender=model)
    post_save.connect(on_view_restriction_changed, sender=PageViewRestriction)
    post_delete.connect(on_view_restriction_changed, sender=PageViewRestriction)
