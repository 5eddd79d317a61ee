"""System checks: a bounce intake that is switched on must be one nobody else can feed.

Run by `manage.py check --deploy` and at every start of the web server.
"""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from tasks.bounces.imap import MailboxError, mailbox_from_url
from tasks.bounces.webhooks import TRACKING_VIEWS


@register(Tags.security)
def check_bounce_intakes(app_configs=None, **kwargs) -> list:
    problems = []
    providers = settings.BOUNCE_WEBHOOK_PROVIDERS
    anymail = getattr(settings, "ANYMAIL", {})
    for provider in providers:
        if provider not in TRACKING_VIEWS:
            problems.append(
                Error(
                    f"BOUNCE_WEBHOOK_PROVIDERS names {provider!r}, which is not one of "
                    f"{', '.join(sorted(TRACKING_VIEWS))}.",
                    id="tasks.E801",
                )
            )
    if providers and not anymail.get("WEBHOOK_SECRET"):
        problems.append(
            Error(
                "Bounce webhooks are on (BOUNCE_WEBHOOK_PROVIDERS) but have no shared secret: "
                "anyone could post to them.",
                hint="Set ANYMAIL_WEBHOOK_SECRET to a random user:password (docs/bounces.md).",
                id="tasks.E802",
            )
        )
    if "mailgun" in providers and not anymail.get("MAILGUN_WEBHOOK_SIGNING_KEY"):
        problems.append(
            Error(
                "The Mailgun bounce webhook needs Mailgun's webhook signing key.",
                hint="Set MAILGUN_WEBHOOK_SIGNING_KEY.",
                id="tasks.E803",
            )
        )
    if "sendgrid" in providers and not anymail.get("SENDGRID_TRACKING_WEBHOOK_VERIFICATION_KEY"):
        problems.append(
            Warning(
                "The SendGrid bounce webhook checks only the shared secret, not SendGrid's "
                "signature.",
                hint="Turn on the signed event webhook and set SENDGRID_WEBHOOK_VERIFICATION_KEY.",
                id="tasks.W804",
            )
        )
    if settings.BOUNCE_IMAP_URL:
        try:
            mailbox_from_url(settings.BOUNCE_IMAP_URL)
        except MailboxError as error:
            problems.append(Error(f"BOUNCE_IMAP_URL: {error}", id="tasks.E805"))
    return problems
