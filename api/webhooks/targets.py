"""Which URLs webhooks may be sent to.

Only https, so payloads and signatures travel encrypted. Only to ordinary global unicast
addresses, never to a loopback, private, link-local, multicast or otherwise special one,
which would let a partner make this server call into its own network: checked when an
endpoint is saved, before every request, and on the connection itself (`pinned_session`),
since what a name resolves to can change between the check and the connect. One
predicate, `is_ordinary_unicast`, decides all three. WEBHOOK_ALLOW_LOOPBACK lets
development and tests use plain http to this machine.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

import requests
import urllib3
from django.conf import settings
from requests.adapters import HTTPAdapter

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# The IANA IPv4 and IPv6 Special-Purpose Address Registries, whole blocks (some entries
# inside them are marked globally reachable, such as anycast services, but none is a
# partner's web server), with multicast and the reserved space. `ipaddress.is_global`
# is not this: it calls ::7f00:1 or 192.0.0.9 global.
SPECIAL_PURPOSE = [
    ipaddress.ip_network(block)
    for block in (
        # IPv4
        "0.0.0.0/8",  # this network
        "10.0.0.0/8",  # private use
        "100.64.0.0/10",  # shared address space (carrier-grade NAT)
        "127.0.0.0/8",  # loopback
        "169.254.0.0/16",  # link local (cloud metadata services)
        "172.16.0.0/12",  # private use
        "192.0.0.0/24",  # IETF protocol assignments (192.0.0.8 dummy, NAT64 discovery…)
        "192.0.2.0/24",  # documentation (TEST-NET-1)
        "192.31.196.0/24",  # AS112-v4
        "192.52.193.0/24",  # AMT
        "192.88.99.0/24",  # deprecated 6to4 relay anycast
        "192.168.0.0/16",  # private use
        "192.175.48.0/24",  # direct delegation AS112 service
        "198.18.0.0/15",  # benchmarking
        "198.51.100.0/24",  # documentation (TEST-NET-2)
        "203.0.113.0/24",  # documentation (TEST-NET-3)
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, and 255.255.255.255 limited broadcast
        # IPv6
        "::/128",  # unspecified
        "::1/128",  # loopback
        "64:ff9b:1::/48",  # local-use IPv4/IPv6 translation
        "100::/64",  # discard-only
        "100:0:0:1::/64",  # dummy prefix
        "2001::/23",  # IETF protocol assignments (Teredo 2001::/32, benchmarking, ORCHID…)
        "2001:db8::/32",  # documentation
        "2620:4f:8000::/48",  # direct delegation AS112 service
        "3fff::/20",  # documentation
        "5f00::/16",  # segment routing SIDs
        "fc00::/7",  # unique local
        "fe80::/10",  # link local
        "fec0::/10",  # deprecated site local
        "ff00::/8",  # multicast
    )
]
# IPv6 global unicast is allocated from here only; the rest is reserved.
GLOBAL_UNICAST_V6 = ipaddress.ip_network("2000::/3")
# IPv6 forms that carry an IPv4 address in their last 32 bits.
IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
NAT64_WELL_KNOWN = ipaddress.ip_network("64:ff9b::/96")


def unwrapped(address: IPAddress) -> IPAddress:
    """The IPv4 address an IPv6 one stands for (IPv4-mapped, IPv4-compatible, NAT64,
    6to4), which is where a connection to it lands; else the address itself."""
    if address.version == 4 or address.is_loopback or address.is_unspecified:
        return address  # ::1 and :: are themselves, not IPv4-compatible forms
    if address.ipv4_mapped:
        return address.ipv4_mapped
    if address in IPV4_COMPATIBLE or address in NAT64_WELL_KNOWN:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.sixtofour:
        return address.sixtofour
    return address


def is_ordinary_unicast(address: IPAddress) -> bool:
    """Whether `address` is an ordinary host on the internet: the one rule for webhooks."""
    address = unwrapped(address)
    if address.version == 6 and address not in GLOBAL_UNICAST_V6:
        return False
    return not any(address in block for block in SPECIAL_PURPOSE)


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
        if not is_ordinary_unicast(address):
            raise UnsafeTarget(f"{host} is a private or internal address ({address}).")


def may_connect_to(address: IPAddress) -> bool:
    """The check on a connection once made (PeerCheck): the same rule as check_url."""
    return is_ordinary_unicast(address) or (
        settings.WEBHOOK_ALLOW_LOOPBACK and unwrapped(address).is_loopback
    )


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
        return unwrapped(ipaddress.ip_address(host)).is_loopback
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
