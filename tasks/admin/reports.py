"""Reports > Listing reviews: every listing the user may edit with where it stands in its
review cycle, filtered by type, team, area, service status and review state, and exported
to CSV or XLSX by Wagtail's report export.

The filters narrow each listing type's queryset before the types are put together (see
tasks.admin.review_status), so paging and counting stay in the database.
"""

import django_filters
from django.conf import settings
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from api.scope import json_list_contains
from cms.teams import Team
from directory.choices import ServiceArea
from directory.models import ServicePage
from tasks.admin.review_status import (
    AREA_FIELDS,
    AREA_LISTS,
    ListingStatus,
    ReviewStatus,
    due_later_in_month,
    may_edit_listings,
    overdue_on,
)
from tasks.listings import REVIEWABLE_MODELS

TYPE_CHOICES = [
    (model._meta.model_name, capfirst(model._meta.verbose_name)) for model in REVIEWABLE_MODELS
]
REVIEW_CHOICES = [
    ("overdue", "Overdue"),
    ("due-this-month", "Due this month"),
    ("on-time", "Not overdue"),
]


def absolute_url(path: str | None) -> str:
    """A link that works from a spreadsheet."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path if path else ""


class ListingReviewFilterSet(WagtailFilterSet):
    """Filters for a queryset of any one listing type (annotated by annotate_status); a
    filter that does not apply to a type leaves none of it."""

    type = django_filters.ChoiceFilter(label="Type", choices=TYPE_CHOICES, method="filter_type")
    team = django_filters.ChoiceFilter(label="Team", choices=Team.choices, method="filter_team")
    area = django_filters.ChoiceFilter(
        label="Area", choices=ServiceArea.choices, method="filter_area"
    )
    status = django_filters.ChoiceFilter(
        label="Service status", choices=ServicePage.Status.choices, method="filter_status"
    )
    review = django_filters.ChoiceFilter(
        label="Review", choices=REVIEW_CHOICES, method="filter_review"
    )

    def __init__(self, data=None, queryset=None, **kwargs):
        # The set never filters a queryset of its own: the report hands it each type's.
        super().__init__(data, Page.objects.none() if queryset is None else queryset, **kwargs)
        self.today = timezone.localdate()

    def filter_type(self, queryset, name, value):
        return queryset if queryset.model._meta.model_name == value else queryset.none()

    def filter_team(self, queryset, name, value):
        return queryset.filter(team_code=value)

    def filter_area(self, queryset, name, value):
        model = queryset.model
        if model in AREA_LISTS:
            return queryset.filter(json_list_contains(AREA_LISTS[model], value))
        if model in AREA_FIELDS:
            return queryset.filter(**{AREA_FIELDS[model]: value})
        return queryset.none()

    def filter_status(self, queryset, name, value):
        return queryset.filter(status=value) if queryset.model is ServicePage else queryset.none()

    def filter_review(self, queryset, name, value):
        if value == "overdue":
            return queryset.filter(overdue_on(self.today))
        if value == "due-this-month":
            return queryset.filter(due_later_in_month(self.today))
        return queryset.exclude(overdue_on(self.today))


class ListingPaginator(WagtailPaginator):
    # The rows are of every listing type, whatever the first one's model says.
    model = None
    verbose_name = "listing"
    verbose_name_plural = "listings"


class LastReviewedColumn(DateColumn):
    """When, as Wagtail says it ("3 months ago"), and by whom beneath."""

    cell_template_name = "tasks/admin/reports/last_reviewed_cell.html"


class DueColumn(Column):
    """The date, and an "Overdue" tag once it has passed."""

    cell_template_name = "tasks/admin/reports/due_cell.html"


class ListingReviewReport(ReportView):
    page_title = "Listing reviews"
    verbose_name = "listing"
    verbose_name_plural = "listings"
    paginator_class = ListingPaginator
    header_icon = "calendar-check"
    index_url_name = "tasks_admin:review_report"
    index_results_url_name = "tasks_admin:review_report_results"
    filterset_class = ListingReviewFilterSet
    default_ordering = "due"
    export_filename = "listing-reviews"
    # Eight columns fit a laptop's 1280 pixels with the title a third of the table: who
    # reviewed goes under when, and "Overdue" is a tag beside the due date. The exports
    # keep a column for each.
    columns = [
        TitleColumn(
            "title",
            label="Title",
            sort_key="listing_title",
            get_url=lambda row: row.edit_url,
            width="30%",
        ),
        Column("type_label", label="Type"),
        Column("team_label", label="Team"),
        Column("area_labels", label="Area"),
        Column("status_label", label="Service status"),
        LastReviewedColumn("last_reviewed_at", label="Last reviewed", sort_key="reviewed_at"),
        DueColumn("next_review_due", label="Next review due", sort_key="due"),
        NumberColumn("open_alerts", label="Open alerts", sort_key="open_alerts"),
    ]
    list_export = [
        "type_label",
        "title",
        "team_label",
        "area_labels",
        "status_label",
        "last_reviewed_at",
        "reviewed_by",
        "next_review_due",
        "overdue_label",
        "open_alerts",
        "edit_url",
    ]
    export_headings = {
        "type_label": "Type",
        "title": "Title",
        "team_label": "Team",
        "area_labels": "Area",
        "status_label": "Service status",
        "last_reviewed_at": "Last reviewed",
        "reviewed_by": "Reviewed by",
        "next_review_due": "Next review due",
        "overdue_label": "Overdue",
        "open_alerts": "Open alerts",
        "edit_url": "Edit in the admin",
    }
    custom_field_preprocess = {
        "edit_url": {ReportView.FORMAT_CSV: absolute_url, ReportView.FORMAT_XLSX: absolute_url}
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_edit_listings(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def status(self) -> ReviewStatus:
        return ReviewStatus(self.request.user, today=timezone.localdate(), with_teams=True)

    def narrow(self, listings):
        if self.filters and self.filters.is_valid():
            return self.filters.filter_queryset(listings)
        return listings

    def get_queryset(self):
        return self.order_queryset(self.status.rows(self.narrow))

    def filter_queryset(self, queryset):
        return queryset  # done type by type, before the union (`narrow`)

    def order_queryset(self, queryset):
        return queryset.order_by(self.ordering, "listing_title", "type_id", "listing_id")

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = self.status.statuses(rows)
        return paginator, page, page.object_list, is_paginated

    def decorate_paginated_queryset(self, object_list):
        if not self.is_export:
            return object_list  # made into ListingStatus rows when paginated
        return (ListingStatus.from_row(row, today=self.status.today) for row in object_list)
