from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from api.authentication import HasPartnerKey, PartnerKeyAuthentication
from api.changes import apply_scope_change
from api.conventions import ApiConventions
from api.errors import BadParameters
from api.feed import BadCursor, Cursor, read_changes
from api.models import RESOURCE_TYPES
from api.publication.reading import as_read_by
from api.resources.base import ClientIPThrottle, ConditionalGetMixin, PartnerKeyThrottle
from api.scope import Scope

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 500

CHANGE_FIELDS = {
    "id": serializers.UUIDField(),
    "type": serializers.CharField(help_text="services, guides, partners, clusters, …"),
    "action": serializers.ChoiceField(choices=["upsert", "delete"]),
    "locale": serializers.CharField(allow_null=True),
    "modified": serializers.DateTimeField(),
    "version": serializers.IntegerField(
        allow_null=True,
        help_text="The item's document version this change brought (the last, for a delete).",
    ),
    "url": serializers.URLField(
        allow_null=True, help_text="Fetch the item here; null for deletes."
    ),
    "item": serializers.DictField(
        allow_null=True,
        help_text=(
            "For an upsert, the item itself, exactly as its `url` answers now (so a sync"
            " needs no second request); null for deletes."
        ),
    ),
}
KNOWN_PARAMETERS = ("cursor", "start", "page_size", "type")


class ChangesView(ApiConventions, ConditionalGetMixin, APIView):
    """Every upsert and deletion in your scope since your cursor, oldest first."""

    authentication_classes = [PartnerKeyAuthentication]
    permission_classes = [HasPartnerKey]
    throttle_classes = [PartnerKeyThrottle, ClientIPThrottle]

    @extend_schema(
        operation_id="changes_list",
        parameters=[
            OpenApiParameter(
                "cursor", str, description="The next_cursor of your last call; omit to start."
            ),
            OpenApiParameter(
                "start",
                str,
                enum=["now"],
                description=(
                    "`start=now`: no past changes, and a `next_cursor` from which every later"
                    " change follows (the head of the feed). Not with `cursor`."
                ),
            ),
            OpenApiParameter(
                "type",
                str,
                description=(
                    "Only changes of these types (services, guides, partners, clusters,"
                    " organisations, taxonomy-terms); repeat or separate with commas."
                ),
            ),
            OpenApiParameter(
                "page_size",
                {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
                description=(
                    f"Changes per page, 1 to {MAX_PAGE_SIZE} (default {DEFAULT_PAGE_SIZE})."
                ),
            ),
        ],
        responses=inline_serializer(
            "Changes",
            fields={
                "results": inline_serializer("Change", fields=CHANGE_FIELDS, many=True),
                "next_cursor": serializers.CharField(),
                "has_more": serializers.BooleanField(),
            },
        ),
    )
    def get(self, request):
        cursor, page_size, types = self.parse(request)
        not_modified = self.conditional_response(request)
        if not_modified is not None:
            return not_modified
        apply_scope_change(request.auth.partner)
        scope, now = Scope(request.auth.partner), timezone.now()
        changes, next_cursor, has_more = read_changes(
            request.auth.partner, cursor, page_size, types, scope=scope
        )
        return Response(
            {
                "results": [self.present(change, request, scope, now) for change in changes],
                "next_cursor": next_cursor.encode(),
                "has_more": has_more,
            }
        )

    def parse(self, request):
        unknown = sorted(set(request.query_params) - set(KNOWN_PARAMETERS))
        if unknown:
            known = ", ".join(KNOWN_PARAMETERS)
            raise BadParameters(dict.fromkeys(unknown, f"Unknown parameter. Known: {known}."))
        types = sorted(
            {part for value in request.query_params.getlist("type") for part in value.split(",")}
            - {""}
        )
        unknown_types = [name for name in types if name not in dict(RESOURCE_TYPES)]
        if unknown_types:
            raise BadParameters(
                {"type": f"Unknown type. Known: {', '.join(dict(RESOURCE_TYPES))}."}
            )
        raw_size = request.query_params.get("page_size", str(DEFAULT_PAGE_SIZE))
        if not raw_size.isdigit() or not 1 <= int(raw_size) <= MAX_PAGE_SIZE:
            raise BadParameters({"page_size": f"Must be a whole number from 1 to {MAX_PAGE_SIZE}."})
        raw_cursor, start = request.query_params.get("cursor"), request.query_params.get("start")
        if start is not None:
            if start != "now":
                raise BadParameters({"start": "The one start there is: start=now."})
            if raw_cursor is not None:
                raise BadParameters({"start": "Give a cursor or start=now, not both."})
            return Cursor.head(), int(raw_size), types
        try:
            cursor = Cursor.decode(raw_cursor) if raw_cursor is not None else Cursor.start()
        except BadCursor as error:
            raise BadParameters({"cursor": str(error)}) from None
        return cursor, int(raw_size), types

    def present(self, change, request, scope, now) -> dict:
        entry = change.entry
        url = None
        if change.action == "upsert":
            url = reverse(
                f"api:{entry.resource}-detail", kwargs={"id": entry.object_id}, request=request
            )
        return {
            "id": str(entry.object_id),
            "type": entry.resource,
            "action": change.action,
            "locale": entry.locale or None,
            "modified": entry.modified.isoformat(),
            "version": entry.version,
            "url": url,
            "item": as_read_by(change.row, scope, now) if change.row is not None else None,
        }
