"""Bounce messages in the shapes real mail servers send (*.eml), and helpers to use them.

Every fixture is addressed to the plain return path (bounces@example.org); tests that
need a VERP address put one in its place (`delivered_to`).
"""

from pathlib import Path

FIXTURES = Path(__file__).parent
RETURN_PATH = "bounces@example.org"


def message(name: str) -> bytes:
    return (FIXTURES / f"{name}.eml").read_bytes()


def delivered_to(raw: bytes, address: str) -> bytes:
    """The bounce as if delivered to `address` instead of the plain return path."""
    for header in (b"Delivered-To: ", b"Envelope-to: ", b"\nTo: "):
        raw = raw.replace(header + RETURN_PATH.encode(), header + address.encode())
    return raw
