"""The client address of a request: the one rule every per-IP limit uses (the API's rate
limits and the admin's login lockout).

`X-Forwarded-For` is written by whoever sends the request, so it counts only through the
proxies the operator declares in TRUSTED_PROXY_COUNT. Each proxy appends the address it
received the request from; with N proxies in front of the app, the client is the N-th
address from the right, and anything to its left is what the client claims. With none
(the default), the header is ignored and the client is the connection's peer.
"""

from django.conf import settings


def client_ip(request) -> str:
    """The address of the client that sent `request` (a Django or DRF request)."""
    meta = request.META
    remote = meta.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [address.strip() for address in meta.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [address for address in forwarded if address]
    if not forwarded:
        return remote
    # Fewer entries than proxies: the request came in past the outer ones.
    return forwarded[-min(proxies, len(forwarded))]
