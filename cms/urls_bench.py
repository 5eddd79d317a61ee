"""`make bench` only: the project's URLs plus Wagtail's API v2 at /api/v2/ (the baseline)."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from cms.urls import urlpatterns as project_urlpatterns

wagtail_api = WagtailAPIRouter("wagtailapi")
wagtail_api.register_endpoint("pages", PagesAPIViewSet)

# Before the project's patterns: they end with Wagtail's catch-all page route.
urlpatterns = [path("api/v2/", wagtail_api.urls), *project_urlpatterns]
