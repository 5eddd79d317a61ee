from rest_framework.routers import SimpleRouter

from api.resources.clusters import ClusterViewSet
from api.resources.guides import GuideViewSet
from api.resources.organisations import OrganisationViewSet
from api.resources.partners import PartnerViewSet
from api.resources.services import ServiceViewSet
from api.resources.taxonomy import TaxonomyTermViewSet
from api.webhooks.views import WebhookViewSet

# Every /api/v1/ resource registers here; the API root lists what is registered.
router = SimpleRouter()
VIEWSETS = {
    viewset.resource: viewset
    for viewset in (
        ServiceViewSet,
        GuideViewSet,
        PartnerViewSet,
        ClusterViewSet,
        OrganisationViewSet,
        TaxonomyTermViewSet,
    )
}
for viewset in VIEWSETS.values():
    router.register(viewset.resource, viewset, basename=viewset.resource)

# Not content: partners manage their own webhook endpoints here.
router.register("webhooks", WebhookViewSet, basename="webhooks")
