from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.public import is_public_snippet, public_successor
from api.publication.models import PublishedDocument
from api.resources.base import FeedViewSet
from api.resources.common import ItemSerializer
from api.resources.filters import FeedFilterSet, document_choice
from directory.models import Organisation


class OrganisationLinkSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="uuid")
    name = serializers.CharField()


class OrganisationSummarySerializer(OrganisationLinkSerializer):
    """An organisation as a service shows it: with its successor if it has closed; null
    while it has never been published."""

    status = serializers.ChoiceField(choices=Organisation.Status.choices)
    successor = serializers.SerializerMethodField()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("allow_null", True)
        super().__init__(*args, **kwargs)

    def get_attribute(self, instance):
        organisation = super().get_attribute(instance)
        return organisation if organisation and is_public_snippet(organisation) else None

    @extend_schema_field(OrganisationLinkSerializer(allow_null=True))
    def get_successor(self, obj):
        successor = public_successor(obj)
        return OrganisationLinkSerializer(successor).data if successor else None


class OrganisationSerializer(ItemSerializer):
    resource = "organisations"

    name = serializers.CharField()
    description = serializers.CharField()
    kind = serializers.ChoiceField(choices=Organisation.Kind.choices)
    website = serializers.URLField()
    email = serializers.EmailField()
    phone = serializers.CharField()
    status = serializers.ChoiceField(choices=Organisation.Status.choices)
    closed_on = serializers.DateField(source="defunct_since", allow_null=True)
    closure_note = serializers.CharField(source="defunct_note")
    successor = serializers.SerializerMethodField()

    get_successor = OrganisationSummarySerializer.get_successor


class OrganisationFilterSet(FeedFilterSet):
    kind = document_choice("kind", Organisation.Kind.choices)
    status = document_choice("status", Organisation.Status.choices)

    source_model = Organisation

    class Meta:
        model = PublishedDocument
        fields = []


class OrganisationViewSet(FeedViewSet):
    """Bodies that run services, including closed ones and their successors."""

    resource = "organisations"
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilterSet

    def source_queryset(self):
        return self.base_queryset().select_related("locale", "replaced_by").order_by("name", "pk")
