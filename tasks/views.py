"""The pages a review request's links open, at /review/<token>/.

Mail scanners and link previews follow links, so a GET only shows a page: the listing is
marked reviewed, or the report of changes is taken, by the POST of a form on that page
(with Django's CSRF protection). Plain HTML, no JavaScript.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from tasks.forms import ChangesForm
from tasks.listings import label_field
from tasks.models import ReviewRequest
from tasks.review_links import Action, ReviewLink
from tasks.review_requests import (
    AlreadyAnswered,
    ChangesReported,
    confirm_listing,
    open_request,
    report_changes,
)


@dataclass(frozen=True)
class Problem:
    title: str
    message: str
    status: int


INVALID = Problem(
    "This link does not work",
    "The link is incomplete or has been changed. Please use the link exactly as it is in "
    "the email, or contact us.",
    400,
)
EXPIRED = Problem(
    "This link has expired",
    "Links in our emails work for a limited time. Nothing has been changed. Please contact "
    "us and we will check the listing with you.",
    410,
)
GONE = Problem(
    "This listing is no longer published",
    "There is nothing to check: the listing has been taken down or removed.",
    410,
)
USED = Problem(
    "This link has already been used",
    "The listing has been checked since this email was sent, so there is nothing more to "
    "do. Thank you.",
    409,
)
CHANGES_REPORTED = Problem(
    "Someone has told us about changes",
    "Another contact for this listing has told us that something has changed. The Local "
    "Offer team will update the listing and check it with you.",
    409,
)


def render_page(request, template: str, context: dict, status: int = 200):
    response = render(
        request,
        f"tasks/review/{template}.html",
        {"site_name": settings.WAGTAIL_SITE_NAME, "contact_email": contact_email(), **context},
        status=status,
    )
    # The token is in the URL: keep it out of Referer headers and search engines.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def contact_email() -> str:
    return settings.MAINTAINER_EMAILS[0] if settings.MAINTAINER_EMAILS else ""


def problem(request, problem: Problem):
    return render_page(request, "problem", {"problem": problem}, status=problem.status)


@never_cache
@require_http_methods(["GET", "POST"])
def review(request, token: str):
    try:
        link = ReviewLink.from_token(token)
    except signing.SignatureExpired:
        return problem(request, EXPIRED)
    except signing.BadSignature:
        return problem(request, INVALID)

    try:
        review_request, listing = open_request(link)
    except ReviewRequest.DoesNotExist:
        return problem(request, GONE)
    except AlreadyAnswered:
        return problem(request, USED)

    context = {
        "listing": listing,
        "label": getattr(listing, label_field(type(listing))),
        "reviewer": review_request.reviewer_name,
    }
    if link.action == Action.CONFIRM:
        return confirm(request, link, context)
    return changes(request, link, context)


def confirm(request, link: ReviewLink, context: dict):
    if request.method == "POST":
        try:
            confirm_listing(link)
        except AlreadyAnswered:  # answered between showing the page and this POST
            return problem(request, USED)
        except ChangesReported:
            return problem(request, CHANGES_REPORTED)
        except ReviewRequest.DoesNotExist:
            return problem(request, GONE)
        return render_page(request, "done", {**context, "confirmed": True})
    changes_link = ReviewLink(link.request_id, link.listing, link.cycle, Action.CHANGES)
    context["changes_path"] = reverse("tasks:review", args=[changes_link.token()])
    return render_page(request, "confirm", context)


def changes(request, link: ReviewLink, context: dict):
    form = ChangesForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            report_changes(link, form.cleaned_data["changes"])
        except AlreadyAnswered:
            return problem(request, USED)
        except ReviewRequest.DoesNotExist:
            return problem(request, GONE)
        return render_page(request, "done", {**context, "confirmed": False})
    status = 400 if form.is_bound else 200
    return render_page(request, "changes", {**context, "form": form}, status=status)
