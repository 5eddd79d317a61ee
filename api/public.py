"""Only public content, ever: the one place that decides what may leave through the API."""

from cms.visibility import public_pages
from directory.models import Cluster, Organisation, PartnerPage, ServicePage, TaxonomyTerm
from guides.models import GuidePage

PAGE_RESOURCES = {"services": ServicePage, "guides": GuidePage, "partners": PartnerPage}
SNIPPET_RESOURCES = {
    "clusters": Cluster,
    "organisations": Organisation,
    "taxonomy-terms": TaxonomyTerm,
}
MODELS = {**PAGE_RESOURCES, **SNIPPET_RESOURCES}
RESOURCE_OF_MODEL = {model: resource for resource, model in MODELS.items()}


def public_queryset(resource: str):
    model = MODELS[resource]
    if resource in PAGE_RESOURCES:
        return public_pages(model)
    if resource == "clusters":
        return model.objects.filter(live=True)
    return model.objects.all()
