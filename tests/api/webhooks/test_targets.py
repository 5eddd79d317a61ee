"""Where webhooks may go: one rule for the saved URL, the send-time check and the
connection's peer. Only ordinary global unicast, whatever form the address takes."""

import ipaddress
import socket

import pytest
from django.test import override_settings

from api.webhooks.models import WebhookEndpoint
from api.webhooks.targets import UnsafeTarget, check_url, may_connect_to, pinned_session

REFUSED = [
    # IPv4 special-purpose blocks and multicast
    "https://127.0.0.1/hooks",  # loopback
    "https://10.1.2.3/hooks",  # private
    "https://172.16.5.4/hooks",
    "https://192.168.0.10/hooks",
    "https://169.254.169.254/latest/meta-data/",  # link local (cloud metadata)
    "https://100.64.0.1/hooks",  # shared address space
    "https://0.0.0.0/hooks",
    "https://192.0.0.8/hooks",  # IPv4 dummy address
    "https://192.0.0.9/hooks",  # PCP anycast: "globally reachable", not a partner
    "https://192.0.2.10/hooks",  # documentation
    "https://198.18.0.1/hooks",  # benchmarking
    "https://224.0.0.1/hooks",  # multicast
    "https://239.255.255.250/hooks",
    "https://240.0.0.1/hooks",  # reserved
    "https://255.255.255.255/hooks",  # broadcast
    # IPv6, and IPv4 inside IPv6
    "https://[::1]/hooks",
    "https://[::]/hooks",
    "https://[::7f00:1]/",  # IPv4-compatible 127.0.0.1
    "https://[::ffff:127.0.0.1]/hooks",  # IPv4-mapped
    "https://[::ffff:10.0.0.1]/hooks",
    "https://[64:ff9b::7f00:1]/hooks",  # NAT64 of 127.0.0.1
    "https://[64:ff9b::a9fe:a9fe]/hooks",  # NAT64 of 169.254.169.254
    "https://[64:ff9b:1::5db8:d70e]/hooks",  # local-use NAT64
    "https://[2002:7f00:1::]/hooks",  # 6to4 of 127.0.0.1
    "https://[2002:c0a8:1::1]/hooks",  # 6to4 of 192.168.0.1
    "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hooks",  # Teredo
    "https://[2001:db8::1]/hooks",  # documentation
    "https://[fc00::1]/hooks",  # unique local
    "https://[fd12:3456:789a::1]/hooks",
    "https://[fe80::1]/hooks",  # link local
    "https://[ff02::1]/hooks",  # multicast
    "https://[100::1]/hooks",  # discard-only
    "https://[4000::1]/hooks",  # outside global unicast space
    # names
    "https://localhost/hooks",
    "https://hooks.internal/x",
]
ALLOWED = [
    "https://93.184.215.14/hooks",
    "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hooks",
    "https://[::ffff:93.184.215.14]/hooks",  # IPv4-mapped public address
    "https://[64:ff9b::5db8:d70e]/hooks",  # NAT64 of a public address
    "https://[2002:5db8:d70e::1]/hooks",  # 6to4 of a public address
]


def host_address(url):
    host = url.split("//", 1)[1].split("/", 1)[0].strip("[]")
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


@override_settings(WEBHOOK_ALLOW_LOOPBACK=False)
@pytest.mark.parametrize("url", REFUSED)
def test_special_purpose_addresses_are_refused_in_every_form(url):
    with pytest.raises(UnsafeTarget, match="private or internal address"):
        check_url(url)
    address = host_address(url)
    if address is not None:  # the connection-time check says the same
        assert not may_connect_to(address)


@override_settings(WEBHOOK_ALLOW_LOOPBACK=False)
@pytest.mark.parametrize("url", ALLOWED)
def test_ordinary_global_unicast_is_allowed(url):
    check_url(url)
    assert may_connect_to(host_address(url))


@override_settings(WEBHOOK_ALLOW_LOOPBACK=False)
@pytest.mark.parametrize(
    "url", ["https://[::7f00:1]/", "https://[64:ff9b::7f00:1]/", "https://[2002:7f00:1::]/"]
)
def test_a_partner_cannot_subscribe_an_internal_address_in_disguise(partner_api, url):
    response = partner_api.post("/api/v1/webhooks/", {"url": url}, format="json")
    assert response.status_code == 400
    assert [error["param"] for error in response.json()["errors"]] == ["url"]
    assert not WebhookEndpoint.objects.exists()


@pytest.fixture
def dual_stack_listener():
    """A socket listening on IPv6 and IPv4 at once, so ::ffff:127.0.0.1 reaches it."""
    listener = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    listener.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    listener.bind(("::", 0))
    listener.listen()
    listener.settimeout(5)
    yield listener
    listener.close()


def test_a_connection_landing_on_a_mapped_loopback_address_is_refused(
    dual_stack_listener, settings
):
    settings.WEBHOOK_ALLOW_LOOPBACK = False
    url = f"http://[::ffff:127.0.0.1]:{dual_stack_listener.getsockname()[1]}/hooks"
    with pytest.raises(UnsafeTarget, match=r"connected to an internal address \(::ffff:7f00:1\)"):
        pinned_session().post(url, data=b"{}", timeout=5)
    connection, _peer = dual_stack_listener.accept()
    with connection:
        assert connection.recv(1024) == b""  # closed before a byte of the request was sent


@override_settings(WEBHOOK_ALLOW_LOOPBACK=True)
@pytest.mark.parametrize("url", ["http://127.0.0.1:8080/hook", "http://[::1]:8080/hook"])
def test_development_may_use_loopback_over_either_ip_version(url):
    check_url(url)  # raises if refused
    host = url.split("//")[1].rsplit(":", 1)[0].strip("[]")
    assert may_connect_to(ipaddress.ip_address(host))


@override_settings(WEBHOOK_ALLOW_LOOPBACK=False)
@pytest.mark.parametrize("address", ["::1", "::", "127.0.0.1"])
def test_production_refuses_loopback_and_unspecified_of_either_version(address):
    assert not may_connect_to(ipaddress.ip_address(address))
