"""Every email the project sends goes through `send_email`: one place for the envelope
sender (where bounces go), the headers all of them carry, and text plus HTML bodies.

A recipient our mail server refuses is news for the deliverability records (docs/bounces.md),
which live in `tasks`, above every sender: `send_email` hands the refusal to the function
the setting EMAIL_REFUSAL_RECORDER names (`tasks.bounces.smtp.record_refusal`).
"""

import smtplib
from datetime import datetime
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.utils import DNS_NAME
from django.db import OperationalError
from django.template.loader import render_to_string
from django.utils.module_loading import import_string

from cms.verp import return_path, verp_address

# Worth trying again later: the mail server or the database was unavailable. A
# recipient the server refuses (SMTPRecipientsRefused) is not: callers catch it first.
TRANSIENT_ERRORS = (smtplib.SMTPException, OSError, OperationalError)


def envelope_sender(recipient: str) -> str:
    """The SMTP MAIL FROM address, which the receiving server records as Return-Path and
    sends bounces to: with BOUNCE_VERP, a signed VERP address naming the recipient
    (bounces+team=school.test.<signature>@…), so that a bounce names the address that
    failed whatever the report inside says (cms.verp)."""
    if settings.BOUNCE_VERP:
        return verp_address(return_path(), recipient)
    return return_path()


def send_email(
    *,
    to: str,
    subject: str,
    template: str,
    context: dict,
    connection=None,
    headers: dict[str, str] | None = None,
    now: datetime | None = None,
) -> None:
    """Render `<template>.txt` and `<template>.html` and send them to one recipient.

    One recipient per message: each gets their own links and their own envelope sender,
    and a refusal names one address. A recipient the mail server refuses is recorded as
    a bounce (5xx) or a temporary failure (4xx) of that address, and the
    SMTPRecipientsRefused is raised on for the caller to handle. `now` is when that
    happened (a job's injected clock), by default the present.
    """
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    # Ours, not the backend's, so a refusal is recorded under the message it refused.
    message_id = make_msgid(domain=DNS_NAME)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),  # a header: no line breaks
        body=render_to_string(f"{template}.txt", context),
        # Django's SMTP backend uses from_email as the envelope sender; the From header
        # people see is set below.
        from_email=envelope_sender(to),
        to=[to],
        connection=connection,
        headers={
            "Message-ID": message_id,
            "From": settings.DEFAULT_FROM_EMAIL,
            # RFC 3834: sent by a program, so out-of-office replies are not sent back.
            "Auto-Submitted": "auto-generated",
            **(headers or {}),
        },
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused as refused:
        record_refusal = import_string(settings.EMAIL_REFUSAL_RECORDER)
        record_refusal(refused, message_id=message_id, now=now)
        raise
