"""Reports > Contacts that bounce: every address with a delivery problem, what we last
heard about it, and the listings and clusters that show it; and "Mark as working", a
maintainer's (or the listing's editor's) word that an address works again.

Registered in tasks/wagtail_hooks.py. The rules and the records are tasks.bounces; this
module only shows them and records a manual event through `record_manual_event`.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

import django_filters
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator, capfirst
from django.views.generic import FormView
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import (
    ButtonsColumnMixin,
    Column,
    DateColumn,
    NumberColumn,
    TitleColumn,
)
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import ListingButton
from wagtail.coreutils import get_supported_content_language_variant

from cms.permissions import may_edit
from directory.models import Cluster, Organisation, PartnerPage, ServicePage
from tasks.admin.alerts import is_maintainer
from tasks.admin.reports import absolute_url
from tasks.admin.review_status import edit_url
from tasks.bounces.addresses import (
    cluster_staff_addresses,
    normalised,
    organisation_addresses,
    places_showing,
    service_contact_addresses,
)
from tasks.bounces.manual import record_manual_event
from tasks.bounces.models import ContactAddress, DeliveryEvent, EventKind

Status = ContactAddress.Status
PROBLEM_STATUSES = (Status.BOUNCED, Status.SOFT_BOUNCING, Status.COMPLAINED)


def may_manage_bounces(user) -> bool:
    """Maintainers (and superusers) see every address's problems, and unreadable bounces."""
    return user.is_active and (user.is_superuser or is_maintainer(user))


def may_mark_working_status(status: str) -> bool:
    # A delivery does not take back a complaint (tasks/bounces/rules.py): only a new
    # address does, so "working" means nothing for a complained one.
    return status in (Status.BOUNCED, Status.SOFT_BOUNCING)


def may_mark_working(user, record: ContactAddress) -> bool:
    """Maintainers, and whoever may edit something that shows the address: they are the
    ones who would ring the contact and correct it."""
    if may_manage_bounces(user):
        return True
    return any(may_edit(user, place) for place in places_showing(record.address))


# What shows an address ---------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """A listing, organisation or cluster that shows an address."""

    model: type[models.Model]
    pk: int
    label: str

    @property
    def type_label(self) -> str:
        return capfirst(self.model._meta.verbose_name)

    @property
    def edit_url(self) -> str | None:
        return edit_url(self.model, self.pk)

    def __str__(self):
        return f"{self.type_label}: {self.label}"


class Places(tuple):
    """The places that show one address, with their spreadsheet forms."""

    @property
    def summary(self) -> str:
        return "; ".join(str(place) for place in self)

    @property
    def edit_links(self) -> str:
        return "\n".join(absolute_url(place.edit_url) for place in self)


def places_showing_each(addresses: Iterable[str]) -> dict[str, Places]:
    """`places_showing` for many (normalised) addresses at once: four queries, whatever
    the count. Every language, published or not; a translation says its language."""
    wanted = set(addresses)
    source_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    organisations = organisation_addresses().filter(address__in=wanted)
    # (model, rows of (address, pk, label, language)) for each kind of place.
    sources = [
        (
            ServicePage,
            service_contact_addresses()
            .filter(address__in=wanted)
            .values_list("address", "page_id", "page__title", "page__locale__language_code"),
        ),
        (
            PartnerPage,
            PartnerPage.objects.filter(organisation__in=organisations.values("pk"))
            .annotate(address=normalised("organisation__email"))
            .values_list("address", "pk", "title", "locale__language_code"),
        ),
        (
            Organisation,
            organisations.values_list("address", "pk", "name", "locale__language_code"),
        ),
        (
            Cluster,
            cluster_staff_addresses()
            .filter(address__in=wanted)
            .annotate(language=models.Value(""))
            .values_list("address", "cluster_id", "cluster__name", "language"),
        ),
    ]
    found: dict[str, dict[tuple, Place]] = defaultdict(dict)
    for model, rows in sources:
        for address, pk, label, language in rows.order_by():
            if language and language != source_language:
                label = f"{label} ({language})"
            # A service with the address on two contacts is one place.
            found[address][model, pk] = Place(model, pk, label)
    return {
        address: Places(sorted(found[address].values(), key=lambda p: (p.type_label, p.label)))
        for address in wanted
    }


def with_places(records: Iterable[ContactAddress], batch: int = 500) -> Iterator[ContactAddress]:
    """Each record with `places` set: four queries a batch."""
    records = iter(records)
    while chunk := list(islice(records, batch)):
        places = places_showing_each(record.address for record in chunk)
        for record in chunk:
            record.places = places[record.address]
            yield record


def problem_addresses() -> models.QuerySet:
    """The addresses with a delivery problem, each with the SMTP status of its last event
    (the rest of that event is on the address's row)."""
    last_event = DeliveryEvent.objects.filter(address=OuterRef("pk")).order_by(
        "-occurred_at", "-pk"
    )
    return ContactAddress.objects.filter(status__in=PROBLEM_STATUSES).annotate(
        last_smtp_status=Subquery(last_event.values("smtp_status")[:1])
    )


# The report --------------------------------------------------------------------------

# The addresses each kind of place shows, for the "Shown on" filter (a subquery each).
SHOWN_ON = {
    "service": lambda: service_contact_addresses().values("address"),
    "partner-page": lambda: PartnerPage.objects.annotate(
        address=normalised("organisation__email")
    ).values("address"),
    "organisation": lambda: organisation_addresses().values("address"),
    "cluster": lambda: cluster_staff_addresses().values("address"),
}


class BouncingContactFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Status", choices=[(status.value, status.label) for status in PROBLEM_STATUSES]
    )
    shown_on = django_filters.ChoiceFilter(
        label="Shown on",
        choices=[
            ("service", "A service"),
            ("partner-page", "A partner page"),
            ("organisation", "An organisation"),
            ("cluster", "A cluster's staff list"),
        ],
        method="filter_shown_on",
    )

    class Meta:
        model = ContactAddress
        fields = ["status"]

    def filter_shown_on(self, queryset, name, value):
        return queryset.filter(address__in=SHOWN_ON[value]())


class AddressColumn(ButtonsColumnMixin, TitleColumn):
    def get_buttons(self, instance, parent_context):
        if not may_mark_working_status(instance.status):
            return []
        url = reverse("bounces_admin:mark_working", args=[instance.pk])
        return [ListingButton("Mark as working", url=url, icon_name="check", priority=10)]


class PlacesColumn(Column):
    cell_template_name = "tasks/admin/bounces/places_cell.html"


class BouncingContactsReport(ReportView):
    page_title = "Contacts that bounce"
    header_icon = "warning"
    verbose_name = "contact address"
    verbose_name_plural = "contact addresses"
    index_url_name = "bounces_admin:report"
    index_results_url_name = "bounces_admin:report_results"
    filterset_class = BouncingContactFilterSet
    default_ordering = "-last_event_at"
    export_filename = "contacts-that-bounce"
    columns = [
        AddressColumn("address", label="Address", sort_key="address"),
        Column("get_status_display", label="Status", sort_key="status"),
        NumberColumn("score", label="Score", sort_key="score"),
        DateColumn("last_event_at", label="Last event", sort_key="last_event_at"),
        Column("get_last_event_kind_display", label="Type"),
        Column("last_smtp_status", label="SMTP status"),
        Column(
            "last_diagnostic",
            label="Diagnostic",
            accessor=lambda row: Truncator(row.last_diagnostic).chars(200),
        ),
        PlacesColumn("places", label="Shown on"),
    ]
    list_export = [
        "address",
        "get_status_display",
        "score",
        "last_event_at",
        "get_last_event_kind_display",
        "last_smtp_status",
        "last_diagnostic",
        "places.summary",
        "places.edit_links",
    ]
    export_headings = {
        "address": "Address",
        "get_status_display": "Status",
        "score": "Score",
        "last_event_at": "Last event",
        "get_last_event_kind_display": "Last event type",
        "last_smtp_status": "SMTP status",
        "last_diagnostic": "Diagnostic",
        "places.summary": "Shown on",
        "places.edit_links": "Edit in the admin",
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_manage_bounces(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return problem_addresses()

    def order_queryset(self, queryset):
        return queryset.order_by(self.ordering, "address")

    def get_filtered_queryset(self):
        return self.get_queryset()  # which filters already

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = list(with_places(rows))
        return paginator, page, page.object_list, is_paginated

    def decorate_paginated_queryset(self, object_list):
        if not self.is_export:
            return object_list  # given places when paginated
        return with_places(object_list.iterator(chunk_size=500))


# Mark as working ---------------------------------------------------------------------


class MarkWorkingForm(forms.Form):
    note = forms.CharField(
        label="How do you know?",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: rang the team on 3 March, they confirmed the address.",
    )


def mark_working(record: ContactAddress, *, user, note: str = ""):
    """Record a maintainer's `delivered` for the address: it becomes ok, its score is
    cleared and its alerts are resolved (the rules in tasks.bounces)."""
    return record_manual_event(
        record.address,
        EventKind.DELIVERED,
        note=note or "Marked as working in the admin.",
        by=user.get_full_name() or user.get_username(),
    )


class MarkWorkingView(WagtailAdminTemplateMixin, FormView):
    template_name = "tasks/admin/bounces/mark_working.html"
    form_class = MarkWorkingForm
    page_title = "Mark as working"
    header_icon = "check"

    def setup(self, request, pk):
        super().setup(request)
        self.record = get_object_or_404(ContactAddress, pk=pk)

    def dispatch(self, request, *args, **kwargs):
        if not may_mark_working(request.user, self.record):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.record.address

    def get_breadcrumbs_items(self):
        report = {"url": reverse("bounces_admin:report"), "label": "Contacts that bounce"}
        return [
            *self.breadcrumbs_items,
            *([report] if may_manage_bounces(self.request.user) else []),
            {"url": None, "label": self.get_page_title(), "sublabel": self.record.address},
        ]

    @cached_property
    def next_url(self) -> str:
        if url := get_valid_next_url_from_request(self.request):
            return url
        if may_manage_bounces(self.request.user):
            return reverse("bounces_admin:report")
        return reverse("wagtailadmin_home")

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "record": self.record,
            "can_mark": may_mark_working_status(self.record.status),
            "places": places_showing_each([self.record.address])[self.record.address],
            "next_url": self.next_url,
        }

    def form_valid(self, form):
        if not may_mark_working_status(self.record.status):
            raise PermissionDenied
        mark_working(self.record, user=self.request.user, note=form.cleaned_data["note"])
        messages.success(self.request, f"{self.record.address} is marked as working.")
        return redirect(self.next_url)
