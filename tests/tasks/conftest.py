"""Fixtures for the maintenance jobs: a fixed clock, listings of every reviewable type,
and a real SMTP server (aiosmtpd) that Django's SMTP backend talks to."""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from tests.conftest import free_port

# The injected clock: the jobs are called with `now=NOW` (or a day relative to it).
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def days_ago(days: int) -> datetime:
    return NOW - timedelta(days=days)


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage

    @property
    def text(self) -> str:
        return self.message.get_body(preferencelist=("plain",)).get_content()

    @property
    def html(self) -> str:
        return self.message.get_body(preferencelist=("html",)).get_content()


@dataclass
class SMTPRecorder:
    """An aiosmtpd handler that keeps every message and refuses the addresses in
    `refuse` at RCPT TO, as a real server does for a mailbox that does not exist."""

    host: str = "127.0.0.1"
    port: int = 0
    messages: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            Received(
                mail_from=envelope.mail_from,
                rcpt_tos=list(envelope.rcpt_tos),
                message=message_from_bytes(envelope.content, policy=policy.default),
            )
        )
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[Received]:
        return [received for received in self.messages if address in received.rcpt_tos]


@pytest.fixture
def smtp_server(settings):
    recorder = SMTPRecorder(port=free_port())
    controller = Controller(recorder, hostname=recorder.host, port=recorder.port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = recorder.host
    settings.EMAIL_PORT = recorder.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    try:
        yield recorder
    finally:
        controller.stop()


@pytest.fixture
def maintenance_settings(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://cms.example.org"
    settings.DEFAULT_FROM_EMAIL = "Essex Local Offer <local-offer@example.org>"
    settings.EMAIL_RETURN_PATH = "bounces@example.org"
    settings.MAINTAINER_EMAILS = ["send-team@example.org"]
    settings.REVIEW_REQUEST_DAYS_BEFORE = 30
    settings.REVIEW_LINK_MAX_AGE_DAYS = 60
    settings.DIGEST_REPEAT_DAYS = 7
    settings.REVIEW_INTERVAL_DAYS = {
        "directory.servicepage": 365,
        "directory.partnerpage": 365,
        "guides.guidepage": 365,
        "directory.cluster": 120,
    }
    return settings


@pytest.fixture
def make_listing(sections, maintenance_settings):
    """make_listing(kind, reviewed_days_ago, **fields): a live listing of one type,
    last reviewed that many days before NOW."""
    from directory.factories import (
        ClusterFactory,
        ClusterStaffFactory,
        PartnerPageFactory,
        ServiceContactFactory,
        ServicePageFactory,
    )
    from directory.models import ClusterStaff
    from guides.factories import GuidePageFactory

    def make(kind: str, reviewed_days_ago: int, **fields):
        reviewed = {"last_reviewed_at": days_ago(reviewed_days_ago)}
        if kind == "service":
            contacts = fields.pop("contacts", None)
            page = ServicePageFactory(parent=sections["council"], **reviewed, **fields)
            for contact in contacts or []:
                ServiceContactFactory(page=page, **contact)
            return page
        if kind == "guide":
            return GuidePageFactory(parent=sections["guides"], **reviewed, **fields)
        if kind == "partner":
            return PartnerPageFactory(parent=sections["health"], **reviewed, **fields)
        if kind == "cluster":
            manager = fields.pop("manager", None)
            cluster = ClusterFactory(**reviewed, **fields)
            if manager:
                ClusterStaffFactory(
                    cluster=cluster, role=ClusterStaff.Role.QUADRANT_MANAGER, **manager
                )
            return cluster
        raise ValueError(kind)

    return make


# Review intervals of the listing types in maintenance_settings, in days.
INTERVALS = {"service": 365, "guide": 365, "partner": 365, "cluster": 120}


@pytest.fixture
def listing(make_listing):
    """listing(kind, due_in_days, **fields): a live listing whose review falls due that
    many days from today (negative: overdue). make_listing counts from the suite's fixed
    NOW; the admin counts from today."""
    shift = (timezone.localdate() - NOW.date()).days

    def make(kind, due_in_days, **fields):
        return make_listing(kind, INTERVALS[kind] - due_in_days - shift, **fields)

    return make


@pytest.fixture
def make_user(django_user_model):
    """make_user(username, *group names): an active user in those groups."""

    def make(username, *groups):
        from django.contrib.auth.models import Group

        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", "pw", first_name=username.title()
        )
        user.groups.add(*Group.objects.filter(name__in=groups))
        return user

    return make
