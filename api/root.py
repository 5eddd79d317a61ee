from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from api.conventions import ApiConventions
from api.router import router


class ApiRootView(ApiConventions, APIView):
    """Where a partner starts: the resources of this version and its documentation."""

    @extend_schema(
        operation_id="api_root",
        summary="API root",
        responses=inline_serializer(
            "ApiRoot",
            fields={
                "name": serializers.CharField(),
                "version": serializers.CharField(),
                "schema": serializers.URLField(),
                "docs": serializers.URLField(),
                "resources": serializers.DictField(child=serializers.URLField()),
            },
        ),
    )
    def get(self, request):
        resources = {
            prefix: reverse(f"api:{basename}-list", request=request)
            for prefix, _viewset, basename in router.registry
        }
        resources["changes"] = reverse("api:changes", request=request)
        return Response(
            {
                "name": "Essex Local Offer API",
                "version": "v1",
                "schema": reverse("api:schema", request=request),
                "docs": reverse("api:docs", request=request),
                "resources": resources,
            }
        )
