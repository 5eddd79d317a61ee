"""Reader feedback on a listing: stored, and put in front of maintainers as an alert."""

from alerts.models import MaintainerAlert
from alerts.raising import raise_alert
from api.models import Partner, ReaderFeedback
from directory.models import ServicePage


def record_feedback(
    service: ServicePage, partner: Partner | None, message: str, contact: str = ""
) -> ReaderFeedback:
    feedback = ReaderFeedback.objects.create(
        service=service, partner=partner, message=message, contact=contact
    )
    source = f"via {partner}" if partner else "via the API"
    reply_to = f"\nContact: {contact}" if contact else ""
    # Each report is its own alert (its own cycle), so a second one is never folded away.
    raise_alert(
        MaintainerAlert.Kind.READER_FEEDBACK,
        service,
        cycle=f"feedback-{feedback.pk}",
        message=f"A reader says ({source}):\n{message}{reply_to}",
        now=feedback.created_at,
    )
    return feedback
