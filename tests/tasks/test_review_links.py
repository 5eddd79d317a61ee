"""The one-click review links, through the pages they open (Django's test client)."""

import re
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alerts.models import MaintainerAlert
from tasks.listings import mark_listing_reviewed, review_cycle
from tasks.models import ReviewRequest
from tasks.review_links import Action, ReviewLink
from tests.tasks.conftest import NOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def service(make_listing):
    return make_listing(
        "service",
        reviewed_days_ago=340,
        title="Sensory play in Clacton",
        contacts=[{"name": "Family support team", "email": "team@example.org"}],
    )


def request_for(listing, email="team@example.org", name="Family support team"):
    return ReviewRequest.objects.create(
        content_type=ContentType.objects.get_for_model(listing),
        object_id=listing.pk,
        cycle=review_cycle(listing),
        email=email,
        name=name,
        sent_at=NOW,
    )


def link_path(review_request, action: Action, **token_options) -> str:
    token = ReviewLink.for_request(review_request, action).token(**token_options)
    return reverse("tasks:review", args=[token])


def csrf_token(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text).group(1)


def unchanged(listing) -> bool:
    before = listing.last_reviewed_at
    listing.refresh_from_db()
    return listing.last_reviewed_at == before


@pytest.fixture
def browser():
    """A client that, like a browser, must send the CSRF token the page gave it."""
    return Client(enforce_csrf_checks=True)


def test_still_correct_shows_a_page_then_a_post_marks_the_listing_reviewed(service, browser):
    review_request = request_for(service)
    path = link_path(review_request, Action.CONFIRM)
    due_before = service.next_review_due

    page = browser.get(path)

    assert page.status_code == 200
    assert "Sensory play in Clacton" in page.text
    assert '<form method="post">' in page.text
    assert page["Referrer-Policy"] == "no-referrer"
    assert "no-cache" in page["Cache-Control"]
    assert unchanged(service), "a GET (a mail scanner following the link) changed the listing"

    done = browser.post(path, {"csrfmiddlewaretoken": csrf_token(page)})

    assert done.status_code == 200
    assert "still correct" in done.text
    service.refresh_from_db()
    review_request.refresh_from_db()
    assert timezone.now() - service.last_reviewed_at < timedelta(minutes=1)
    assert service.last_reviewed_by_name == "Family support team (team@example.org)"
    assert service.last_reviewed_by is None
    assert service.next_review_due > due_before
    assert review_request.response == ReviewRequest.Response.CONFIRMED


def test_a_post_without_the_csrf_token_changes_nothing(service, browser):
    path = link_path(request_for(service), Action.CONFIRM)

    assert browser.post(path).status_code == 403
    assert unchanged(service)


def test_something_has_changed_turns_the_text_into_an_alert(service, browser):
    review_request = request_for(service)
    path = link_path(review_request, Action.CHANGES)

    page = browser.get(path)
    assert page.status_code == 200
    assert '<label for="id_changes">What has changed?</label>' in page.text
    assert 'aria-describedby="id_changes_helptext"' in page.text
    assert not MaintainerAlert.objects.exists()

    done = browser.post(
        path,
        {
            "csrfmiddlewaretoken": csrf_token(page),
            "changes": "The Tuesday group has moved to Thursdays.",
        },
    )

    assert done.status_code == 200
    alert = MaintainerAlert.objects.open().get()
    assert alert.kind == MaintainerAlert.Kind.PROVIDER_CHANGES
    assert alert.subject == service
    assert "The Tuesday group has moved to Thursdays." in alert.message
    assert "team@example.org" in alert.message
    assert unchanged(service), "reporting changes is not a review"
    review_request.refresh_from_db()
    assert review_request.changes == "The Tuesday group has moved to Thursdays."


def test_an_empty_report_is_refused_with_a_message(service, client):
    path = link_path(request_for(service), Action.CHANGES)

    response = client.post(path, {"changes": "  "})

    assert response.status_code == 400
    assert "This field is required." in response.text
    assert "<title>Error: " in response.text
    assert not MaintainerAlert.objects.exists()


