"""Fixed lists shared by the directory's models, forms and feeds."""

from django.db import models


class ServiceArea(models.TextChoices):
    """The four Essex quadrants used by the council's SEND teams."""

    NORTH_EAST = "north-east", "North East Essex"
    MID = "mid", "Mid Essex"
    SOUTH = "south", "South Essex"
    WEST = "west", "West Essex"


# Languages a service can be delivered in (ISO 639 codes; BSL is "bfi").
LANGUAGES = [
    ("en", "English"),
    ("bfi", "British Sign Language"),
    ("pl", "Polish"),
    ("ro", "Romanian"),
    ("lt", "Lithuanian"),
    ("pt", "Portuguese"),
    ("tr", "Turkish"),
    ("ar", "Arabic"),
    ("bn", "Bengali"),
    ("pa", "Punjabi"),
    ("ur", "Urdu"),
    ("zh", "Chinese"),
]
