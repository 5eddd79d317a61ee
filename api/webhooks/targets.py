"""Which URLs webhooks may be sent to.

Only https, so payloads and signatures travel encrypted. Never to a loopback, private,
link-local or otherwise internal address, which would let a partner make this server
call into its own network: checked when an endpoint is saved, before every request, and
on the connection itself (`pinned_session`), since what a name resolves to can change
between the check and the connect. WEBHOOK_ALLOW_LOOPBACK lets development and tests use
plain http to this machine.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

import requests
import urllib3
from django.conf import settings
from requests.adapters import HTTPAdapter


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


def may_connect_to(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return address.is_global or (settings.WEBHOOK_ALLOW_LOOPBACK and address.is_loopback)


class PeerCheck:
    """Refuses a connection, once made, to an address webhooks may not reach."""

    def _new_conn(self):
        sock = super()._new_conn()
        address = ipaddress.ip_address(sock.getpeername()[0].split("%")[0])
        if not may_connect_to(address):
            sock.close()
            raise UnsafeTarget(f"{self.host} connected to an internal address ({address}).")
        return sock


class CheckedHTTPConnection(PeerCheck, urllib3.connection.HTTPConnection):
    pass


class CheckedHTTPSConnection(PeerCheck, urllib3.connection.HTTPSConnection):
    pass


class CheckedHTTPPool(urllib3.HTTPConnectionPool):
    ConnectionCls = CheckedHTTPConnection


class CheckedHTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = CheckedHTTPSConnection


class PinnedAdapter(HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": CheckedHTTPPool,
            "https": CheckedHTTPSPool,
        }


def pinned_session() -> requests.Session:
    """A requests session whose connections are checked where they land. It ignores
    proxy settings from the environment, which would hide where they land."""
    session = requests.Session()
    session.trust_env = False
    session.mount("http://", PinnedAdapter())
    session.mount("https://", PinnedAdapter())
    return session


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
