"""The endpoints of openapi.json (ORUK 3.0). Querying is in api.oruk.querysets and
api.oruk.filters, the records in api.oruk.mapping; these views join them up."""

from collections import defaultdict

from django import forms

from api.oruk import mapping, querysets
from api.oruk.base import OrukDetailView, OrukListView, OrukView
from api.oruk.filters import (
    SEARCH_MAX_LENGTH,
    OrganizationFilterSet,
    ServiceAtLocationFilterSet,
    ServiceFilterSet,
    TaxonomyTermFilterSet,
)
from api.oruk.ids import derived_id
from api.oruk.params import (
    FullOptions,
    ListOptions,
    OrganizationListOptions,
    OrganizationOptions,
    ServiceListOptions,
)
from api.oruk.querysets import in_order, with_service_details, with_service_summary
from api.oruk.taxonomies import BY_ID, TAXONOMIES
from directory.models import Organisation, ServiceLocation, ServicePage, TaxonomyTerm

VERSION = "HSDS-UK-3.0"
PROFILE_URL = "https://openreferraluk.org/specifications/3.0/"
OPENAPI_URL = "https://openreferraluk.org/specifications/3.0/openapi.json"
TERM_ORDER = ("vocabulary", "sort_order", "name", "pk")


class ApiDetails(OrukView):
    def build(self, request):
        return {"version": VERSION, "profile": PROFILE_URL, "openapi_url": OPENAPI_URL}


# Services


class ServiceList(OrukListView):
    options_class = ServiceListOptions
    filterset_class = ServiceFilterSet

    def base_queryset(self):
        return querysets.services().order_by("path")  # as editors arranged them

    def records(self, pks):
        if self.params["minimal"]:
            pages = in_order(ServicePage.objects.all(), pks)
            return [mapping.minimal_service(page) for page in pages]
        full = self.params["full"]
        load = with_service_details if full else with_service_summary
        return [
            mapping.service(page, full=full) for page in in_order(load(ServicePage.objects), pks)
        ]


class ServiceDetail(OrukDetailView):
    noun = "service"

    def find(self, key):
        return with_service_details(querysets.services().filter(uuid=key)).first()

    def record(self, page):
        return mapping.service(page, full=True)


# Service at locations


class ServiceAtLocationList(OrukListView):
    options_class = FullOptions
    filterset_class = ServiceAtLocationFilterSet

    def base_queryset(self):
        return querysets.service_locations().order_by("page__path", "sort_order", "pk")

    def records(self, pks):
        full = self.params["full"]
        load = with_service_details if full else with_service_summary
        locations = load(ServiceLocation.objects.select_related("page"), prefix="page__")
        return [
            mapping.service_at_location(location.page, location, full=full)
            for location in in_order(locations, pks)
        ]


class ServiceAtLocationDetail(OrukDetailView):
    noun = "service at location"

    def find(self, key):
        # Derived ids (api.oruk.ids) cannot be queried: compare them with the ids of
        # every public location, read in one query.
        rows = querysets.service_locations().values_list("pk", "page__uuid", "translation_key")
        matching = [
            pk
            for pk, service_id, row_key in rows
            if derived_id("service_at_location", service_id, row_key) == str(key)
        ]
        locations = ServiceLocation.objects.select_related("page").filter(pk__in=matching)
        return with_service_details(locations, prefix="page__").first()

    def record(self, location):
        return mapping.service_at_location(location.page, location, full=True)


# Organizations


def services_by_organisation(organisations, *, full: bool) -> dict[int, list[dict]]:
    """The records of the services shown under each organisation."""
    owner = {
        member: pk
        for pk, members in querysets.represented([o.pk for o in organisations]).items()
        for member in members
    }
    pages = querysets.services().filter(organisation__in=owner).order_by("path")
    load = with_service_details if full else with_service_summary
    found = defaultdict(list)
    for page in load(pages):
        found[owner[page.organisation_id]].append(
            mapping.service(page, full=full, with_organization=False)
        )
    return found


class OrganizationList(OrukListView):
    options_class = OrganizationListOptions
    filterset_class = OrganizationFilterSet

    def base_queryset(self):
        return querysets.organisations().order_by("name", "pk")

    def records(self, pks):
        organisations = in_order(Organisation.objects.all(), pks)
        nested = self.params["full"] or self.params["full_service"]
        if not nested:
            return [mapping.organization(organisation) for organisation in organisations]
        services = services_by_organisation(organisations, full=self.params["full_service"])
        return [
            mapping.organization(o, full=True, services=services.get(o.pk, []))
            for o in organisations
        ]


class OrganizationDetail(OrukDetailView):
    noun = "organization"
    options_class = OrganizationOptions

    def find(self, key):
        return querysets.organisations().filter(uuid=key).first()

    def record(self, organisation):
        services = services_by_organisation([organisation], full=self.params["full_service"])
        return mapping.organization(organisation, full=True, services=services[organisation.pk])


# Taxonomies


class TaxonomyListOptions(ListOptions):
    search = forms.CharField(max_length=SEARCH_MAX_LENGTH, required=False)


class TaxonomyList(OrukListView):
    options_class = TaxonomyListOptions

    def matching(self):
        search = self.params["search"]
        return [taxonomy for taxonomy in TAXONOMIES if not search or taxonomy.matches(search)]

    def records(self, taxonomies):
        return [mapping.taxonomy(taxonomy) for taxonomy in taxonomies]


class TaxonomyDetail(OrukDetailView):
    noun = "taxonomy"

    def find(self, key):
        return BY_ID.get(str(key))

    def record(self, taxonomy):
        terms = (
            querysets.taxonomy_terms()
            .filter(vocabulary=taxonomy.vocabulary)
            .select_related("parent")
            .order_by(*TERM_ORDER)
        )
        return mapping.taxonomy(taxonomy, terms=terms)


class TaxonomyTermList(OrukListView):
    options_class = ListOptions
    filterset_class = TaxonomyTermFilterSet

    def base_queryset(self):
        return querysets.taxonomy_terms().order_by(*TERM_ORDER)

    def records(self, pks):
        terms = in_order(TaxonomyTerm.objects.select_related("parent"), pks)
        return [mapping.taxonomy_term(term) for term in terms]


class TaxonomyTermDetail(OrukDetailView):
    noun = "taxonomy term"

    def find(self, key):
        return querysets.taxonomy_terms().select_related("parent").filter(uuid=key).first()

    def record(self, term):
        return mapping.taxonomy_term(term)
