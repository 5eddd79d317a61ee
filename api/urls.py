from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from api.resources.changes import ChangesView
from api.root import ApiRootView
from api.router import router

app_name = "api"

urlpatterns = [
    path("", ApiRootView.as_view(), name="root"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("changes/", ChangesView.as_view(), name="changes"),
    *router.urls,
]
