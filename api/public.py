"""Only public content, ever: the one place that decides what may leave through the API."""

from django.db.models import Subquery
from django.utils import timezone
from wagtail.models import DraftStateMixin

from api.publication.models import PublishedDocument
from cms.visibility import public_objects
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
    return public_objects(MODELS[resource])


def is_public_snippet(instance) -> bool:
    """`public_queryset`'s rule for a snippet already loaded, such as a service's
    organisation: published and within its schedule (the row holds the published
    version; drafts are revisions). Keep the two in step (cms.visibility.public_objects)."""
    if not isinstance(instance, DraftStateMixin):
        return True
    now = timezone.now()
    return (
        instance.live
        and (instance.go_live_at is None or instance.go_live_at <= now)
        and (instance.expire_at is None or instance.expire_at > now)
    )


def public_successor(organisation):
    """The published organisation now doing a closed one's work, if there is one."""
    successor = organisation.successor() if organisation.is_defunct else None
    return successor if successor is not None and is_public_snippet(successor) else None


def lapse_subqueries() -> dict[str, Subquery]:
    """For annotating the query that reads the content version: when the latest expiry
    passed among the stored documents (`expires_at` holds an item's own schedule and its
    sections'). An expiry changes what may be read without a change-log entry (until the
    scheduler unpublishes the item), so validators and cache keys built on the log alone
    would outlive it; with this they change the moment it passes."""
    passed = PublishedDocument.objects.filter(expires_at__lte=timezone.now())
    return {"lapsed": Subquery(passed.order_by("-expires_at").values("expires_at")[:1])}


def last_lapse(row):
    """The moment `lapse_subqueries` annotated `row` with, or None."""
    return getattr(row, "lapsed", None)
