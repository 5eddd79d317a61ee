import django_filters
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_field, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from api.feedback import record_feedback
from api.ordering import in_editor_order
from api.publication.models import PublishedDocument
from api.resources.base import FeedViewSet, PartnerKeyThrottle
from api.resources.common import ReviewedItemSerializer, TermSummarySerializer, terms_payload
from api.resources.filters import (
    AreaFilter,
    FeedFilterSet,
    OrganisationFilter,
    TermFilter,
    document_choice,
)
from api.resources.organisations import OrganisationSummarySerializer
from cms.richtext import public_html
from directory.choices import LANGUAGES, ServiceArea
from directory.models import ServiceContact, ServiceLocation, ServicePage, ServiceSchedule

LANGUAGE_NAMES = dict(LANGUAGES)
AREA_NAMES = dict(ServiceArea.choices)


class LocationSerializer(serializers.Serializer):
    name = serializers.CharField()
    address_1 = serializers.CharField()
    address_2 = serializers.CharField()
    town = serializers.CharField()
    postcode = serializers.CharField()
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    accessibility = serializers.CharField()


class ScheduleSerializer(serializers.Serializer):
    description = serializers.CharField()
    frequency = serializers.CharField()
    weekday = serializers.CharField()
    opens_at = serializers.TimeField(allow_null=True, format="%H:%M")
    closes_at = serializers.TimeField(allow_null=True, format="%H:%M")
    notes = serializers.CharField()


class ContactSerializer(serializers.Serializer):
    name = serializers.CharField()
    role = serializers.CharField()
    email = serializers.EmailField()
    phone = serializers.CharField()


class CodeNameSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class CostSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=ServicePage.Cost.choices, source="cost")
    description = serializers.CharField(source="cost_description")


class ServiceSerializer(ReviewedItemSerializer):
    resource = "services"

    title = serializers.CharField()
    summary = serializers.CharField()
    description = serializers.SerializerMethodField(help_text="Sanitised HTML; links are absolute.")
    status = serializers.ChoiceField(choices=ServicePage.Status.choices)
    organisation = OrganisationSummarySerializer()
    terms = serializers.SerializerMethodField()
    min_age = serializers.IntegerField()
    max_age = serializers.IntegerField()
    eligibility = serializers.CharField()
    how_to_access = serializers.SerializerMethodField(help_text="Sanitised HTML.")
    cost = CostSerializer(source="*")
    website = serializers.URLField()
    languages = serializers.SerializerMethodField()
    service_areas = serializers.SerializerMethodField()
    locations = LocationSerializer(many=True, source="locations.all")
    schedules = ScheduleSerializer(many=True, source="schedules.all")
    contacts = ContactSerializer(
        many=True, source="public_contacts", help_text="Public contacts only."
    )

    def get_description(self, obj) -> str:
        return public_html(obj.description)

    def get_how_to_access(self, obj) -> str:
        return public_html(obj.how_to_access)

    @extend_schema_field(TermSummarySerializer(many=True))
    def get_terms(self, obj):
        return terms_payload(self, obj, obj.terms.all())

    @extend_schema_field(CodeNameSerializer(many=True))
    def get_languages(self, obj):
        return [{"code": code, "name": LANGUAGE_NAMES.get(code, code)} for code in obj.languages]

    @extend_schema_field(CodeNameSerializer(many=True))
    def get_service_areas(self, obj):
        return [{"code": code, "name": AREA_NAMES.get(code, code)} for code in obj.service_areas]


class ServiceFilterSet(FeedFilterSet):
    term = TermFilter(help_text="Term id or code; repeat for AND. Terms below it count.")
    audience = TermFilter(
        vocabulary="audience", help_text="Audience code or id, e.g. young-people."
    )
    age = django_filters.NumberFilter(method="filter_age", min_value=0, max_value=25)
    area = AreaFilter(help_text="A quadrant: north-east, mid, south, west.")
    organisation = OrganisationFilter(help_text="Organisation id (any language).")
    status = document_choice("status", ServicePage.Status.choices)

    source_model = ServicePage

    class Meta:
        model = PublishedDocument
        fields = []

    def filter_age(self, queryset, name, value):
        return queryset.filter(min_age__lte=value, max_age__gte=value)


class FeedbackSerializer(serializers.Serializer):
    message = serializers.CharField(
        max_length=2000, help_text="What the reader says is wrong, in their words."
    )
    contact = serializers.CharField(
        max_length=255,
        required=False,
        allow_blank=True,
        help_text="How to reach the reader, if they agreed to be contacted. Never published.",
    )

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {name: ["Unknown field. Known: message, contact."] for name in unknown}
                )
        return super().to_internal_value(data)


class FeedbackThrottle(PartnerKeyThrottle):
    scope = "feedback"


class ServiceViewSet(FeedViewSet):
    """Directory entries: services, groups and activities."""

    resource = "services"
    serializer_class = ServiceSerializer
    filterset_class = ServiceFilterSet

    @extend_schema(
        request=FeedbackSerializer,
        responses={
            202: inline_serializer("FeedbackReceived", fields={"status": serializers.CharField()})
        },
        summary="Pass on a reader's report that this listing is wrong",
    )
    @action(
        detail=True,
        methods=["post"],
        throttle_classes=[*FeedViewSet.throttle_classes, FeedbackThrottle],
    )
    def feedback(self, request, id=None):
        """A reader says this listing is wrong: the SEND information team is told.
        Feedback is stored for them and never published."""
        service = self.base_queryset().get(pk=self.item_pk())
        serializer = FeedbackSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        record_feedback(service, request.auth.partner, **serializer.validated_data)
        return Response({"status": "received"}, status=status.HTTP_202_ACCEPTED)

    def source_queryset(self):
        return (
            self.base_queryset()
            .select_related("locale", "organisation__locale", "organisation__replaced_by")
            .prefetch_related(
                "terms",  # sorted as they are serialized
                Prefetch("locations", queryset=in_editor_order(ServiceLocation)),
                Prefetch("schedules", queryset=in_editor_order(ServiceSchedule)),
                Prefetch(
                    "contacts",
                    queryset=in_editor_order(ServiceContact).filter(is_public=True),
                    to_attr="public_contacts",
                ),
            )
            .order_by("path")  # as editors arranged them; cheap: path is indexed
        )
