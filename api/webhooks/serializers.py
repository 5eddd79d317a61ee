from rest_framework import serializers

from api.webhooks.models import (
    MAX_EVENTS_PER_REQUEST,
    Event,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
)
from api.webhooks.targets import UnsafeTarget, check_url

EVENTS = [event.value for event in Event]


class StrictSerializer(serializers.ModelSerializer):
    """Refuses fields it does not know, so a misspelt one is an error, not ignored."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                known = ", ".join(self.fields)
                raise serializers.ValidationError(
                    {name: [f"Unknown field. Known: {known}."] for name in unknown}
                )
        return super().to_internal_value(data)


class WebhookEndpointSerializer(StrictSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    events = serializers.ListField(
        child=serializers.ChoiceField(choices=EVENTS),
        required=False,
        allow_empty=False,
        help_text="Event types to receive; all of them when left out.",
    )
    is_active = serializers.BooleanField(
        required=False,
        help_text="Set to true to switch back on an endpoint we disabled after failures.",
    )

    max_events_per_request = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        max_value=MAX_EVENTS_PER_REQUEST,
        help_text=(
            "Receive events in batches (`type` `batch`) of up to this many per request, "
            f"1 to {MAX_EVENTS_PER_REQUEST}; null (the default) for one event per request."
        ),
    )

    class Meta:
        model = WebhookEndpoint
        fields = [
            "id",
            "url",
            "events",
            "max_events_per_request",
            "is_active",
            "disabled_at",
            "disabled_reason",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["disabled_at", "disabled_reason", "created_at", "updated_at"]

    def validate_url(self, value):
        try:
            check_url(value)
        except UnsafeTarget as error:
            raise serializers.ValidationError(str(error)) from None
        return value

    def validate_events(self, value):
        return sorted(set(value), key=EVENTS.index)


class CreatedWebhookEndpointSerializer(WebhookEndpointSerializer):
    secret = serializers.CharField(
        read_only=True,
        help_text="Verify our signatures with it (Standard Webhooks). Shown this once only.",
    )

    class Meta(WebhookEndpointSerializer.Meta):
        fields = [*WebhookEndpointSerializer.Meta.fields, "secret"]


class SecretSerializer(serializers.Serializer):
    secret = serializers.CharField(help_text="The new secret, shown this once only.")
    previous_secret_expires_at = serializers.DateTimeField(
        help_text="Until then, each message is signed with both the new and the old secret."
    )


class AttemptSerializer(serializers.ModelSerializer):
    class Meta:
        model = WebhookAttempt
        fields = ["started_at", "status_code", "error", "latency_ms", "succeeded"]


class DeliverySerializer(serializers.ModelSerializer):
    webhook_id = serializers.CharField(source="message_id")
    attempts = AttemptSerializer(many=True)

    class Meta:
        model = WebhookDelivery
        fields = [
            "webhook_id",
            "event",
            "state",
            "payload",
            "attempt_count",
            "next_attempt_at",
            "created_at",
            "finished_at",
            "attempts",
        ]
