"""What is public: the one rule every way out (API, feeds, webhooks) applies."""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import DraftStateMixin, Page


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


def public_among(instances) -> set:
    """The (model, pk) of those `instances` that are public now: one query per model."""
    by_model: dict[type, set] = {}
    for instance in instances:
        by_model.setdefault(type(instance), set()).add(instance.pk)
    public = set()
    for model, pks in by_model.items():
        found = public_objects(model).filter(pk__in=pks).values_list("pk", flat=True)
        public |= {(model, pk) for pk in found}
    return public


def lapsed(model):
    """Rows still live whose expiry has passed: out of public view already, until the
    scheduler unpublishes them (which the change log then records)."""
    return model.objects.filter(live=True, expire_at__lte=timezone.now())
