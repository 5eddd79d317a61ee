"""Only public content, ever: the one place that decides what may leave through the API."""

from wagtail.models import DraftStateMixin

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
    if issubclass(model, DraftStateMixin):
        return model.objects.filter(live=True)
    return model.objects.all()


def is_public_snippet(instance) -> bool:
    """`public_queryset`'s rule for a snippet already loaded, such as a service's
    organisation: published (the row holds the published version; drafts are revisions).
    Keep the two in step."""
    return not isinstance(instance, DraftStateMixin) or instance.live


def public_successor(organisation):
    """The published organisation now doing a closed one's work, if there is one."""
    successor = organisation.successor() if organisation.is_defunct else None
    return successor if successor is not None and is_public_snippet(successor) else None
