"""Which contact addresses we show, and where.

An address is shown by a service (its public contacts), an organisation (its email,
which its partner pages show too) and a cluster (its allocated staff). Every one of them
has a `ContactAddress` row, keyed by the normalised address: `sync_contact_addresses`
creates the missing ones in bulk (the daily job), and `known_addresses` creates them on
demand for the addresses an intake has just heard about.
"""

from collections.abc import Iterable
from datetime import datetime

from django.db import models
from django.db.models.functions import Lower, Trim
from django.utils import timezone

from cms.validators import normalise_email
from directory.models import (
    Cluster,
    ClusterStaff,
    Organisation,
    PartnerPage,
    ServiceContact,
    ServicePage,
)
from tasks.bounces.models import ContactAddress


def normalised(field: str) -> Lower:
    """`cms.validators.normalise_email` in SQL."""
    return Lower(Trim(field))


def service_contact_addresses() -> models.QuerySet:
    """(page_id, address) of every public contact with an email address."""
    return (
        ServiceContact.objects.filter(is_public=True)
        .exclude(email="")
        .annotate(address=normalised("email"))
    )


def organisation_addresses() -> models.QuerySet:
    return Organisation.objects.exclude(email="").annotate(address=normalised("email"))


def cluster_staff_addresses() -> models.QuerySet:
    return ClusterStaff.objects.exclude(email="").annotate(address=normalised("email"))


def shown_addresses(among: Iterable[str] | None = None) -> set[str]:
    """Every address we show (or those of `among` that we show): one query."""
    sources = [
        service_contact_addresses(),
        organisation_addresses(),
        cluster_staff_addresses(),
    ]
    if among is not None:
        wanted = {normalise_email(address) for address in among}
        sources = [queryset.filter(address__in=wanted) for queryset in sources]
    # No ORDER BY inside a UNION: SQLite refuses it, and the order is of no use here.
    first, *others = [queryset.order_by().values_list("address", flat=True) for queryset in sources]
    return set(first.union(*others))


def sync_contact_addresses(*, now: datetime | None = None) -> int:
    """A `ContactAddress` for every address we show: three queries, however many there
    are (and one more per thousand new ones). Rows for addresses no longer shown are
    left as they are (their history stays, and the address may come back). Returns how
    many were created."""
    missing = shown_addresses() - set(ContactAddress.objects.values_list("address", flat=True))
    now = now or timezone.now()
    ContactAddress.objects.bulk_create(
        [ContactAddress(address=address, created_at=now) for address in sorted(missing)],
        ignore_conflicts=True,  # a concurrent intake may have added some meanwhile
        batch_size=1000,
    )
    return len(missing)


def known_addresses(
    addresses: Iterable[str], *, lock: bool = False, now: datetime | None = None
) -> dict[str, ContactAddress]:
    """address -> its row, for those of `addresses` that we show or have shown; rows are
    created for shown ones that have none yet. A handful of queries, whatever the count.

    With `lock` (inside a transaction) the rows are locked, in a fixed order so that two
    intakes at once cannot deadlock.
    """
    wanted = {normalise_email(address) for address in addresses if address}
    if not wanted:
        return {}
    missing = wanted - set(
        ContactAddress.objects.filter(address__in=wanted).values_list("address", flat=True)
    )
    if missing:
        now = now or timezone.now()
        ContactAddress.objects.bulk_create(
            [ContactAddress(address=a, created_at=now) for a in sorted(shown_addresses(missing))],
            ignore_conflicts=True,
        )
    rows = ContactAddress.objects.filter(address__in=wanted).order_by("pk")
    if lock:
        rows = rows.select_for_update()
    return {row.address: row for row in rows}


def records_for(addresses: Iterable[str]) -> dict[str, ContactAddress]:
    """address -> its row, for the given addresses that have one; one query. For showing
    an address's status beside a contact (nothing is created)."""
    wanted = {normalise_email(address) for address in addresses if address}
    return {row.address: row for row in ContactAddress.objects.filter(address__in=wanted)}


def undeliverable_addresses(among: Iterable[str] | None = None) -> set[str]:
    """The addresses we must not write to (bounced, or marked us as spam); one query."""
    rows = ContactAddress.objects.undeliverable()
    if among is not None:
        rows = rows.filter(address__in={normalise_email(address) for address in among})
    return set(rows.values_list("address", flat=True))


def places_showing(address: str) -> list[models.Model]:
    """Every service, partner page, organisation and cluster that shows `address`, in
    any language, published or not: four queries."""
    address = normalise_email(address)
    organisations = organisation_addresses().filter(address=address)
    return [
        *ServicePage.objects.filter(
            pk__in=service_contact_addresses().filter(address=address).values("page_id")
        ).order_by("pk"),
        *PartnerPage.objects.filter(organisation__in=organisations.values("pk")).order_by("pk"),
        *organisations.order_by("pk"),
        *Cluster.objects.filter(
            pk__in=cluster_staff_addresses().filter(address=address).values("cluster_id")
        ).order_by("pk"),
    ]
