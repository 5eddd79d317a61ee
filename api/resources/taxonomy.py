from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.publication.models import PublishedDocument
from api.resources.base import FeedViewSet
from api.resources.common import ItemSerializer
from api.resources.filters import FeedFilterSet, document_choice, document_value
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
    vocabulary = document_choice("vocabulary", Vocabulary.choices)
    code = document_value("code")

    source_model = TaxonomyTerm

    class Meta:
        model = PublishedDocument
        fields = []


class TaxonomyTermViewSet(FeedViewSet):
    """The vocabularies: Local Offer categories, SEND needs, audiences."""

    resource = "taxonomy-terms"
    serializer_class = TaxonomyTermSerializer
    filterset_class = TaxonomyTermFilterSet

    def source_queryset(self):
        return (
            self.base_queryset()
            .select_related("locale", "parent")
            .order_by("vocabulary", "sort_order", "name", "pk")
        )
