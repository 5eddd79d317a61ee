"""Every email the project sends goes through `send_email`: one place for the envelope
sender (where bounces go), the headers all of them carry, and text plus HTML bodies."""

import smtplib
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import OperationalError
from django.template.loader import render_to_string

# Worth trying again later: the mail server or the database was unavailable. A
# recipient the server refuses (SMTPRecipientsRefused) is not: callers catch it first.
TRANSIENT_ERRORS = (smtplib.SMTPException, OSError, OperationalError)


def envelope_sender(recipient: str) -> str:
    """The SMTP MAIL FROM address, which the receiving server records as Return-Path and
    sends bounces to. The place to give each recipient a signed VERP address, so that a
    bounce names the address that failed."""
    return settings.EMAIL_RETURN_PATH or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def send_email(
    *,
    to: str,
    subject: str,
    template: str,
    context: dict,
    connection=None,
    headers: dict[str, str] | None = None,
) -> None:
    """Render `<template>.txt` and `<template>.html` and send them to one recipient.

    One recipient per message: each gets their own links and their own envelope sender,
    and a refusal names one address.
    """
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),  # a header: no line breaks
        body=render_to_string(f"{template}.txt", context),
        # Django's SMTP backend uses from_email as the envelope sender; the From header
        # people see is set below.
        from_email=envelope_sender(to),
        to=[to],
        connection=connection,
        headers={
            "From": settings.DEFAULT_FROM_EMAIL,
            # RFC 3834: sent by a program, so out-of-office replies are not sent back.
            "Auto-Submitted": "auto-generated",
            **(headers or {}),
        },
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    message.send()
