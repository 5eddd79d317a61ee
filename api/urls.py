from django.urls import path

from api.conventions import DocsView, SchemaView
from api.resources.changes import ChangesView
from api.root import ApiRootView
from api.router import router

app_name = "api"

urlpatterns = [
    path("", ApiRootView.as_view(), name="root"),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(url_name="api:schema"), name="docs"),
    path("changes/", ChangesView.as_view(), name="changes"),
    *router.urls,
]
