"""Fields every item carries, and the per-request lookups that keep a page of items
to a fixed number of queries (translations, terms in the reader's language)."""

from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers
from rest_framework.reverse import reverse

from api.public import public_queryset
from directory.models import TaxonomyTerm


class ItemContext:
    """Looked up once per response, for all the items in it."""

    def __init__(self, resource: str, items, scope, request):
        self.request = request
        self.translations: dict[str, dict[str, str]] = {}
        keys = {item.translation_key for item in items if hasattr(item, "translation_key")}
        if keys:
            rows = (
                scope.filter(resource, public_queryset(resource))
                .filter(translation_key__in=keys)
                .values_list("translation_key", "locale__language_code", "uuid")
            )
            for key, code, uuid in rows:
                self.translations.setdefault(str(key), {})[code] = str(uuid)
        self._terms: dict | None = None
        self._services_by_organisation: dict | None = None
        self.items, self.scope = items, scope

    def term_in(self, term: TaxonomyTerm, locale_id: int) -> TaxonomyTerm:
        """A term as the reader's language has it (the source term if untranslated)."""
        if self._terms is None:
            self._terms = {(t.translation_key, t.locale_id): t for t in TaxonomyTerm.objects.all()}
        return self._terms.get((term.translation_key, locale_id), term)

    def services_of(self, partner_page) -> list[str]:
        """Ids of the public services, in the key's scope, of a partner page's
        organisation, in the page's language: one query for all the items."""
        if self._services_by_organisation is None:
            pages = [item for item in self.items if getattr(item, "organisation", None)]
            rows = (
                self.scope.filter("services", public_queryset("services"))
                .filter(
                    organisation__translation_key__in={
                        p.organisation.translation_key for p in pages
                    },
                    locale_id__in={page.locale_id for page in pages},
                )
                .order_by("path")
                .values_list("organisation__translation_key", "locale_id", "uuid")
            )
            self._services_by_organisation = {}
            for key, locale_id, uuid in rows:
                self._services_by_organisation.setdefault((key, locale_id), []).append(str(uuid))
        key = (partner_page.organisation.translation_key, partner_page.locale_id)
        return self._services_by_organisation.get(key, [])


def attribution(source_url: str) -> dict:
    return {**settings.API_ATTRIBUTION, "source_url": source_url}


ATTRIBUTION_SCHEMA = inline_serializer(
    "Attribution",
    fields={
        "publisher": serializers.CharField(),
        "licence": serializers.CharField(),
        "licence_url": serializers.URLField(),
        "source_url": serializers.URLField(),
    },
)


class ItemSerializer(serializers.Serializer):
    """id, type, locale, translations, dates, canonical URL and attribution."""

    resource: str = ""

    id = serializers.UUIDField(source="uuid")
    type = serializers.SerializerMethodField()
    locale = serializers.SerializerMethodField()
    translations = serializers.SerializerMethodField()
    last_modified = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    attribution = serializers.SerializerMethodField()

    @property
    def item_context(self) -> ItemContext:
        return self.context["items"]

    def get_type(self, obj) -> str:
        return self.resource

    @extend_schema_field(OpenApiTypes.STR)
    def get_locale(self, obj):
        locale = getattr(obj, "locale", None)
        return locale.language_code if locale else None

    @extend_schema_field(
        serializers.DictField(child=serializers.UUIDField(), help_text="locale → id")
    )
    def get_translations(self, obj):
        key = getattr(obj, "translation_key", None)
        if key is None:
            return {}
        mine = self.get_locale(obj)
        return {
            code: uuid
            for code, uuid in sorted(self.item_context.translations.get(str(key), {}).items())
            if code != mine
        }

    @extend_schema_field(OpenApiTypes.DATETIME)
    def get_last_modified(self, obj):
        value = getattr(obj, "last_published_at", None) or getattr(obj, "updated_at", None)
        return value.isoformat() if value else None

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj):
        return self.canonical_url(obj)

    @extend_schema_field(ATTRIBUTION_SCHEMA)
    def get_attribution(self, obj):
        return attribution(self.canonical_url(obj))

    def canonical_url(self, obj) -> str:
        full_url = getattr(obj, "get_full_url", None)
        if full_url is not None:
            return obj.get_full_url(self.item_context.request._request) or ""
        return reverse(
            f"api:{self.resource}-detail",
            kwargs={"id": obj.uuid},
            request=self.item_context.request,
        )


class ReviewedItemSerializer(ItemSerializer):
    last_reviewed = serializers.DateTimeField(source="last_reviewed_at", allow_null=True)
    next_review_due = serializers.DateField(allow_null=True)


class TermSummarySerializer(serializers.Serializer):
    id = serializers.UUIDField(source="uuid")
    code = serializers.CharField()
    name = serializers.CharField()
    vocabulary = serializers.CharField()


def terms_payload(serializer: ItemSerializer, obj, terms) -> list[dict]:
    """Terms in the item's language; plain dicts (the shape of TermSummarySerializer),
    since this runs for every item of every page."""
    localised = [serializer.item_context.term_in(term, obj.locale_id) for term in terms]
    return [
        {"id": str(t.uuid), "code": t.code, "name": t.name, "vocabulary": t.vocabulary}
        for t in sorted(localised, key=lambda t: (t.vocabulary, t.sort_order, t.name))
    ]


STREAM_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["type", "value"],
        "properties": {
            "id": {"type": "string"},
            "type": {"type": "string"},
            "value": {"description": "The block's content; rich text is sanitised HTML."},
        },
    },
}
IMAGE_SCHEMA = {
    "type": "object",
    "nullable": True,
    "description": "An image with renditions of fixed sizes (thumbnail, small, medium, large).",
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "alt": {"type": "string"},
        "width": {"type": "integer"},
        "height": {"type": "integer"},
        "renditions": {"type": "object", "additionalProperties": {"type": "object"}},
    },
}
