"""Approving a page's last moderation task publishes it. Wagtail then says only "Page '…'
has been updated." (from the edit view) or nothing at all (from the dashboard): these
views say what went live. Used through `ModeratedPageViewSet`, registered for each
listing type by its app's wagtail_hooks."""

from wagtail.admin import messages
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page


def published_by_approval(page: Page) -> bool:
    """Whether the approval just made finished the workflow and published the page (not
    merely passed it to the workflow's next task)."""
    page = Page.objects.get(pk=page.pk)  # as the approval left it
    return page.live and not page.has_unpublished_changes and not page.workflow_in_progress


def say_approved_and_published(request, page: Page) -> None:
    messages.success(request, f"'{page.get_admin_display_title()}' approved and published.")


class ApprovalEditView(EditView):
    def add_save_confirmation_message(self):
        approving = self.action_name == "perform_workflow_action" and (
            self.workflow_action == "approve"
        )
        if approving and published_by_approval(self.page):
            say_approved_and_published(self.request, self.page)
        else:
            super().add_save_confirmation_message()


class ApprovalWorkflowActionView(WorkflowActionView):
    """ "Approve" on the dashboard's "Awaiting your review"."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        if self.action_name == "approve" and published_by_approval(self.object):
            say_approved_and_published(request, self.object)
        return response


class ModeratedPageViewSet(PageViewSet):
    edit_view_class = ApprovalEditView
    workflow_action_view_class = ApprovalWorkflowActionView
