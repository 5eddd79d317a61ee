"""Marking a listing as reviewed from the admin: who may, which listings, and what it does.

The review itself is `tasks.listings.mark_listing_reviewed`. What is added here is closing,
at once, the alerts the review answers, so the dashboard and the edit view are current
without waiting for the next stale scan (which would close the same ones).
"""

from django.apps import apps
from django.conf import settings
from django.db import models
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import TranslatableMixin

from cms.permissions import may_edit
from tasks.listings import REVIEWABLE_MODELS


def reviewable_model(app_label: str, model_name: str) -> type[models.Model] | None:
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return None
    return model if model in REVIEWABLE_MODELS else None


def is_reviewable(listing: models.Model) -> bool:
    return type(listing) in REVIEWABLE_MODELS


def follows_its_source(listing: models.Model) -> bool:
    """A translation is not reviewed on its own: wagtail-localize copies the review fields
    from its source, and the scan and the alerts only look at the source."""
    if not isinstance(listing, TranslatableMixin):
        return False
    source = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return (
        type(listing)
        .objects.filter(translation_key=listing.translation_key, locale__language_code=source)
        .exclude(pk=listing.pk)
        .exists()
    )


def can_review(user, listing: models.Model) -> bool:
    """Whoever may edit a listing may say it has been checked."""
    return may_edit(user, listing)
