"""What is public: the one rule every way out (API, feeds, webhooks) applies."""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page


def public_pages(model=Page):
    """Live, unexpired pages with no view restriction, under live sections only.

    The page row holds the published version: drafts and future scheduled
    revisions live in revisions, never here.
    """
    now = timezone.now()
    queryset = (
        model.objects.live()
        .public()
        .filter(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    )
    hidden_sections = Page.objects.filter(live=False, numchild__gt=0, depth__gt=1)
    for path in hidden_sections.values_list("path", flat=True):
        queryset = queryset.exclude(path__startswith=path)
    return queryset
