from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.public import is_public_snippet
from api.publication.models import PublishedDocument
from api.resources.base import FeedViewSet
from api.resources.common import IMAGE_SCHEMA, STREAM_SCHEMA, ReviewedItemSerializer
from api.resources.filters import FeedFilterSet, OrganisationFilter
from api.resources.organisations import OrganisationSummarySerializer
from cms.images import image_api_representation
from directory.models import PartnerPage


class LinkSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.URLField()


class PartnerSerializer(ReviewedItemSerializer):
    resource = "partners"

    title = serializers.CharField()
    introduction = serializers.CharField()
    organisation = OrganisationSummarySerializer()
    logo = serializers.SerializerMethodField()
    body = serializers.SerializerMethodField()
    links = serializers.SerializerMethodField()
    services = serializers.SerializerMethodField(help_text="Ids of the partner's services.")

    @extend_schema_field(IMAGE_SCHEMA)
    def get_logo(self, obj):
        # The organisation's logo stands in only once the organisation is published.
        organisation = obj.organisation
        logo = obj.logo or (organisation.logo if is_public_snippet(organisation) else None)
        return image_api_representation(logo)

    @extend_schema_field(STREAM_SCHEMA)
    def get_body(self, obj):
        return obj.body.stream_block.get_api_representation(obj.body)

    @extend_schema_field(LinkSerializer(many=True))
    def get_links(self, obj):
        return [dict(link.value) for link in obj.links]

    @extend_schema_field(serializers.ListField(child=serializers.UUIDField()))
    def get_services(self, obj):
        return self.context["items"].services_of(obj)


class PartnerFilterSet(FeedFilterSet):
    organisation = OrganisationFilter(help_text="Organisation id (any language).")

    source_model = PartnerPage

    class Meta:
        model = PublishedDocument
        fields = []


class PartnerViewSet(FeedViewSet):
    """Profiles of partner organisations, such as MAZE or the Multi Schools Council."""

    resource = "partners"
    serializer_class = PartnerSerializer
    filterset_class = PartnerFilterSet

    def source_queryset(self):
        return (
            self.base_queryset()
            .select_related("locale", "organisation__replaced_by", "logo", "organisation__logo")
            .order_by("path")  # as editors arranged them; cheap: path is indexed
        )
