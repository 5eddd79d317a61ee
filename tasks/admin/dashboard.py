"""Dashboard panels: listings overdue and due this month, open alerts, and how fresh the
listings are by category. Each shows what the user may edit and runs a fixed number of
queries, however many listings there are. Registered in tasks/wagtail_hooks.py.

A panel with nothing to say is not shown, as Wagtail's own panels do.
"""

from django.contrib.contenttypes.models import ContentType
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from alerts.models import MaintainerAlert
from directory.models import Organisation
from tasks.admin.alerts import alert_policy, subject_edit_url, visible_alerts
from tasks.admin.freshness import freshness_by_category, overall_freshness
from tasks.admin.review_status import ReviewStatus, editable, may_edit_listings

# Most overdue first; the rest makes the order stable.
ORDER = ("due", "listing_title", "type_id", "listing_id")


class DashboardPanel(Component):
    limit = 10  # rows shown; the rest are a link away

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        if not context:
            return ""
        return get_template(self.template_name).render(context)


class ListingsPanel(DashboardPanel):
    template_name = "tasks/admin/dashboard/listings.html"
    heading = ""
    review_filter = ""  # the report's "review" filter that lists them all

    def rows(self, status: ReviewStatus):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        if not may_edit_listings(user):
            return None
        status = ReviewStatus(user, today=timezone.localdate())
        rows = self.rows(status)
        listings = status.statuses(rows.order_by(*ORDER)[: self.limit])
        if not listings:
            return None
        count = len(listings) if len(listings) < self.limit else rows.count()
        return {
            "panel_id": self.name.replace("_", "-"),
            "heading": self.heading,
            "listings": listings,
            "count": count,
            "today": status.today,
            "report_url": f"{reverse('tasks_admin:review_report')}?review={self.review_filter}",
        }


class OverduePanel(ListingsPanel):
    name = "overdue_for_review"
    heading = "Overdue for review"
    review_filter = "overdue"
    order = 230

    def rows(self, status):
        return status.overdue()


class DueThisMonthPanel(ListingsPanel):
    name = "due_this_month"
    heading = "Due for review this month"
    review_filter = "due-this-month"
    order = 231

    def rows(self, status):
        return status.due_this_month()


def dashboard_alerts(user):
    """The alerts about the listings a user may edit (`visible_alerts`), and about the
    organisations they may edit: a bouncing organisation email that no partner page shows
    is flagged on the organisation itself (tasks/bounces/alerts.py)."""
    alerts = visible_alerts(user)
    if alert_policy.user_has_permission(user, "view"):
        return alerts  # every alert already
    about_their_organisations = MaintainerAlert.objects.filter(
        content_type=ContentType.objects.get_for_model(Organisation),
        object_id__in=editable(Organisation, user).values("pk"),
    )
    return alerts | about_their_organisations


class AlertsPanel(DashboardPanel):
    name = "maintainer_alerts"
    template_name = "tasks/admin/dashboard/alerts.html"
    order = 232

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        alerts = dashboard_alerts(user).open().order_by("-created_at", "-pk")
        shown = list(alerts[: self.limit])
        if not shown:
            return None
        return {
            "alerts": [(alert, subject_edit_url(alert)) for alert in shown],
            "count": len(shown) if len(shown) < self.limit else alerts.count(),
            "index_url": (
                f"{reverse('alerts:index')}?state=open"
                if alert_policy.user_has_permission(user, "view")
                else None
            ),
        }


class FreshnessPanel(DashboardPanel):
    """The share of listings within their review interval, by Local Offer category."""

    name = "listing_freshness"
    template_name = "tasks/admin/dashboard/freshness.html"
    order = 233

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        today = timezone.localdate()
        overall = overall_freshness(user, today=today)
        if not overall.listings:
            return None
        return {
            "categories": freshness_by_category(user, today=today),
            "overall": overall,
        }


def review_panels() -> list[Component]:
    return [OverduePanel(), DueThisMonthPanel(), AlertsPanel(), FreshnessPanel()]
