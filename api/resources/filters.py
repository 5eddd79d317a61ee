"""Filters of the v1 lists: SQL over the store of published documents (its scope and
filter columns, and values of the documents). Bad values are 400s naming the parameter."""

import uuid
from datetime import UTC

import django_filters
from django import forms
from django.conf import settings
from django.core import validators
from django.db.models import Case, IntegerField, Value, When
from django_filters.fields import IsoDateTimeField
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from wagtail.search.backends import get_search_backend

from api.errors import BadParameters
from api.public import public_queryset
from api.publication.models import PublishedDocument
from api.scope import json_list_contains, json_list_has_any, keys_with_descendants
from directory.choices import ServiceArea
from directory.models import Organisation, TaxonomyTerm

SEARCH_LIMIT = 1000


class FeedFilterBackend(DjangoFilterBackend):
    """django-filter's backend, with its errors as our 400s. Its own error path formats
    each message with `%` against the caller's value (`translate_validation`), so a `%`
    in a query became a 500; Django's forms format messages safely."""

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise BadParameters(
                {
                    param: [error["message"] for error in messages]
                    for param, messages in filterset.form.errors.get_json_data().items()
                }
            )
        return filterset.qs


def term_keys(value: str, vocabulary: str | None = None) -> set[str]:
    """A term given by id or code, as the translation keys of it and every term below it."""
    terms = TaxonomyTerm.objects.all()
    if vocabulary:
        terms = terms.filter(vocabulary=vocabulary)
    try:
        found = terms.filter(uuid=uuid.UUID(value))
    except ValueError:
        found = terms.filter(code=value)
    root = found.first()
    if root is None:
        what = f"{vocabulary} term" if vocabulary else "taxonomy term"
        raise forms.ValidationError(
            "Unknown %(what)s: %(value)r.", params={"what": what, "value": value}
        )
    return keys_with_descendants([root])


class MultipleValueWidget(forms.TextInput):
    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name)


class RepeatableField(forms.Field):
    """Every value of a repeated query parameter (commas separate values too)."""

    widget = MultipleValueWidget
    # What forms.CharField says of a NUL, which PostgreSQL cannot take in text.
    no_nul = validators.ProhibitNullCharactersValidator()

    def to_python(self, value):
        if value in (None, "", []):
            return []
        values = value if isinstance(value, list) else [value]
        parts = [part for item in values for part in str(item).split(",") if part]
        for part in parts:
            self.no_nul(part)
        return parts


class TermField(RepeatableField):
    def __init__(self, *args, vocabulary=None, **kwargs):
        self.vocabulary = vocabulary
        super().__init__(*args, **kwargs)

    def clean(self, value):
        return [term_keys(code, self.vocabulary) for code in super().clean(value)]


@extend_schema_field(OpenApiTypes.STR)
class TermFilter(django_filters.Filter):
    """`term=autism&term=help-with-learning`: items with all of them (or terms below:
    the store's `terms` column holds each item's terms with their ancestors)."""

    field_class = TermField

    def filter(self, queryset, key_sets):
        for keys in key_sets or []:
            queryset = queryset.filter(json_list_has_any("terms", sorted(map(str, keys))))
        return queryset


class OrganisationField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            return str(public_queryset("organisations").get(uuid=uuid.UUID(value)).translation_key)
        except (ValueError, Organisation.DoesNotExist):
            raise forms.ValidationError(
                "Unknown organisation id: %(value)r.", params={"value": value}
            ) from None


@extend_schema_field(OpenApiTypes.UUID)
class OrganisationFilter(django_filters.Filter):
    """Items of an organisation, given by the id of any of its translations."""

    field_class = OrganisationField

    def filter(self, queryset, translation_key):
        if not translation_key:
            return queryset
        return queryset.filter(organisation=translation_key)


class AreaFilter(django_filters.ChoiceFilter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, choices=ServiceArea.choices, **kwargs)

    def filter(self, queryset, value):
        if not value:
            return queryset
        return queryset.filter(json_list_contains("areas", value))


class SearchFilter(django_filters.CharFilter):
    """`q=`: Wagtail search (PostgreSQL full text) over the resource's content model,
    mapped to the stored documents of what it finds; best matches first unless ordered."""

    # Where the rows name the content model's primary key.
    key = "source_pk"

    def searched_model(self, queryset):
        return self.parent.source_model

    def filter(self, queryset, value):
        if not value:
            return queryset
        results = get_search_backend().search(value, self.searched_model(queryset))
        ranked = [item.pk for item in results[:SEARCH_LIMIT]]
        queryset = queryset.filter(**{f"{self.key}__in": ranked})
        if "ordering" not in self.parent.data:
            queryset = queryset.order_by(
                Case(
                    *[When(**{self.key: pk}, then=Value(rank)) for rank, pk in enumerate(ranked)],
                    output_field=IntegerField(),
                ),
                self.key,
            )
        return queryset


class ModifiedAfterField(IsoDateTimeField):
    """An ISO 8601 moment, normalised to UTC; years outside 1970-9999 are refused."""

    def clean(self, value):
        moment = super().clean(value)
        if moment is None:
            return None
        try:
            moment = moment.astimezone(UTC)
        except (OverflowError, ValueError):
            moment = None
        if moment is None or not 1970 <= moment.year <= 9999:
            raise forms.ValidationError(
                "Give a date and time from 1970 onwards, e.g. 2026-01-31T09:00:00Z."
            )
        return moment


class ModifiedAfterFilter(django_filters.IsoDateTimeFilter):
    field_class = ModifiedAfterField


class StoreOrderingFilter(django_filters.OrderingFilter):
    """`ordering=modified|-modified|title|-title`, ties in the resource's own order."""

    def __init__(self, **kwargs):
        super().__init__(
            fields=(("modified", "modified"), ("title", "title")),
            help_text="modified, -modified, title or -title.",
            **kwargs,
        )

    def filter(self, queryset, value):
        if not value:
            return queryset
        return queryset.order_by(*(self.get_ordering_value(v) for v in value), *STORE_ORDER)


# The resources' own order: as editors arranged pages (their tree path), or by name.
STORE_ORDER = ("sort_key", "source_pk")


class FeedFilterSet(django_filters.FilterSet):
    """The filters every v1 list takes, over the store of published documents: each
    resource's set names its content model (`source_model`, for search) and adds its own."""

    source_model: type

    locale = django_filters.ChoiceFilter(choices=settings.WAGTAIL_CONTENT_LANGUAGES)
    modified_after = ModifiedAfterFilter(
        field_name="modified",
        lookup_expr="gt",
        help_text="ISO 8601, e.g. 2026-01-31T09:00:00Z. Items whose document changed since.",
    )
    q = SearchFilter(max_length=200, help_text="Words to search for.")
    ordering = StoreOrderingFilter()

    class Meta:
        model = PublishedDocument
        fields = []


def document_choice(name: str, choices, **kwargs) -> django_filters.ChoiceFilter:
    """A filter on a value of the stored document itself (`status`, `kind`, …)."""
    return django_filters.ChoiceFilter(field_name=f"document__{name}", choices=choices, **kwargs)


def document_value(name: str, **kwargs) -> django_filters.CharFilter:
    return django_filters.CharFilter(field_name=f"document__{name}", **kwargs)
