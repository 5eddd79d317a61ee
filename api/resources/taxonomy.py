import django_filters
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.resources.base import FeedViewSet
from api.resources.common import ItemSerializer
from api.resources.filters import FeedFilterSet, ordering_filter
from directory.models import TaxonomyTerm, Vocabulary


class TaxonomyTermSerializer(ItemSerializer):
    resource = "taxonomy-terms"

    vocabulary = serializers.ChoiceField(choices=Vocabulary.choices)
    code = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()
    parent = serializers.SerializerMethodField()

    @extend_schema_field(serializers.UUIDField(allow_null=True))
    def get_parent(self, obj):
        return str(obj.parent.uuid) if obj.parent_id else None


class TaxonomyTermFilterSet(FeedFilterSet):
    vocabulary = django_filters.ChoiceFilter(choices=Vocabulary.choices)
    code = django_filters.CharFilter()
    ordering = ordering_filter("name", "updated_at")
    modified_field = "updated_at"

    class Meta:
        model = TaxonomyTerm
        fields = []


class TaxonomyTermViewSet(FeedViewSet):
    """The vocabularies: Local Offer categories, SEND needs, audiences."""

    resource = "taxonomy-terms"
    serializer_class = TaxonomyTermSerializer
    filterset_class = TaxonomyTermFilterSet

    def get_queryset(self):
        return (
            self.base_queryset()
            .select_related("locale", "parent")
            .order_by("vocabulary", "sort_order", "name", "pk")
        )
