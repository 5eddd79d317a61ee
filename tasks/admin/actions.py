""" "Mark as reviewed" in the edit view's action menu (pages and clusters) and as a bulk
action in the page explorer. Each records the user as the reviewer through
`tasks.admin.reviewing.review`. Registered in tasks/wagtail_hooks.py."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext
from wagtail.admin.action_menu import ActionMenuItem as PageActionMenuItem
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction
from wagtail.snippets.action_menu import ActionMenuItem as SnippetActionMenuItem

from tasks.admin.reviewing import can_review, follows_its_source, is_reviewable
from tasks.listings import review_listing


def mark_reviewed_url(listing) -> str:
    opts = listing._meta
    return reverse("tasks_admin:mark_reviewed", args=[opts.app_label, opts.model_name, listing.pk])


def offers_review(user, listing) -> bool:
    return is_reviewable(listing) and can_review(user, listing) and not follows_its_source(listing)


class MarkPageReviewedMenuItem(PageActionMenuItem):
    name = "action-mark-reviewed"
    label = "Mark as reviewed"
    icon_name = "check"
    order = 70  # after the publishing and workflow actions

    # A review changes no content, so a page locked for editing may still be marked.
    def is_shown(self, context):
        if context["view"] != "edit":
            return False
        page = context["page"]
        tester = self.get_user_page_permissions_tester(context)
        return is_reviewable(page) and tester.can_edit() and not follows_its_source(page)

    def get_url(self, context):
        return mark_reviewed_url(context["page"])


class MarkSnippetReviewedMenuItem(SnippetActionMenuItem):
    name = "action-mark-reviewed"
    label = "Mark as reviewed"
    icon_name = "check"
    order = 70

    def is_shown(self, context):
        return context["view"] == "edit" and offers_review(
            context["request"].user, context["instance"]
        )

    def get_url(self, context):
        return mark_reviewed_url(context["instance"])


class MarkReviewedBulkAction(PageBulkAction):
    display_name = "Mark as reviewed"
    action_type = "mark_reviewed"
    aria_label = "Mark selected pages as reviewed"
    template_name = "tasks/admin/bulk_mark_reviewed.html"
    action_priority = 60

    @classmethod
    def get_queryset(cls, model, object_ids):
        # The specific pages, one query per type: what is reviewable depends on the type.
        return model.objects.filter(pk__in=object_ids).specific()

    def check_perm(self, page):
        return page.permissions_for_user(self.request.user).can_edit()

    def get_actionable_objects(self):
        pages, context = super().get_actionable_objects()
        listings, others = [], []
        for page in pages:
            (listings if is_reviewable(page) and not follows_its_source(page) else others).append(
                page
            )
        return listings, {**context, "items_not_reviewable": others}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        now = timezone.now()
        for listing in objects:
            review_listing(listing, user=user, now=now)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d page has been marked as reviewed.",
            "%(count)d pages have been marked as reviewed.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
