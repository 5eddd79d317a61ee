"""Postcodes to places, offline: from the directory's own locations, never a network call.

A postcode is placed where a public location with that postcode is; failing that,
at the centre of the public locations in its outward code (CO4 for CO4 3SQ). An
outward code alone works the same way. Distances are great-circle (haversine),
computed in the database so that results page in distance order.
"""

import math
import re
from dataclasses import dataclass

from django.db.models import Avg, F, FloatField, Value
from django.db.models.functions import ASin, Cast, Cos, Least, Power, Radians, Sin, Sqrt

from api.oruk.querysets import service_locations
from cms.validators import UK_POSTCODE, normalise_postcode

EARTH_RADIUS_METRES = 6_371_000
OUTWARD_CODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")


class UnknownPostcode(ValueError):
    pass


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float


def parse_postcode(value: str) -> tuple[str, str]:
    """(full postcode or "", outward code) of a UK postcode or outward code."""
    compact = re.sub(r"\s+", "", value or "").upper()
    if OUTWARD_CODE.match(compact):
        return "", compact
    full = normalise_postcode(compact)
    if not UK_POSTCODE.match(full):
        raise UnknownPostcode(
            f"{value!r} is not a UK postcode. Give a full postcode (CO4 3SQ) or its "
            "first half (CO4)."
        )
    return full, full.split(" ")[0]


def locate(value: str) -> Point:
    full, outward = parse_postcode(value)
    located = service_locations().filter(latitude__isnull=False, longitude__isnull=False)
    candidates = [located.filter(postcode__istartswith=f"{outward} ")]
    if full:
        candidates.insert(0, located.filter(postcode__iexact=full))
    for places in candidates:
        centre = places.aggregate(latitude=Avg("latitude"), longitude=Avg("longitude"))
        if centre["latitude"] is not None:
            return Point(float(centre["latitude"]), float(centre["longitude"]))
    raise UnknownPostcode(
        f"We cannot place {value!r}: no service in this directory is at that postcode or in "
        f"{outward}. Postcodes are placed from the directory's own locations."
    )


def distance_from(point: Point, latitude: str = "latitude", longitude: str = "longitude"):
    """The great-circle distance in metres from `point`, as a database expression."""

    def radians(field):
        return Radians(Cast(F(field), FloatField()))

    half_dlat = (radians(latitude) - Value(math.radians(point.latitude))) / 2
    half_dlon = (radians(longitude) - Value(math.radians(point.longitude))) / 2
    a = Power(Sin(half_dlat), 2) + Value(math.cos(math.radians(point.latitude))) * Cos(
        radians(latitude)
    ) * Power(Sin(half_dlon), 2)
    # Rounding can push `a` a hair above 1, where ASIN is undefined.
    return Value(2.0 * EARTH_RADIUS_METRES) * ASin(Least(Sqrt(a), Value(1.0)))
