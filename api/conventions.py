"""How every view under /api/ talks: JSON in and out, errors as `{"errors": [...]}`
(api.errors), no sessions (each view names its own authentication), django-filter,
rate-limit headers on whatever was counted (api.rate_limits).

Declared on the views rather than in settings.REST_FRAMEWORK, which also governs the
DRF views of the libraries in the admin: wagtail-localize's editor saves a string with a
form and the editor's session, which none of this would accept.
"""

from django.conf import settings
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer

from api import rate_limits
from api.errors import api_exception_handler


class ApiConventions:
    """Mixed into every DRF view of the API, before DRF's own classes."""

    renderer_classes = [JSONRenderer]
    parser_classes = [JSONParser]
    authentication_classes = []
    permission_classes = [AllowAny]
    filter_backends = [DjangoFilterBackend]
    # Also as DRF's browsable pages where settings.API_BROWSABLE (development).
    browsable = True

    def get_renderers(self):
        renderers = super().get_renderers()
        if self.browsable and settings.API_BROWSABLE:
            renderers.append(BrowsableAPIRenderer())
        return renderers

    def get_exception_handler(self):
        return api_exception_handler

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        for name, value in rate_limits.headers(request).items():
            response[name] = value
        return response


class SchemaView(ApiConventions, SpectacularAPIView):
    renderer_classes = SpectacularAPIView.renderer_classes
    browsable = False


class DocsView(ApiConventions, SpectacularSwaggerView):
    renderer_classes = SpectacularSwaggerView.renderer_classes
    browsable = False
