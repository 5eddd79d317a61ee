"""What is public: the one rule every way out (API, feeds, webhooks) applies."""

from contextlib import contextmanager

from asgiref.local import Local
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, DraftStateMixin, Page


def within_schedule(now) -> Q:
    """Gone live (no go-live date still to come) and not yet expired."""
    return (Q(go_live_at__isnull=True) | Q(go_live_at__lte=now)) & (
        Q(expire_at__isnull=True) | Q(expire_at__gt=now)
    )


def public_pages(model=Page):
    """Live, unexpired pages with no view restriction, under live, unexpired sections only.

    The page row holds the published version: drafts and future scheduled
    revisions live in revisions, never here.
    """
    now = timezone.now()
    queryset = model.objects.live().public().filter(within_schedule(now))
    # An expired section is still live until the scheduler unpublishes it.
    hidden_sections = Page.objects.filter(
        Q(live=False) | Q(expire_at__lte=now), numchild__gt=0, depth__gt=1
    )
    for path in hidden_sections.values_list("path", flat=True):
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def public_objects(model):
    """The public rows of any content model: pages by `public_pages`; other models with
    drafts (`DraftStateMixin`) while live and within their schedule; the rest (plain
    snippets, which have no unpublished state) all."""
    if issubclass(model, Page):
        return public_pages(model)
    if issubclass(model, DraftStateMixin):
        return model.objects.filter(within_schedule(timezone.now()), live=True)
    return model.objects.all()


# Images and documents


def restricted_collection_ids() -> frozenset[int]:
    """Collections under a view restriction (password, login or groups) of their own or
    of any ancestor: Wagtail's rule for serving documents, and ours for all media.

    One query, made once per request: a page of items needs no query per image.
    """
    memo = getattr(_request_memo, "active", None)
    if memo is not None and "restricted_collections" in memo:
        return memo["restricted_collections"]
    restriction_above = CollectionViewRestriction.objects.filter(
        collection__path=Substr(OuterRef("path"), 1, Length("collection__path"))
    )
    ids = frozenset(
        Collection.objects.filter(Exists(restriction_above)).values_list("pk", flat=True)
    )
    if memo is not None:
        memo["restricted_collections"] = ids
    return ids


def public_media(queryset):
    """The images or documents of `queryset` that may leave: none from a restricted
    collection."""
    return queryset.exclude(collection_id__in=restricted_collection_ids())


def is_public_media(item) -> bool:
    """Whether an image or document may leave (its title, URL or renditions)."""
    return item is not None and item.collection_id not in restricted_collection_ids()


# Collections and their restrictions change rarely; a request reads them once. Outside
# a request (tasks, commands) nothing is remembered, so nothing can be stale there.
_request_memo = Local()


@contextmanager
def collections_read_once():
    """Within the block, as within a request, the restricted collections are read once:
    rendering a batch of documents outside a request (the publication worker) needs no
    query per image. Nothing is remembered after it."""
    if getattr(_request_memo, "active", None) is not None:
        yield  # a request (or an outer block) remembers already
        return
    _request_memo.active = {}
    try:
        yield
    finally:
        _request_memo.active = None


def _start_request_memo(**kwargs):
    _request_memo.active = {}


def _end_request_memo(**kwargs):
    _request_memo.active = None


def _forget_collections(**kwargs):
    # A request that changes a restriction reads the new state after it (and after its
    # transaction: Wagtail's admin moves a collection after saving it).
    memo = getattr(_request_memo, "active", None)
    if memo:
        memo.pop("restricted_collections", None)
        transaction.on_commit(lambda: memo.pop("restricted_collections", None))


request_started.connect(_start_request_memo, dispatch_uid="cms.visibility.memo.start")
request_finished.connect(_end_request_memo, dispatch_uid="cms.visibility.memo.end")
for model in (Collection, CollectionViewRestriction):
    post_save.connect(_forget_collections, sender=model, dispatch_uid="cms.visibility.memo")
    post_delete.connect(_forget_collections, sender=model, dispatch_uid="cms.visibility.memo")
