"""`make bench` only: the project's URLs plus Wagtail's API v2 at /api/v2/ (the baseline).

A fair baseline carries what the partner API carries. Wagtail's API v2 serves a page's
`api_fields`, and `ServicePage` declares none (the product does not use API v2), so
they are declared here, where only the benchmark's processes import them: the same
scalar fields, the organisation as a service shows it, terms, locations, schedules and
public contacts, through the partner API's own serializers, so that both sides do the
same work per field. Loading them is left to Wagtail, as it comes.
"""

from django.urls import path
from rest_framework import serializers
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from api.resources.common import TermSummarySerializer
from api.resources.organisations import OrganisationSummarySerializer
from api.resources.services import (
    AREA_NAMES,
    LANGUAGE_NAMES,
    ContactSerializer,
    CostSerializer,
    LocationSerializer,
    ScheduleSerializer,
)
from cms.urls import urlpatterns as project_urlpatterns
from directory.models import ServicePage


class PublicContactsField(serializers.Field):
    """A service's contacts that families may see: never the internal ones."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, contacts):
        public = [contact for contact in contacts.all() if contact.is_public]
        return ContactSerializer(public, many=True).data


class CodeNamesField(serializers.Field):
    """A list of codes as the partner API gives it: each with its name."""

    def __init__(self, names: dict, **kwargs):
        self.names = names
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, codes):
        return [{"code": code, "name": self.names.get(code, code)} for code in codes]


ServicePage.api_fields = [
    APIField("uuid"),
    APIField("summary"),
    APIField("description"),
    APIField("status"),
    APIField("organisation", serializer=OrganisationSummarySerializer()),
    APIField("terms", serializer=TermSummarySerializer(many=True)),
    APIField("min_age"),
    APIField("max_age"),
    APIField("eligibility"),
    APIField("how_to_access"),
    APIField("cost", serializer=CostSerializer(source="*")),
    APIField("website"),
    APIField("languages", serializer=CodeNamesField(LANGUAGE_NAMES)),
    APIField("service_areas", serializer=CodeNamesField(AREA_NAMES)),
    APIField("locations", serializer=LocationSerializer(many=True)),
    APIField("schedules", serializer=ScheduleSerializer(many=True)),
    APIField("contacts", serializer=PublicContactsField()),
    APIField("last_reviewed_at"),
    APIField("next_review_due"),
]

wagtail_api = WagtailAPIRouter("wagtailapi")
wagtail_api.register_endpoint("pages", PagesAPIViewSet)

# Before the project's patterns: they end with Wagtail's catch-all page route.
urlpatterns = [path("api/v2/", wagtail_api.urls), *project_urlpatterns]
