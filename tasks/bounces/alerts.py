"""Flags on what shows a bounced address: one `bouncing-contact` alert per listing (or
cluster) and address, the cycle being the address.

An alert is raised when an address is bounced and a published listing shows it, and
resolved when the address recovers (a delivery) or the listing stops showing it (the
contact was corrected or removed, the listing unpublished). The shown address is a join,
so each step is one set operation per type of listing, as in the stale scan.

Partner pages show their organisation's email, so a bounced organisation email flags its
partner pages; the organisation itself is flagged only when no partner page shows it (its
email is in the API either way), so one field never raises two alerts.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from wagtail.coreutils import get_supported_content_language_variant

from alerts.models import MaintainerAlert
from alerts.raising import Kind, raise_alerts_for
from directory.models import Cluster, Organisation, PartnerPage, ServicePage
from tasks.bounces.addresses import normalised
from tasks.bounces.models import ContactAddress
from tasks.listings import current_listings, label_field


def services_showing() -> models.QuerySet:
    # One row per public contact (a contact without an email has an empty cycle, which
    # no address matches). The filter and the annotation share one join.
    return (
        current_listings(ServicePage)
        .filter(contacts__is_public=True)
        .annotate(cycle=normalised("contacts__email"))
    )


def partner_pages_showing() -> models.QuerySet:
    return current_listings(PartnerPage).annotate(cycle=normalised("organisation__email"))


def clusters_showing() -> models.QuerySet:
    return current_listings(Cluster).annotate(cycle=normalised("staff__email"))


def organisations_showing() -> models.QuerySet:
    """Organisations (one per translation group, still running) whose email no
    published partner page shows."""
    source = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    in_source_language = Organisation.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=source
    )
    partner_page = current_listings(PartnerPage).filter(
        organisation__translation_key=OuterRef("translation_key")
    )
    return (
        Organisation.objects.filter(Q(locale__language_code=source) | ~Exists(in_source_language))
        .exclude(status=Organisation.Status.DEFUNCT)
        .exclude(email="")
        .exclude(Exists(partner_page))
        .annotate(cycle=normalised("email"))
    )


def describe(where: str) -> Callable[[dict], str]:
    def message(row: dict) -> str:
        because = f" ({row['diagnostic']})" if row["diagnostic"] else ""
        return f"Email to {row['cycle']} is returned undelivered{because}. {where}"

    return message


@dataclass(frozen=True)
class Showing:
    model: type[models.Model]
    listings: Callable[[], models.QuerySet]  # annotated with `cycle`: the address shown
    describe: Callable[[dict], str]


SHOWING = [
    Showing(
        ServicePage,
        services_showing,
        describe("It is one of this service's public contacts: correct it, or remove it."),
    ),
    Showing(
        PartnerPage,
        partner_pages_showing,
        describe("It is the email of this partner's organisation: correct it there."),
    ),
    Showing(
        Cluster,
        clusters_showing,
        describe(
            "It is on this cluster's staff list: ask the Inclusion Partner or SEND Quadrant "
            "Manager who is in post now, and update the list."
        ),
    ),
    Showing(
        Organisation,
        organisations_showing,
        describe("It is this organisation's email address: correct it."),
    ),
]


def reconcile_alerts(*, now: datetime, addresses: Iterable[str] | None = None) -> tuple[int, int]:
    """Raise the missing alerts and resolve those that no longer apply, for every address
    or only `addresses` (normalised): a few queries per type of listing, whatever the
    count. Returns (raised, resolved)."""
    bounced = ContactAddress.objects.filter(status=ContactAddress.Status.BOUNCED)
    if addresses is not None:
        addresses = set(addresses)
        bounced = bounced.filter(address__in=addresses)
    diagnostic = ContactAddress.objects.filter(address=OuterRef("cycle")).values("last_diagnostic")[
        :1
    ]
    raised = resolved = 0
    for showing in SHOWING:
        listings = showing.listings().filter(cycle__in=bounced.values("address")).order_by()
        alerts = MaintainerAlert.objects.open().filter(
            kind=Kind.BOUNCING_CONTACT,
            content_type=ContentType.objects.get_for_model(showing.model),
        )
        if addresses is not None:
            alerts = alerts.filter(cycle__in=addresses)
        still_applies = listings.filter(pk=OuterRef("object_id"), cycle=OuterRef("cycle"))
        resolved += alerts.exclude(Exists(still_applies)).update(resolved_at=now)
        raised += raise_alerts_for(
            Kind.BOUNCING_CONTACT,
            listings.distinct(),
            now=now,
            label=label_field(showing.model),
            describe=showing.describe,
            diagnostic=Subquery(diagnostic),
        )
    return raised, resolved
