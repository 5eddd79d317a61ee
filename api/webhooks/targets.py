"""Which URLs webhooks may be sent to.

Only https, so payloads and signatures travel encrypted. Never to a loopback, private,
link-local or otherwise internal address, which would let a partner make this server
call into its own network; checked when an endpoint is saved and again before every
request, since what a name resolves to can change. WEBHOOK_ALLOW_LOOPBACK lets
development and tests use plain http to this machine.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings


class UnsafeTarget(ValueError):
    pass


def check_url(url: str, *, resolve: bool = True) -> None:
    """Raise UnsafeTarget, with a message for the partner, unless `url` may be called.
    `resolve=False` skips the DNS lookup of a host name (the syntax checks still run)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018  (raises ValueError on a bad port)
    except ValueError:
        raise UnsafeTarget("Not a valid URL.") from None
    if not host:
        raise UnsafeTarget("The URL needs a host.")
    if parts.username or parts.password:
        raise UnsafeTarget("Credentials do not belong in the URL; verify our signature instead.")
    loopback_allowed = settings.WEBHOOK_ALLOW_LOOPBACK and is_loopback_host(host)
    if parts.scheme != "https" and not (parts.scheme == "http" and loopback_allowed):
        raise UnsafeTarget("Use an https:// URL.")
    if loopback_allowed:
        return
    for address in addresses_of(host, resolve=resolve):
        if not address.is_global:
            raise UnsafeTarget(f"{host} is a private or internal address ({address}).")


def is_loopback_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def addresses_of(host: str, *, resolve: bool) -> list:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    if host == "localhost" or host.endswith((".localhost", ".internal", ".local")):
        return [ipaddress.ip_address("127.0.0.1")]
    if not resolve:
        return []
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except OSError:
        raise UnsafeTarget(f"{host} does not resolve.") from None
    return [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
