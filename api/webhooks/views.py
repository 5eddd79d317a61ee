"""/api/v1/webhooks/: a partner manages its own webhook endpoints with its key."""

import uuid

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from api.authentication import HasPartnerKey, PartnerKeyAuthentication
from api.conventions import ApiConventions
from api.errors import BadParameters
from api.pagination import FeedPagination
from api.resources.base import ClientIPThrottle, PartnerKeyThrottle
from api.webhooks import dispatch
from api.webhooks.disabling import reactivate
from api.webhooks.models import TEST_EVENT, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from api.webhooks.serializers import (
    EVENTS,
    CreatedWebhookEndpointSerializer,
    DeliverySerializer,
    SecretSerializer,
    WebhookEndpointSerializer,
)


class WebhookViewSet(
    ApiConventions,
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Your webhook endpoints. We POST each change in your key's scope to them, signed
    per the Standard Webhooks specification."""

    resource = "webhooks"
    serializer_class = WebhookEndpointSerializer
    authentication_classes = [PartnerKeyAuthentication]
    permission_classes = [HasPartnerKey]
    throttle_classes = [PartnerKeyThrottle, ClientIPThrottle]
    pagination_class = FeedPagination
    lookup_field = "public_id"
    lookup_url_kwarg = "id"
    lookup_value_regex = "[^/]+"
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return WebhookEndpoint.objects.none()
        return WebhookEndpoint.objects.filter(partner=self.request.auth.partner).order_by(
            "created_at"
        )

    def get_object(self):
        try:
            uuid.UUID(self.kwargs[self.lookup_url_kwarg])
            return super().get_object()
        except (ValueError, NotFound):  # a malformed id is as unknown as a missing one
            raise NotFound("No such webhook endpoint of yours.") from None

    def list(self, request, *args, **kwargs):
        refuse_unknown_parameters(request)
        return super().list(request, *args, **kwargs)

    @extend_schema(
        request=WebhookEndpointSerializer,
        responses={201: CreatedWebhookEndpointSerializer},
    )
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        partner = request.auth.partner
        limit = settings.WEBHOOK_MAX_ENDPOINTS_PER_PARTNER
        if self.get_queryset().count() >= limit:
            raise BadParameters({"url": f"At most {limit} endpoints per partner."})
        endpoint = WebhookEndpoint(
            partner=partner,
            url=serializer.validated_data["url"],
            events=serializer.validated_data.get("events", EVENTS),
            max_events_per_request=serializer.validated_data.get("max_events_per_request"),
        )
        endpoint.secret = dispatch.open_endpoint(endpoint)
        data = CreatedWebhookEndpointSerializer(endpoint, context={"request": request}).data
        return Response(data, status=status.HTTP_201_CREATED)

    def perform_update(self, serializer):
        endpoint = serializer.instance
        if serializer.validated_data.get("is_active") and not endpoint.is_active:
            reactivate(endpoint, timezone.now())
        serializer.save()

    @extend_schema(request=None, responses={200: SecretSerializer})
    @action(detail=True, methods=["post"], url_path="rotate-secret")
    def rotate_secret(self, request, id=None):
        """A new signing secret. The old one keeps signing alongside it for 24 hours."""
        endpoint = self.get_object()
        secret = endpoint.set_secret()
        endpoint.save()
        return Response(
            {"secret": secret, "previous_secret_expires_at": endpoint.previous_secret_expires_at}
        )

    @extend_schema(
        request=None,
        responses={
            202: inline_serializer(
                "WebhookTestQueued",
                fields={"webhook_id": serializers.CharField(), "event": serializers.CharField()},
            )
        },
    )
    @action(detail=True, methods=["post"])
    def test(self, request, id=None):
        """Queue a `webhook.test` event to this endpoint, signed like any other."""
        endpoint = self.get_object()
        now = timezone.now()
        delivery = WebhookDelivery.objects.create(
            endpoint=endpoint,
            message_id=dispatch.new_message_id(),
            event=TEST_EVENT,
            payload={"type": TEST_EVENT, "timestamp": now.isoformat(), "data": {}},
            created_at=now,
            next_attempt_at=now,
        )
        transaction.on_commit(lambda: dispatch.queue_delivery(delivery.pk))
        return Response(
            {"webhook_id": delivery.message_id, "event": TEST_EVENT},
            status=status.HTTP_202_ACCEPTED,
        )

    @extend_schema(responses={200: DeliverySerializer(many=True)})
    @action(detail=True, methods=["get"])
    def deliveries(self, request, id=None):
        """Deliveries to this endpoint, newest first, each with every attempt; paged
        like every list (`page`, `page_size`)."""
        refuse_unknown_parameters(request)
        endpoint = self.get_object()
        # A batch's events are listed in its payload, not again one by one.
        sent = endpoint.deliveries.exclude(state=WebhookDelivery.State.BATCHED)
        deliveries = sent.order_by("-id").prefetch_related(
            Prefetch("attempts", WebhookAttempt.objects.order_by("started_at"))
        )
        page = self.paginate_queryset(deliveries)
        return self.get_paginated_response(DeliverySerializer(page, many=True).data)


def refuse_unknown_parameters(request) -> None:
    """Lists take `page` and `page_size` only: anything else is a mistake, said so."""
    unknown = sorted(set(request.query_params) - {"page", "page_size"})
    if unknown:
        raise BadParameters(dict.fromkeys(unknown, "Unknown parameter."))
