"""Filters shared by the resources. Bad values are 400s naming the parameter."""

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
from api.scope import json_list_contains, keys_with_descendants
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
    """`term=autism&term=help-with-learning`: items with all of them (or terms below)."""

    field_class = TermField

    def __init__(self, *args, relations=("terms",), vocabulary=None, **kwargs):
        self.relations = relations
        super().__init__(*args, vocabulary=vocabulary, **kwargs)

    def filter(self, queryset, key_sets):
        model = queryset.model
        for keys in key_sets or []:
            matching = model.objects.none()
            for relation in self.relations:
                matching = matching | model.objects.filter(
                    **{f"{relation}__translation_key__in": keys}
                )
            queryset = queryset.filter(pk__in=matching.values("pk"))
        return queryset


class OrganisationField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            return public_queryset("organisations").get(uuid=uuid.UUID(value)).translation_key
        except (ValueError, Organisation.DoesNotExist):
            raise forms.ValidationError(
                "Unknown organisation id: %(value)r.", params={"value": value}
            ) from None


@extend_schema_field(OpenApiTypes.UUID)
class OrganisationFilter(django_filters.Filter):
    field_class = OrganisationField

    def filter(self, queryset, translation_key):
        if not translation_key:
            return queryset
        return queryset.filter(organisation__translation_key=translation_key)


class AreaFilter(django_filters.ChoiceFilter):
    def __init__(self, *args, field_name="service_areas", **kwargs):
        super().__init__(*args, choices=ServiceArea.choices, field_name=field_name, **kwargs)

    def filter(self, queryset, value):
        if not value:
            return queryset
        return queryset.filter(json_list_contains(self.field_name, value))


class SearchFilter(django_filters.CharFilter):
    """`q=`: Wagtail search (PostgreSQL full text), best matches first unless ordered."""

    def filter(self, queryset, value):
        if not value:
            return queryset
        results = get_search_backend().search(value, queryset.model)[:SEARCH_LIMIT]
        ranked = [item.pk for item in results]
        queryset = queryset.filter(pk__in=ranked)
        if "ordering" not in self.parent.data:
            queryset = queryset.order_by(
                Case(
                    *[When(pk=pk, then=Value(rank)) for rank, pk in enumerate(ranked)],
                    output_field=IntegerField(),
                ),
                "pk",
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


class FeedFilterSet(django_filters.FilterSet):
    locale = django_filters.ChoiceFilter(
        field_name="locale__language_code", choices=settings.WAGTAIL_CONTENT_LANGUAGES
    )
    modified_after = ModifiedAfterFilter(
        method="filter_modified_after", help_text="ISO 8601, e.g. 2026-01-31T09:00:00Z"
    )
    q = SearchFilter(max_length=200, help_text="Words to search for.")

    modified_field = "last_published_at"

    def filter_modified_after(self, queryset, name, value):
        return queryset.filter(**{f"{self.modified_field}__gt": value})


def ordering_filter(title_field: str = "title", modified_field: str = "last_published_at"):
    return django_filters.OrderingFilter(
        fields=((modified_field, "modified"), (title_field, "title")),
        help_text="modified, -modified, title or -title.",
    )
