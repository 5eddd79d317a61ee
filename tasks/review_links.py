"""The signed one-click links in a review request.

A token names the review request, the listing and the review cycle it was sent for, and
what the link does; it is signed with SECRET_KEY (Django signing) and stamped with the
time it was made, so it cannot be altered or forged and it expires. It is also single
use: the page refuses it once the request is answered or the listing's cycle has moved.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.urls import reverse

from tasks.models import ReviewRequest

SALT = "tasks.review-link"


class Action(StrEnum):
    CONFIRM = "confirm"
    CHANGES = "changes"


class ReviewSigner(signing.TimestampSigner):
    """A TimestampSigner whose stamp can be set, so a test can make an old link."""

    def __init__(self, *, issued_at: datetime | None = None):
        super().__init__(salt=SALT)
        self.issued_at = issued_at

    def timestamp(self):
        if self.issued_at is None:
            return super().timestamp()
        return signing.b62_encode(int(self.issued_at.timestamp()))


def listing_key(content_type_id: int, object_id: int) -> str:
    content_type = ContentType.objects.get_for_id(content_type_id)
    return f"{content_type.app_label}.{content_type.model}:{object_id}"


@dataclass(frozen=True)
class ReviewLink:
    request_id: int
    listing: str
    cycle: str
    action: Action

    @classmethod
    def for_request(cls, review_request: ReviewRequest, action: Action) -> "ReviewLink":
        return cls(
            request_id=review_request.pk,
            listing=listing_key(review_request.content_type_id, review_request.object_id),
            cycle=review_request.cycle,
            action=action,
        )

    def token(self, *, issued_at: datetime | None = None) -> str:
        payload = {"r": self.request_id, "l": self.listing, "c": self.cycle, "a": self.action}
        return ReviewSigner(issued_at=issued_at).sign_object(payload, compress=True)

    def url(self, *, issued_at: datetime | None = None) -> str:
        path = reverse("tasks:review", args=[self.token(issued_at=issued_at)])
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path

    @classmethod
    def from_token(cls, token: str) -> "ReviewLink":
        """Raises signing.SignatureExpired for an old link and signing.BadSignature for
        anything altered or made up."""
        payload = ReviewSigner().unsign_object(
            token, max_age=timedelta(days=settings.REVIEW_LINK_MAX_AGE_DAYS)
        )
        try:
            return cls(
                request_id=int(payload["r"]),
                listing=str(payload["l"]),
                cycle=str(payload["c"]),
                action=Action(payload["a"]),
            )
        except (KeyError, TypeError, ValueError) as error:  # signed, but not by us for this
            raise signing.BadSignature("Not a review link.") from error

    def matches(self, review_request: ReviewRequest) -> bool:
        return (
            review_request.cycle == self.cycle
            and listing_key(review_request.content_type_id, review_request.object_id)
            == self.listing
        )
