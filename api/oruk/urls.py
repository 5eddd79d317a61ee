"""/api/oruk/: the paths of ORUK 3.0's openapi.json (a trailing slash is optional)."""

from django.urls import re_path

from api.oruk import views
from api.oruk.base import NotFoundView

app_name = "oruk"

ID = r"(?P<id>[^/]+)"


def endpoint(path: str, view, name: str):
    return re_path(rf"^{path}/?$" if path else r"^$", view.as_view(), name=name)


urlpatterns = [
    endpoint("", views.ApiDetails, "root"),
    endpoint("services", views.ServiceList, "services"),
    endpoint(f"services/{ID}", views.ServiceDetail, "service"),
    endpoint("service_at_locations", views.ServiceAtLocationList, "service-at-locations"),
    endpoint(f"service_at_locations/{ID}", views.ServiceAtLocationDetail, "service-at-location"),
    endpoint("organizations", views.OrganizationList, "organizations"),
    endpoint(f"organizations/{ID}", views.OrganizationDetail, "organization"),
    endpoint("taxonomies", views.TaxonomyList, "taxonomies"),
    endpoint(f"taxonomies/{ID}", views.TaxonomyDetail, "taxonomy"),
    endpoint("taxonomy_terms", views.TaxonomyTermList, "taxonomy-terms"),
    endpoint(f"taxonomy_terms/{ID}", views.TaxonomyTermDetail, "taxonomy-term"),
    re_path(r"^.*$", NotFoundView.as_view(), name="not-found"),
]
