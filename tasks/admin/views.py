"""Mark one listing as reviewed: a confirmation page, then a POST (a GET changes nothing).

Reached from "Mark as reviewed" in the edit view's action menu (tasks/admin/actions.py).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from alerts.raising import alerts_answered_by_review
from tasks.admin.reviewing import (
    can_review,
    follows_its_source,
    reviewable_model,
)
from tasks.listings import review_listing


class MarkReviewedView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "tasks/admin/mark_reviewed.html"
    page_title = "Mark as reviewed"
    header_icon = "check"

    def setup(self, request, app_label, model_name, pk):
        super().setup(request)
        model = reviewable_model(app_label, model_name)
        if model is None:
            raise Http404
        self.listing = get_object_or_404(model, pk=pk)

    def dispatch(self, request, *args, **kwargs):
        if not can_review(request.user, self.listing) or follows_its_source(self.listing):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.listing)

    def get_breadcrumbs_items(self):
        # As Wagtail's own object views do: the listing, then this action on it (else the
        # only breadcrumb, and so the heading, would be "Home").
        return [
            *self.breadcrumbs_items,
            {"url": self.edit_url, "label": str(self.listing)},
            {"url": None, "label": self.get_page_title(), "sublabel": str(self.listing)},
        ]

    @cached_property
    def edit_url(self):
        return AdminURLFinder().get_edit_url(self.listing)

    @cached_property
    def next_url(self):
        return get_valid_next_url_from_request(self.request) or self.edit_url

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "listing": self.listing,
            "verbose_name": self.listing._meta.verbose_name,
            "alerts": alerts_answered_by_review(self.listing, timezone.now()),
            "next_url": self.next_url,
        }

    def post(self, request, *args, **kwargs):
        resolved = review_listing(self.listing, user=request.user)
        due = format_date(self.listing.next_review_due, "j F Y")
        message = f"“{self.listing}” marked as reviewed. Next review due {due}."
        if resolved:
            message += f" Alerts closed: {resolved}."
        messages.success(request, message)
        return redirect(self.next_url)
