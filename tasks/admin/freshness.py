"""How fresh the listings are: the share reviewed within their interval (not overdue), in
total and by Local Offer category, for the dashboard's chart. A few grouped counts, one
query each, however many listings there are."""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from wagtail.coreutils import get_supported_content_language_variant

from directory.models import ServicePage, TaxonomyTerm, Vocabulary
from guides.models import GuidePage
from tasks.admin.review_status import listings_for
from tasks.listings import REVIEWABLE_MODELS

# The listings that carry Local Offer categories, and through which relation.
CATEGORISED = {ServicePage: "terms", GuidePage: "topics"}


@dataclass(frozen=True)
class Freshness:
    """How many listings of a group are within their review interval."""

    name: str
    listings: int
    fresh: int

    @property
    def percent(self) -> int:
        return round(100 * self.fresh / self.listings) if self.listings else 0

    @property
    def level(self) -> str:
        """For the bar's colour (the number is always shown too)."""
        if self.percent >= 90:
            return "positive"
        return "warning" if self.percent >= 70 else "critical"


def is_fresh(today: date, prefix: str = "") -> Q:
    """Not overdue (`review_status.overdue_on`): due today or later, or not given a date."""
    return Q(**{f"{prefix}next_review_due__gte": today}) | Q(
        **{f"{prefix}next_review_due__isnull": True}
    )


def overall_freshness(user, *, today: date) -> Freshness:
    """All the listings the user may edit, of every type: one query per type."""
    listings = fresh = 0
    for model in REVIEWABLE_MODELS:
        counts = listings_for(model, user).aggregate(
            listings=Count("pk"), fresh=Count("pk", filter=is_fresh(today))
        )
        listings += counts["listings"]
        fresh += counts["fresh"]
    return Freshness("All listings", listings, fresh)


def freshness_by_category(user, *, today: date) -> list[Freshness]:
    """For each Local Offer category, the services and guides in it that the user may
    edit, and how many of them are within their review interval. A term under a category
    counts for the category. One query per categorised type, and one for the categories."""
    listings, fresh = Counter(), Counter()
    for model, relation in CATEGORISED.items():
        field = model._meta.get_field(relation)
        listing, term = field.m2m_field_name(), field.m2m_reverse_field_name()
        tagged = field.remote_field.through.objects.filter(
            **{
                f"{listing}__in": listings_for(model, user).values("pk"),
                f"{term}__vocabulary": Vocabulary.CATEGORY,
            }
        )
        counts = tagged.values(category=Coalesce(f"{term}__parent_id", f"{term}_id")).annotate(
            listings=Count(listing, distinct=True),
            fresh=Count(listing, distinct=True, filter=is_fresh(today, f"{listing}__")),
        )
        for row in counts:
            listings[row["category"]] += row["listings"]
            fresh[row["category"]] += row["fresh"]

    # Terms are chosen in the source language; translations follow them.
    source = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    categories = TaxonomyTerm.objects.filter(
        vocabulary=Vocabulary.CATEGORY, parent=None, locale__language_code=source
    ).order_by("sort_order", "name")
    return [
        Freshness(category.name, listings[category.pk], fresh[category.pk])
        for category in categories
    ]
