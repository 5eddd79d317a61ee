"""Rate-limit headers on every answer that was counted, as the IETF httpapi draft
(RateLimit header fields for HTTP) has them: each policy the request was counted under
in `RateLimit-Policy` (its quota `q` per window of `w` seconds), and in `RateLimit` what
is left of each (`r`) and the seconds until its window starts again (`t`). 304s and
429s are counted and answered with them too."""

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Counted:
    policy: str
    quota: int
    window: int
    remaining: int
    reset: int


def record(request, policy: str, *, quota: int, window: int, count: int, reset: float) -> None:
    """Note that `request` was counted under `policy` (called by the throttles)."""
    counted = Counted(policy, quota, window, max(0, quota - count), max(0, math.ceil(reset)))
    request._request.rate_limits = [*getattr(request._request, "rate_limits", ()), counted]


def headers(request) -> dict[str, str]:
    counted = getattr(getattr(request, "_request", request), "rate_limits", ())
    if not counted:
        return {}
    return {
        "RateLimit-Policy": ", ".join(f'"{c.policy}";q={c.quota};w={c.window}' for c in counted),
        "RateLimit": ", ".join(f'"{c.policy}";r={c.remaining};t={c.reset}' for c in counted),
    }
