"""The directory's vocabularies as ORUK taxonomies: fixed, so described here."""

from dataclasses import dataclass

from api.oruk.ids import taxonomy_id
from directory.models import Vocabulary

DESCRIPTIONS = {
    Vocabulary.CATEGORY: (
        "The kinds of support in the Local Offer, such as groups and activities, help "
        "with learning, or health and wellbeing."
    ),
    Vocabulary.NEED: (
        "Special educational needs and disabilities a service is for, such as autism or "
        "speech, language and communication needs."
    ),
    Vocabulary.AUDIENCE: (
        "Who a service is for: parents and carers, young people, or professionals."
    ),
}


@dataclass(frozen=True)
class Taxonomy:
    vocabulary: str

    @property
    def id(self) -> str:
        return taxonomy_id(self.vocabulary)

    @property
    def name(self) -> str:
        return Vocabulary(self.vocabulary).label

    @property
    def description(self) -> str:
        return DESCRIPTIONS[self.vocabulary]

    def matches(self, text: str) -> bool:
        text = text.casefold()
        return any(text in value.casefold() for value in (self.name, self.description))


TAXONOMIES = [Taxonomy(vocabulary) for vocabulary in Vocabulary.values]
BY_ID = {taxonomy.id: taxonomy for taxonomy in TAXONOMIES}
BY_VOCABULARY = {taxonomy.vocabulary: taxonomy for taxonomy in TAXONOMIES}


def find_taxonomy(value: str) -> Taxonomy | None:
    """A taxonomy by its id, or by its vocabulary's code (e.g. `need`)."""
    return BY_ID.get(value.strip().lower()) or BY_VOCABULARY.get(value.strip())
