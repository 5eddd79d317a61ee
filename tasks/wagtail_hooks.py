"""The maintenance jobs in the Wagtail admin (docs/maintenance.md and docs/bounces.md,
"In the admin")."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from tasks.admin import dashboard
from tasks.admin.actions import (
    MarkPageReviewedMenuItem,
    MarkReviewedBulkAction,
    MarkSnippetReviewedMenuItem,
)
from tasks.admin.alerts import MaintainerAlertViewSet
from tasks.admin.bounces import BouncingContactsReport, MarkWorkingView, may_manage_bounces
from tasks.admin.contact_panels import ContactDeliveryPanel
from tasks.admin.panels import OpenAlertsPanel
from tasks.admin.reports import ListingReviewReport
from tasks.admin.review_status import may_edit_listings
from tasks.admin.unparsed_bounces import UnparsedBounceViewSet
from tasks.admin.views import MarkReviewedView
from tasks.listings import REVIEWABLE_MODELS

admin_urls = [
    path("report/", ListingReviewReport.as_view(), name="review_report"),
    path(
        "report/results/",
        ListingReviewReport.as_view(results_only=True),
        name="review_report_results",
    ),
    path(
        "mark-reviewed/<str:app_label>/<str:model_name>/<int:pk>/",
        MarkReviewedView.as_view(),
        name="mark_reviewed",
    ),
]


bounce_urls = [
    path("", BouncingContactsReport.as_view(), name="report"),
    path("results/", BouncingContactsReport.as_view(results_only=True), name="report_results"),
    path("<int:pk>/mark-working/", MarkWorkingView.as_view(), name="mark_working"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("listing-reviews/", include((admin_urls, "tasks_admin"))),
        path("contact-bounces/", include((bounce_urls, "bounces_admin"))),
    ]


@hooks.register("construct_homepage_panels")
def add_review_panels(request, panels):
    panels.extend(dashboard.review_panels())


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_edit_listings(request.user)


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem(
        "Listing reviews",
        reverse("tasks_admin:review_report"),
        name="listing-reviews",
        icon_name="calendar-check",
        order=1200,
    )


class BouncingContactsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_manage_bounces(request.user)


@hooks.register("register_reports_menu_item")
def register_bouncing_contacts_menu_item():
    return BouncingContactsMenuItem(
        "Contacts that bounce",
        reverse("bounces_admin:report"),
        name="contacts-that-bounce",
        icon_name="warning",
        order=1210,
    )


@hooks.register("register_page_action_menu_item")
def register_mark_page_reviewed():
    return MarkPageReviewedMenuItem()


@hooks.register("register_snippet_action_menu_item")
def register_mark_snippet_reviewed(model):
    return MarkSnippetReviewedMenuItem() if model in REVIEWABLE_MODELS else None


hooks.register("register_bulk_action", MarkReviewedBulkAction)


@hooks.register("register_admin_viewset")
def register_alert_viewset():
    return MaintainerAlertViewSet()


@hooks.register("register_admin_viewset")
def register_unparsed_bounce_viewset():
    return UnparsedBounceViewSet()


@hooks.register("register_maintenance_panel")
def maintenance_panels():
    # The places the content models leave for us (cms.panels.MaintenancePanel).
    return {"open_alerts": OpenAlertsPanel, "contact_delivery": ContactDeliveryPanel}
