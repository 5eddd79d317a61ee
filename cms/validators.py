"""Validators for contact details, with messages written for council officers."""

import re

import phonenumbers
from django.core.exceptions import ValidationError

# Outward code (area, district), a space, inward code (sector, unit).
UK_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$")


def normalise_postcode(value: str) -> str:
    """'co4 3sq' -> 'CO4 3SQ': upper case, one space before the inward code."""
    compact = re.sub(r"\s+", "", value or "").upper()
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 3 else compact


def normalise_email(address: str) -> str:
    """How email addresses are compared: 'Team@School.test ' -> 'team@school.test'."""
    return address.strip().lower()


def validate_uk_postcode(value: str) -> None:
    if not UK_POSTCODE.match(normalise_postcode(value)):
        raise ValidationError("Enter a full UK postcode, such as CO4 3SQ.", code="invalid_postcode")


def validate_uk_phone(value: str) -> None:
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            "Enter a phone number people can call, such as 0333 013 8891 or +44 333 013 8891.",
            code="invalid_phone",
        )
