"""Webhook signing secrets: `whsec_` + base64 of 24 random bytes, as the Standard
Webhooks libraries expect, kept encrypted at rest so neither the admin nor a copy of
the database gives them back. The encryption key derives from SECRET_KEY."""

import base64
import hashlib
import secrets
from datetime import timedelta

from cryptography.fernet import Fernet
from django.conf import settings

PREFIX = "whsec_"
ROTATION_OVERLAP = timedelta(hours=24)


def generate() -> str:
    return PREFIX + base64.b64encode(secrets.token_bytes(24)).decode()


def _fernet() -> Fernet:
    digest = hashlib.sha256(b"api.webhooks.secrets:" + settings.SECRET_KEY.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def encrypt(plain: str) -> str:
    return _fernet().encrypt(plain.encode()).decode()


def decrypt(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode()
