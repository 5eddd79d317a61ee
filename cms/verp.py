"""The signed VERP return path: each email's envelope sender names its recipient.

A bounce goes to the envelope sender, so with `bounces+<token>@example.org` as the
sender of the email to `team@school.test`, the bounce arrives addressed to the token and
names the address we wrote to, whatever the report inside says (a forwarded address, a
report in a shape no parser knows, or none at all).

The token is the recipient, readable (`team=school.test`, the usual VERP form), and a
signature made with Django's signing (a salted HMAC of SECRET_KEY, so SECRET_KEY_FALLBACKS
keep old tokens working through a key rotation). The signature is cut to 16 hexadecimal
digits: the address must stay short, and some mail servers lower-case the local part,
which would break a base64 signature. A token that does not verify is ignored.
"""

import re
from email.message import Message
from email.utils import getaddresses, parseaddr

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac

from cms.validators import normalise_email

# Named for where this module first lived: a new salt would void every token still on
# its way back in a bounce.
SALT = "tasks.bounces.verp"
SEPARATOR = "."  # between the recipient and the signature, which has no dots

# Headers that name the address a message was delivered to.
DELIVERY_HEADERS = ("Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To", "To")

# A local part we can carry in ours without quoting (RFC 5322 dot-atom text).
PLAIN_LOCAL_PART = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$")
DOMAIN = re.compile(r"^[A-Za-z0-9.-]+$")


def return_path() -> str:
    """Where bounces go: EMAIL_RETURN_PATH, or the address in DEFAULT_FROM_EMAIL."""
    return settings.EMAIL_RETURN_PATH or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


class ReturnPathSigner(signing.Signer):
    """Django's signer, with a signature short enough for an email address and in
    lower-case hexadecimal, which survives a server that lower-cases addresses."""

    def signature(self, value, key=None):
        key = key or self.key
        digest = salted_hmac(self.salt + "signer", value, key, algorithm=self.algorithm)
        return digest.hexdigest()[:16]


def signer() -> ReturnPathSigner:
    return ReturnPathSigner(salt=SALT, sep=SEPARATOR)


def verp_address(bounce_address: str, recipient: str) -> str:
    """`bounce_address` (bounces@example.org) with a token naming `recipient`:
    bounces+team=school.test.3f9c0a1b2c3d4e5f@example.org. The plain return path if the
    recipient's address cannot be carried in it."""
    local, _, domain = bounce_address.rpartition("@")
    user, _, recipient_domain = normalise_email(recipient).rpartition("@")
    if not (local and domain and user and recipient_domain):
        return bounce_address
    if not PLAIN_LOCAL_PART.match(user) or not DOMAIN.match(recipient_domain):
        return bounce_address
    return f"{local}+{signer().sign(f'{user}={recipient_domain}')}@{domain}"


def recipient_from_verp(address: str, bounce_address: str) -> str | None:
    """The recipient a VERP address names, if it is one of ours and its token verifies."""
    local, _, domain = bounce_address.rpartition("@")
    prefix = f"{local}+".lower()
    address = normalise_email(address)
    token, _, address_domain = address.rpartition("@")
    if address_domain != domain.lower() or not token.startswith(prefix):
        return None
    try:
        payload = signer().unsign(token[len(prefix) :])
    except signing.BadSignature:
        return None
    user, _, recipient_domain = payload.rpartition("=")
    return f"{user}@{recipient_domain}" if user and recipient_domain else None


def verp_recipient_in(message: Message, bounce_address: str) -> str | None:
    """The recipient named by the first valid VERP address the message was delivered to."""
    for header in DELIVERY_HEADERS:
        for _, address in getaddresses([str(value) for value in message.get_all(header, [])]):
            if recipient := recipient_from_verp(address, bounce_address):
                return recipient
    return None
