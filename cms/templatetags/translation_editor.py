from django import template
from django.utils.translation import gettext

from cms.translation import Outcome, editor_action

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_editor_action(context, instance) -> dict | None:
    """How the editor's "Publish in …" should read for this user, if not as it does."""
    outcome = editor_action(context["request"].user, instance)
    if outcome is Outcome.SUBMITTED:
        return {"label": gettext("Submit for moderation in "), "progress": gettext("Submitting…")}
    if outcome is Outcome.APPROVED:
        return {"label": gettext("Approve and publish in "), "progress": gettext("Publishing…")}
    return None
