"""Review requests: providers are asked to confirm their own listings before they fall due.

`REVIEW_REQUEST_DAYS_BEFORE` days before a listing's review date (or at once, if it is
already past), each of its contacts gets one email for that review cycle, with a "still
correct" and a "something has changed" link (tasks.review_links). The daily job first
records a ReviewRequest per listing, contact and cycle (a unique row, so a re-run adds
nothing), then sends the unsent ones, each marked sent in the transaction that sent it.
"""

import logging
import smtplib
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

from celery import shared_task
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import get_connection
from django.db import models, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from alerts.models import MaintainerAlert
from alerts.raising import Kind, raise_alert
from cms.email import TRANSIENT_ERRORS, send_email
from cms.validators import normalise_email
from directory.models import Cluster, ClusterStaff, PartnerPage, ServicePage
from tasks.bounces.addresses import undeliverable_addresses
from tasks.clock import parse_now
from tasks.listings import (
    current_listings,
    cycle_expression,
    label_field,
    review_cycle,
    review_listing,
)
from tasks.models import ReviewRequest
from tasks.review_links import Action, ReviewLink

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Recipient:
    email: str
    name: str = ""


def service_contacts(page: ServicePage) -> Iterable[Recipient]:
    # The people the listing names: they run the service, so they know if it is right.
    return [
        Recipient(contact.email, contact.name)
        for contact in page.contacts.all()
        if contact.is_public and contact.email
    ]


def partner_contacts(page: PartnerPage) -> Iterable[Recipient]:
    organisation = page.organisation
    return [Recipient(organisation.email, organisation.name)] if organisation.email else []


def cluster_contacts(cluster: Cluster) -> Iterable[Recipient]:
    # The quadrant manager answers for the cluster's staff list, not each person on it.
    return [
        Recipient(staff.email, staff.name)
        for staff in cluster.staff.all()
        if staff.role == ClusterStaff.Role.QUADRANT_MANAGER and staff.email
    ]


@dataclass(frozen=True)
class ContactSource:
    prefetch: str  # what `contacts` reads, fetched with the listings
    contacts: Callable[[models.Model], Iterable[Recipient]]


# Guides have no provider to ask: the SEND team reviews them (the stale scan alerts).
CONTACT_SOURCES: dict[type[models.Model], ContactSource] = {
    ServicePage: ContactSource("contacts", service_contacts),
    PartnerPage: ContactSource("organisation", partner_contacts),
    Cluster: ContactSource("staff", cluster_contacts),
}


def review_request_recipients(listing, *, undeliverable: set[str] | None = None) -> list[Recipient]:
    """Who is asked to confirm a listing: one entry per address, whatever its case, and
    none that bounces or has marked us as spam (until the contact's address changes, or
    mail to it is delivered again: tasks.bounces).

    `undeliverable` (normalised addresses) saves a query per listing when the caller
    has looked them all up at once.
    """
    source = CONTACT_SOURCES.get(type(listing))
    recipients: dict[str, Recipient] = {}
    for recipient in source.contacts(listing) if source else []:
        email = recipient.email.strip()
        recipients.setdefault(normalise_email(email), Recipient(email, recipient.name.strip()))
    if undeliverable is None:
        undeliverable = undeliverable_addresses(among=recipients)
    return [recipient for address, recipient in recipients.items() if address not in undeliverable]


def listings_to_ask(model, *, today: date):
    """Published listings due within the notice period (or overdue) that have no review
    request for their current cycle yet."""
    horizon = today + timedelta(days=settings.REVIEW_REQUEST_DAYS_BEFORE)
    asked = ReviewRequest.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id=OuterRef("pk"),
        cycle=OuterRef("cycle"),
    )
    return (
        current_listings(model)
        .filter(next_review_due__lte=horizon)
        .annotate(cycle=cycle_expression())
        .exclude(Exists(asked))
    )


def queue_review_requests(*, now: datetime) -> int:
    """Record the requests to send: a few queries per listing type, whatever the count."""
    today = timezone.localdate(now)
    undeliverable = undeliverable_addresses()
    requests = []
    for model, source in CONTACT_SOURCES.items():
        content_type = ContentType.objects.get_for_model(model)
        for listing in listings_to_ask(model, today=today).prefetch_related(source.prefetch):
            requests += [
                ReviewRequest(
                    content_type=content_type,
                    object_id=listing.pk,
                    cycle=listing.cycle,
                    email=recipient.email,
                    name=recipient.name[:255],
                    created_at=now,
                )
                for recipient in review_request_recipients(listing, undeliverable=undeliverable)
            ]
    ReviewRequest.objects.bulk_create(requests, ignore_conflicts=True)
    return len(requests)


