from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.ordering import in_editor_order
from api.public import public_queryset
from api.publication.models import PublishedDocument
from api.resources.base import FeedViewSet
from api.resources.common import (
    STREAM_SCHEMA,
    ReviewedItemSerializer,
    TermSummarySerializer,
    terms_payload,
)
from api.resources.filters import FeedFilterSet, TermFilter
from directory.models import ServicePage
from guides.models import GuidePage, RelatedGuide


class GuideLinkSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="uuid")
    title = serializers.CharField()


class GuideSerializer(ReviewedItemSerializer):
    resource = "guides"

    title = serializers.CharField()
    introduction = serializers.CharField()
    body = serializers.SerializerMethodField(
        help_text="Blocks: heading, paragraph, callout, accordion, image, document, "
        "related_services, contact. Rich text is sanitised HTML with absolute links."
    )
    audience = serializers.SerializerMethodField()
    topics = serializers.SerializerMethodField()
    min_age = serializers.IntegerField()
    max_age = serializers.IntegerField()
    related_guides = serializers.SerializerMethodField()

    @extend_schema_field(STREAM_SCHEMA)
    def get_body(self, obj):
        # Related services blocks list only the services the reader's scope includes.
        context = {"visible_services": self.context["visible_services"]}
        return obj.body.stream_block.get_api_representation(obj.body, context=context)

    @extend_schema_field(TermSummarySerializer(many=True))
    def get_audience(self, obj):
        return terms_payload(self, obj, obj.audience.all())

    @extend_schema_field(TermSummarySerializer(many=True))
    def get_topics(self, obj):
        return terms_payload(self, obj, obj.topics.all())

    @extend_schema_field(GuideLinkSerializer(many=True))
    def get_related_guides(self, obj):
        visible = self.context["visible_guides"]
        return [
            GuideLinkSerializer(item.guide).data
            for item in obj.related_guides.all()
            if item.guide_id in visible
        ]


class GuideFilterSet(FeedFilterSet):
    term = TermFilter(help_text="Term id or code; repeat for AND. Terms below it count.")
    audience = TermFilter(vocabulary="audience", help_text="Audience code or id.")

    source_model = GuidePage

    class Meta:
        model = PublishedDocument
        fields = []


class GuideViewSet(FeedViewSet):
    """Guides for families and young people."""

    resource = "guides"
    serializer_class = GuideSerializer
    filterset_class = GuideFilterSet

    def source_queryset(self):
        return (
            self.base_queryset()
            .select_related("locale")
            .prefetch_related(
                "audience",  # terms: sorted as they are serialized
                "topics",
                Prefetch(
                    "related_guides",
                    queryset=in_editor_order(RelatedGuide).select_related("guide"),
                ),
            )
            .order_by("path")  # as editors arranged them; cheap: path is indexed
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if not getattr(self, "swagger_fake_view", False):
            context["visible_guides"] = set(self.base_queryset().values_list("pk", flat=True))
            context["visible_services"] = (
                self.scope.filter("services", public_queryset("services"))
                if self.scope.allows_type("services")
                else ServicePage.objects.none()
            )
        return context