def test_a_used_link_says_so_and_changes_nothing(service, client):
    review_request = request_for(service)
    confirm = link_path(review_request, Action.CONFIRM)
    changes = link_path(review_request, Action.CHANGES)
    assert client.post(confirm).status_code == 200
    service.refresh_from_db()

    again = client.post(confirm)
    late_report = client.post(changes, {"changes": "Closed."})

    assert again.status_code == 409
    assert "already been used" in again.text
    assert late_report.status_code == 409
    assert unchanged(service)
    assert not MaintainerAlert.objects.exists()


def test_a_link_is_used_up_once_someone_else_has_reviewed_the_listing(service, client):
    path = link_path(request_for(service), Action.CONFIRM)
    mark_listing_reviewed(service, name="SEND Information Team")

    response = client.get(path)

    assert response.status_code == 409
    assert client.post(path).status_code == 409
    assert unchanged(service)


def test_an_expired_link_says_so_and_changes_nothing(service, client, settings):
    review_request = request_for(service)
    issued = timezone.now() - timedelta(days=settings.REVIEW_LINK_MAX_AGE_DAYS + 1)
    path = link_path(review_request, Action.CONFIRM, issued_at=issued)

    assert client.get(path).status_code == 410
    response = client.post(path)

    assert response.status_code == 410
    assert "expired" in response.text
    assert unchanged(service)
    review_request.refresh_from_db()
    assert not review_request.responded_at

    fresh = link_path(review_request, Action.CONFIRM, issued_at=issued + timedelta(days=2))
    assert client.get(fresh).status_code == 200


def test_a_tampered_link_says_so_and_changes_nothing(service, client):
    review_request = request_for(service)
    token = ReviewLink.for_request(review_request, Action.CONFIRM).token()
    payload, stamp, signature = token.rsplit(":", 2)
    other = "A" if signature[0] != "A" else "B"
    tampered = f"{payload}:{stamp}:{other}{signature[1:]}"
    forged = signing.dumps({"r": review_request.pk, "c": review_request.cycle, "a": "confirm"})

    for bad in (tampered, forged, "not-a-token"):
        response = client.post(reverse("tasks:review", args=[bad]))
        assert response.status_code == 400, bad
        assert "does not work" in response.text
    assert unchanged(service)


def test_a_link_for_an_unpublished_listing_is_gone(service, client):
    path = link_path(request_for(service), Action.CONFIRM)
    service.unpublish()

    assert client.post(path).status_code == 410
    assert unchanged(service)


def test_a_confirmation_cannot_hide_another_contacts_report(service, client):
    reporter = request_for(service)
    confirmer = request_for(service, email="manager@example.org", name="Service manager")
    client.post(link_path(reporter, Action.CHANGES), {"changes": "New address."})

    response = client.post(link_path(confirmer, Action.CONFIRM))

    assert response.status_code == 409
    assert "told us that something has changed" in response.text
    assert unchanged(service)


def test_publishing_a_draft_saved_before_the_review_keeps_the_review(service, client):
    service.summary = "A draft edit, saved before the provider confirmed the listing."
    service.save_revision()
    client.post(link_path(request_for(service), Action.CONFIRM))
    service.refresh_from_db()
    reviewed_at = service.last_reviewed_at

    service.get_latest_revision().publish()

    service.refresh_from_db()
    assert service.summary.startswith("A draft edit")
    assert service.last_reviewed_at == reviewed_at
    assert service.last_reviewed_by_name == "Family support team (team@example.org)"


def test_still_correct_closes_the_overdue_alert_at_once(service, browser):
    from alerts.raising import Kind, raise_alert

    overdue, _ = raise_alert(Kind.OVERDUE_REVIEW, service, cycle=str(service.next_review_due))
    path = link_path(request_for(service), Action.CONFIRM)

    page = browser.get(path)
    browser.post(path, {"csrfmiddlewaretoken": csrf_token(page)})

    overdue.refresh_from_db()
    assert overdue.resolved_at is not None  # not left for the next daily scan
