"""The filters of the ORUK lists, combined with AND, over the content models. Built on
the feed's fields (api.resources.filters): the same term trees and date handling."""

import uuid

import django_filters
from django import forms
from django.db.models import Case, F, IntegerField, Value, When
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from wagtail.search.backends import get_search_backend

from api.oruk import geocoding
from api.oruk.params import StrictBooleanField
from api.oruk.querysets import represented, shown_organisation
from api.oruk.taxonomies import find_taxonomy
from api.public import public_queryset
from api.resources.filters import SEARCH_LIMIT, ModifiedAfterFilter, SearchFilter, TermField
from directory.models import Organisation, ServiceLocation, ServicePage, TaxonomyTerm

SEARCH_MAX_LENGTH = 200


@extend_schema_field(OpenApiTypes.STR)
class SourceTermFilter(django_filters.Filter):
    """Items of a content model with all of the given terms (or terms below), through
    its term relations (ORUK, which reads content models)."""

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


class SourceSearchFilter(SearchFilter):
    """The feed's search over the content model itself (ORUK reads content models)."""

    key = "pk"

    def searched_model(self, queryset):
        return queryset.model


def uuid_or_error(value: str, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(value.strip())
    except ValueError:
        raise forms.ValidationError(f"Not a {what} id: ids are UUIDs.") from None


class TaxonomyField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        taxonomy = find_taxonomy(value)
        if taxonomy is None:
            raise forms.ValidationError(
                "Unknown taxonomy: %(value)r. See /api/oruk/taxonomies.", params={"value": value}
            )
        return taxonomy


class OrganizationField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        found = (
            public_queryset("organisations")
            .filter(uuid=uuid_or_error(value, "organization"))
            .first()
        )
        if found is None:
            raise forms.ValidationError("Unknown organization: %(value)r.", params={"value": value})
        return found


class TaxonomyTermField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        found = TaxonomyTerm.objects.filter(uuid=uuid_or_error(value, "taxonomy term")).first()
        if found is None:
            raise forms.ValidationError(
                "Unknown taxonomy term: %(value)r.", params={"value": value}
            )
        return found


class PostcodeField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            return geocoding.locate(value)
        except geocoding.UnknownPostcode as error:
            raise forms.ValidationError("%(reason)s", params={"reason": str(error)}) from None


class TaxonomyFilter(django_filters.Filter):
    """Records with any term of a taxonomy (given by id or vocabulary code);
    `field_name` is the path to the vocabulary."""

    field_class = TaxonomyField

    def filter(self, queryset, taxonomy):
        if taxonomy is None:
            return queryset
        having = queryset.model.objects.filter(**{self.field_name: taxonomy.vocabulary})
        return queryset.filter(pk__in=having.values("pk"))


class ParentFilter(django_filters.Filter):
    """Terms directly below a term (in any of its translations)."""

    field_class = TaxonomyTermField

    def filter(self, queryset, parent):
        if parent is None:
            return queryset
        return queryset.filter(parent__translation_key=parent.translation_key)


class PostcodeFilter(django_filters.Filter):
    """Geocodes the postcode; ServiceAtLocationFilterSet measures from it."""

    field_class = PostcodeField

    def filter(self, queryset, point):
        return queryset


class ProximityFilter(django_filters.NumberFilter):
    """Metres from the postcode; ServiceAtLocationFilterSet applies it."""

    def filter(self, queryset, metres):
        return queryset


class OrganizationFilter(django_filters.Filter):
    """Services shown under an organization (including those of organisations it
    succeeded; none for one that is shown as its successor)."""

    field_class = OrganizationField

    def filter(self, queryset, organisation):
        if organisation is None:
            return queryset
        if shown_organisation(organisation).pk != organisation.pk:
            return queryset.none()
        pks = represented([organisation.pk])[organisation.pk]
        return queryset.filter(**{f"{self.field_name}__in": pks})


class BooleanFilter(django_filters.Filter):
    field_class = StrictBooleanField

    def filter(self, queryset, value):
        return queryset.filter(**{self.field_name: True}) if value else queryset


class ServiceFilterSet(django_filters.FilterSet):
    search = SourceSearchFilter(max_length=SEARCH_MAX_LENGTH)
    taxonomy_term_id = SourceTermFilter(relations=("terms",))
    taxonomy_id = TaxonomyFilter(field_name="terms__vocabulary")
    organization_id = OrganizationFilter(field_name="organisation")
    modified_after = ModifiedAfterFilter(field_name="last_published_at", lookup_expr="gte")

    class Meta:
        model = ServicePage
        fields = []


class LocationSearchFilter(django_filters.CharFilter):
    """Locations of the services that match, best matching services first."""

    def filter(self, queryset, value):
        if not value:
            return queryset
        results = get_search_backend().search(value, ServicePage)[:SEARCH_LIMIT]
        ranked = [page.pk for page in results]
        rank = Case(
            *[When(page_id=pk, then=Value(n)) for n, pk in enumerate(ranked)],
            output_field=IntegerField(),
        )
        return queryset.filter(page_id__in=ranked).order_by(rank, "sort_order", "pk")


class NearForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        if cleaned.get("proximity") is not None and not self.data.get("postcode"):
            self.add_error("proximity", "Give a postcode to measure the proximity from.")
        return cleaned


class ServiceAtLocationFilterSet(django_filters.FilterSet):
    search = LocationSearchFilter(max_length=SEARCH_MAX_LENGTH)
    taxonomy_term_id = SourceTermFilter(relations=("page__terms",))
    taxonomy_id = TaxonomyFilter(field_name="page__terms__vocabulary")
    organization_id = OrganizationFilter(field_name="page__organisation")
    modified_after = ModifiedAfterFilter(field_name="page__last_published_at", lookup_expr="gte")
    postcode = PostcodeFilter()
    proximity = ProximityFilter(min_value=1, max_value=1_000_000)

    class Meta:
        model = ServiceLocation
        fields = []
        form = NearForm

    def filter_queryset(self, queryset):
        """The other filters, then nearest first (and within `proximity`)."""
        queryset = super().filter_queryset(queryset)
        point = self.form.cleaned_data.get("postcode")
        if point is None:
            return queryset
        queryset = queryset.annotate(distance=geocoding.distance_from(point))
        proximity = self.form.cleaned_data.get("proximity")
        if proximity is not None:
            queryset = queryset.filter(
                latitude__isnull=False, longitude__isnull=False, distance__lte=float(proximity)
            )
        return queryset.order_by(F("distance").asc(nulls_last=True), "pk")


class OrganizationFilterSet(django_filters.FilterSet):
    search = SourceSearchFilter(max_length=SEARCH_MAX_LENGTH)

    class Meta:
        model = Organisation
        fields = []


class TaxonomyTermFilterSet(django_filters.FilterSet):
    search = SourceSearchFilter(max_length=SEARCH_MAX_LENGTH)
    taxonomy_id = TaxonomyFilter(field_name="vocabulary")
    top_only = BooleanFilter(field_name="parent__isnull")
    parent_id = ParentFilter()

    class Meta:
        model = TaxonomyTerm
        fields = []
