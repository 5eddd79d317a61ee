"""What the ORUK API serves, built on the one no-leak rule (api.public).

Only the source language is served: ORUK has no notion of a record's translations,
and an aggregator would count each translation as another service.
"""

from django.conf import settings
from django.db.models import Prefetch, Q
from wagtail.coreutils import get_supported_content_language_variant

from api.ordering import in_editor_order
from api.public import is_public_snippet, public_queryset, public_successor
from directory.models import (
    Organisation,
    ServiceContact,
    ServiceLocation,
    ServiceSchedule,
    TaxonomyTerm,
)


def source_language() -> str:
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def in_source_language(queryset):
    return queryset.filter(locale__language_code=source_language())


def services():
    return in_source_language(public_queryset("services"))


def service_locations():
    """Every location of a public service: each is an ORUK service_at_location."""
    return ServiceLocation.objects.filter(page__in=services().values("pk"))


def taxonomy_terms():
    return in_source_language(public_queryset("taxonomy-terms"))


def organisations():
    """Organisations as ORUK shows them: one that closed and has a successor is shown
    as that successor (see `shown_organisation`), so it is not listed itself."""
    published = public_queryset("organisations")
    return in_source_language(published).filter(
        Q(status=Organisation.Status.ACTIVE) | ~Q(replaced_by__in=published)
    )


def shown_organisation(organisation: Organisation) -> Organisation | None:
    """The organisation a service is shown under: the (published) successor of a closed
    one; none while its organisation has never been published."""
    if not is_public_snippet(organisation):
        return None
    return public_successor(organisation) or organisation


def represented(organisation_pks) -> dict[int, set[int]]:
    """For each organisation, the organisations whose services it is shown with:
    itself and the published closed organisations it succeeded."""
    found = {pk: {pk} for pk in organisation_pks}
    closed = (
        public_queryset("organisations")
        .filter(status=Organisation.Status.DEFUNCT, replaced_by__isnull=False)
        .select_related("replaced_by")
    )
    for organisation in closed:
        successor = shown_organisation(organisation)
        if successor.pk in found:
            found[successor.pk].add(organisation.pk)
    return found


def with_service_details(queryset, prefix: str = ""):
    """Everything a service's ORUK record reads, in a fixed number of queries.

    `prefix` is the path from the queryset's model to the service (`page__` for
    locations). Only public contacts are loaded, as `public_contacts`.
    """
    return queryset.select_related(f"{prefix}organisation__replaced_by").prefetch_related(
        Prefetch(
            f"{prefix}terms",
            queryset=TaxonomyTerm.objects.select_related("parent").order_by(
                "vocabulary", "sort_order", "name", "pk"
            ),
        ),
        Prefetch(f"{prefix}locations", queryset=in_editor_order(ServiceLocation)),
        Prefetch(f"{prefix}schedules", queryset=in_editor_order(ServiceSchedule)),
        public_contacts(prefix),
    )


def with_service_summary(queryset, prefix: str = ""):
    """What a service's one-to-one fields read: its organisation and public contacts
    (the service's email is its first public contact's)."""
    return queryset.select_related(f"{prefix}organisation__replaced_by").prefetch_related(
        public_contacts(prefix)
    )


def public_contacts(prefix: str = "") -> Prefetch:
    """A service's public contacts, as `public_contacts`, in the editor's order (the
    first one with an email is the service's email)."""
    return Prefetch(
        f"{prefix}contacts",
        queryset=in_editor_order(ServiceContact).filter(is_public=True),
        to_attr="public_contacts",
    )


def in_order(queryset, pks) -> list:
    """The objects of `pks`, loaded from `queryset`, in the order of `pks`."""
    found = queryset.in_bulk(pks)
    return [found[pk] for pk in pks if pk in found]
