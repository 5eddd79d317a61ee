"""British English dates written out in full, as council letters write them: 20 February
2024 (Django's own en_GB has "20 Feb 2024"). Everything else is Django's en_GB."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