def send_review_request(request_id: int, *, now: datetime, connection=None) -> bool:
    """Send one queued request; True if it was sent now.

    The row stays locked, and `sent_at` uncommitted, while the mail server takes the
    message: if sending fails the transaction rolls back and the request is still unsent.
    """
    with transaction.atomic():
        review_request = (
            ReviewRequest.objects.select_for_update(skip_locked=True)
            .filter(pk=request_id, sent_at=None, failed_at=None)
            .first()
        )
        if review_request is None:  # sent, or being sent by another worker
            return False
        listing = review_request.listing
        if listing is None or not listing.live or review_cycle(listing) != review_request.cycle:
            # Reviewed (or withdrawn) since it was queued: nothing to ask any more.
            review_request.delete()
            return False
        if undeliverable_addresses(among=[review_request.email]):
            # It bounced since the request was queued.
            review_request.failed_at = now
            review_request.failure = "The address is known to bounce."
            review_request.save(update_fields=["failed_at", "failure"])
            return False
        label = getattr(listing, label_field(type(listing)))
        try:
            send_email(
                to=review_request.email,
                subject=f"Is this still correct? {label}",
                template="tasks/email/review_request",
                context={
                    "listing": listing,
                    "label": label,
                    "overdue": listing.next_review_due < timezone.localdate(now),
                    "name": review_request.name,
                    "confirm_url": ReviewLink.for_request(review_request, Action.CONFIRM).url(),
                    "changes_url": ReviewLink.for_request(review_request, Action.CHANGES).url(),
                    "link_days": settings.REVIEW_LINK_MAX_AGE_DAYS,
                },
                connection=connection,
                now=now,
            )
        except smtplib.SMTPRecipientsRefused as refused:
            failure = "; ".join(
                f"{code} {reply.decode(errors='replace')}"
                for code, reply in refused.recipients.values()
            )
            logger.warning("Review request %s refused: %s", request_id, failure)
            if all(code < 500 for code, _ in refused.recipients.values()):
                # A temporary refusal (4xx): still queued, tried again by the next run.
                # send_email has counted it against the address, which is bounced after
                # BOUNCE_SOFT_THRESHOLD days of them.
                return False
            # The address does not work: asking again will not help.
            review_request.failed_at = now
            review_request.failure = failure
            review_request.save(update_fields=["failed_at", "failure"])
            return False
        review_request.sent_at = now
        review_request.save(update_fields=["sent_at"])
        return True


@dataclass
class ReviewRequestRun:
    queued: int = 0
    sent: int = 0


def send_review_requests(*, now: datetime | None = None) -> ReviewRequestRun:
    now = now or timezone.now()
    run = ReviewRequestRun(queued=queue_review_requests(now=now))
    pending = ReviewRequest.objects.filter(sent_at=None, failed_at=None).values_list(
        "pk", flat=True
    )
    with get_connection() as connection:  # one SMTP session for the batch
        for request_id in pending:
            run.sent += send_review_request(request_id, now=now, connection=connection)
    logger.info("Review requests: %s", run)
    return run


@shared_task(
    name="tasks.send_review_requests",
    acks_late=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_backoff_max=3600,
    max_retries=6,
)
def send_review_requests_task(now: str | None = None) -> dict:
    """Daily. Safe to retry: sent requests are never sent again."""
    return asdict(send_review_requests(now=parse_now(now)))


# Answers, from the pages the links open (tasks.views).


class AlreadyAnswered(Exception):
    """The request was answered, or the listing has been reviewed since it was sent."""


class ChangesReported(Exception):
    """Another contact has said the listing needs changes: a confirmation now would hide
    that from the maintainers."""


def open_request(link: ReviewLink, *, lock: bool = False) -> tuple[ReviewRequest, models.Model]:
    """The request and listing a link is for, if the link can still be used.

    Raises ReviewRequest.DoesNotExist (no such request, or the listing is gone) or
    AlreadyAnswered. With `lock`, inside a transaction, the request row stays locked so
    two clicks at once answer it once.
    """
    requests = ReviewRequest.objects.select_for_update() if lock else ReviewRequest.objects
    review_request = requests.get(pk=link.request_id)
    listing = review_request.listing
    if not link.matches(review_request) or listing is None or not listing.live:
        raise ReviewRequest.DoesNotExist
    if review_request.responded_at or review_cycle(listing) != link.cycle:
        raise AlreadyAnswered
    return review_request, listing


@transaction.atomic
def confirm_listing(link: ReviewLink, *, now: datetime | None = None) -> models.Model:
    """ "Still correct": the listing is reviewed, credited to the contact."""
    now = now or timezone.now()
    review_request, listing = open_request(link, lock=True)
    reports = MaintainerAlert.objects.open().about(listing).filter(kind=Kind.PROVIDER_CHANGES)
    if listing.last_reviewed_at:  # a report from before the last review has been dealt with
        reports = reports.filter(created_at__gt=listing.last_reviewed_at)
    if reports.exists():
        raise ChangesReported
    review_listing(listing, name=review_request.reviewer_name[:255], now=now)
    review_request.responded_at = now
    review_request.response = ReviewRequest.Response.CONFIRMED
    review_request.save(update_fields=["responded_at", "response"])
    return listing


@transaction.atomic
def report_changes(link: ReviewLink, changes: str, *, now: datetime | None = None):
    """ "Something has changed": what the contact wrote becomes an alert for maintainers.

    Each contact's report is its own alert (the cycle names the request), so a second
    contact's words are not dropped as a duplicate of the first.
    """
    now = now or timezone.now()
    review_request, listing = open_request(link, lock=True)
    review_request.responded_at = now
    review_request.response = ReviewRequest.Response.CHANGES
    review_request.changes = changes
    review_request.save(update_fields=["responded_at", "response", "changes"])
    alert, _ = raise_alert(
        Kind.PROVIDER_CHANGES,
        listing,
        cycle=f"{review_request.cycle}/request-{review_request.pk}",
        message=f"{review_request.reviewer_name} wrote:\n\n{changes}",
        label=getattr(listing, label_field(type(listing))),
        now=now,
    )
    return alert
