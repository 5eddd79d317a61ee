"""The listings that are reviewed on a cycle, and what reviewing one means.

A listing's review cycle is named by the date it falls due (`review_cycle`): reviewing it
moves that date, so everything bound to the old cycle (an overdue alert, the links in a
review request) is done with.
"""

from django.conf import settings
from django.db import models, transaction
from django.db.models import CharField, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce, TruncDate
from django.utils import timezone
from modelcluster.models import get_serializable_data_for_fields
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, TranslatableMixin

from alerts.raising import alerts_answered_by_review
from api.publication.outbox import pending
from directory.models import Cluster, PartnerPage, ServicePage
from guides.models import GuidePage

REVIEWABLE_MODELS: tuple[type[models.Model], ...] = (ServicePage, GuidePage, PartnerPage, Cluster)
REVIEW_FIELDS = ("last_reviewed_at", "last_reviewed_by", "last_reviewed_by_name", "next_review_due")


def label_field(model: type[models.Model]) -> str:
    return "title" if issubclass(model, Page) else "name"


def current_listings(model: type[models.Model]) -> models.QuerySet:
    """The published listings of one type that are reviewed: one per translation group.

    A translation follows its source (wagtail-localize synchronises the review fields), so
    only the source is reviewed, alerted on and asked about; a page that exists only in
    another language counts as its own source.
    """
    queryset = model.objects.filter(live=True)
    if issubclass(model, TranslatableMixin):
        source = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        in_source_language = model.objects.filter(
            translation_key=OuterRef("translation_key"), locale__language_code=source
        )
        queryset = queryset.filter(Q(locale__language_code=source) | ~Exists(in_source_language))
    return queryset


def review_cycle(listing) -> str:
    return listing.next_review_due.isoformat() if listing.next_review_due else ""


def cycle_expression() -> Cast:
    """`review_cycle` in SQL: the due date as ISO text (PostgreSQL's DateStyle is ISO,
    which psycopg relies on too; SQLite stores dates that way)."""
    return Cast("next_review_due", CharField())


class AddDays(models.Func):
    """A date plus a whole number of days taken from each row (Django can multiply
    neither a duration by a column nor add an integer to a date portably)."""

    arity = 2
    output_field = models.DateField()
    template = "(%(expressions)s)"
    arg_joiner = " + "

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            template="date(%(expressions)s || ' days')",
            arg_joiner=", '+' || ",
            **extra_context,
        )


def due_date_expression(model: type[models.Model]) -> models.Expression:
    """`ReviewMixin.compute_next_review_due` in SQL, for rows that have a baseline."""
    first_published_at = model._meta.get_field("first_published_at")
    if first_published_at.model is model:
        published = models.F("first_published_at")
    else:  # a page: the column is on wagtailcore_page, and UPDATE cannot join
        published = Subquery(
            first_published_at.model.objects.filter(pk=OuterRef("pk")).values("first_published_at")[
                :1
            ]
        )
    baseline = TruncDate(Coalesce("last_reviewed_at", published))
    interval = Cast(
        Coalesce("review_interval_days", Value(model.default_review_interval_days())),
        models.IntegerField(),
    )
    return AddDays(baseline, interval)


def recompute_due_dates(model: type[models.Model]) -> int:
    """Bring `next_review_due` in line with the current defaults; tell partners when a
    published listing's due date moved (it is in the API). Returns how many changed."""
    expected = due_date_expression(model)
    has_baseline = Q(last_reviewed_at__isnull=False) | Q(first_published_at__isnull=False)
    changed = list(
        model.objects.filter(has_baseline)
        .exclude(next_review_due=expected)
        .values_list("pk", flat=True)
    )
    if changed:
        # Only after a change of defaults: the one time this costs more per listing.
        model.objects.filter(pk__in=changed).update(next_review_due=expected)
        changed_live = model.objects.filter(pk__in=changed, live=True)
        pending(changed_live, "reviewed")
    return len(changed)


@transaction.atomic
def mark_listing_reviewed(listing, *, user=None, name: str = "", at=None) -> None:
    """Record that someone checked a listing, without publishing anything else.

    The review fields are written straight to the row (an unpublished draft must not go
    live as a side effect), and copied into the latest revision so that publishing a
    draft saved before the review does not undo it.
    """
    # To the second, as a revision stores it (JSON keeps milliseconds at most).
    at = (at or timezone.now()).replace(microsecond=0)
    listing.mark_reviewed(user=user, name=name, at=at)
    type(listing).objects.filter(pk=listing.pk).update(
        **{field: getattr(listing, field) for field in REVIEW_FIELDS}
    )
    latest_revision = getattr(listing, "latest_revision", None)
    if latest_revision is not None:
        data = get_serializable_data_for_fields(listing)
        latest_revision.content.update({field: data[field] for field in REVIEW_FIELDS})
        latest_revision.save(update_fields=["content"])
    if listing.live:
        # Partners show when a listing was last checked.
        pending([listing], "reviewed")


@transaction.atomic
def review_listing(listing, *, user=None, name: str = "", now=None) -> int:
    """Someone checked the listing: record it, and close at once the alerts that answers
    (the daily scan would close the same ones). Returns how many alerts were closed.
    The admin's "Mark as reviewed" and a provider's "Still correct" both come here."""
    now = now or timezone.now()
    mark_listing_reviewed(listing, user=user, name=name, at=now)
    return alerts_answered_by_review(listing, listing.last_reviewed_at).update(resolved_at=now)
