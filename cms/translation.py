"""Translations are moderated like what they translate.

wagtail-localize saves a translation in three places: "Translate" (a new translation of a
page or snippet, and of the snippets it uses), "Sync translated pages" (optionally with
"Publish immediately") and the editor's "Publish in …". Each of them ends in
`save_target` here, which publishes only for a user who may publish the translation; for
anyone else the translation becomes a draft revision, submitted to its workflow (the same
Moderators approval as its source), and partners see it once a moderator approves.

A translation is edited by those who may edit its source: a team's editors translate their
team's pages and organisations, not the other team's.
"""

import enum

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from wagtail.models import DraftStateMixin, Page, TaskState, WorkflowMixin, WorkflowState
from wagtail.permissions import policy_registry
from wagtail_localize.models import Translation


class Outcome(enum.Enum):
    PUBLISHED = "published"
    APPROVED = "approved"  # the last moderation task approved, so published
    SUBMITTED = "submitted"  # a draft in moderation
    DRAFT = "draft"


def can_edit(user, instance) -> bool:
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return policy_registry.get_by_type(type(instance)).user_has_permission_for_instance(
        user, "change", instance
    )


def can_publish(user, instance) -> bool:
    """For a snippet without drafts, saving is publishing: whoever may edit it."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if not isinstance(instance, DraftStateMixin):
        return can_edit(user, instance)
    return policy_registry.get_by_type(type(instance)).user_has_permission_for_instance(
        user, "publish", instance
    )


def approvable_task(user, instance) -> TaskState | None:
    """The moderation task `instance` awaits, if `user` may approve it."""
    if not isinstance(instance, WorkflowMixin):
        return None
    state = instance.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return None
    task_state = state.current_task_state
    if task_state is None:
        return None
    task_state = task_state.specific
    actions = task_state.task.specific.get_actions(instance, user)
    return task_state if any(name == "approve" for name, *_ in actions) else None


def target_of(translation: Translation):
    try:
        return translation.get_target_instance()
    except ObjectDoesNotExist:
        return None


def editor_action(user, target) -> Outcome:
    """What the editor's "Publish in …" does for `user`: the label follows from it."""
    if not can_publish(user, target):
        return Outcome.SUBMITTED
    if approvable_task(user, target) is not None:
        return Outcome.APPROVED
    return Outcome.PUBLISHED


@transaction.atomic
def save_target(translation: Translation, user, *, publish: bool) -> Outcome:
    """Save the translation's target from its current strings, as wagtail-localize's
    `Translation.save_target` does, under moderation: published only if `publish` is asked
    and `user` may publish it (approving its moderation task when they may approve
    that), and otherwise a draft revision; submitted for moderation if `user` may not
    publish. A live target stays as partners see it until its revision is published.

    Raises ValidationError when the translated target is not valid."""
    source_instance = translation.source.get_source_instance()
    if not isinstance(source_instance, DraftStateMixin):
        # Nothing to draft (taxonomy terms): saving is publishing, for those who may edit.
        translation.save_target(user=user, publish=True)
        return Outcome.PUBLISHED

    target, revision = save_draft(translation, user)
    if not can_publish(user, target):
        moderated = submit_for_moderation(target, user) is not None
        return Outcome.SUBMITTED if moderated else Outcome.DRAFT
    if not publish:
        return Outcome.DRAFT
    task_state = approvable_task(user, target)
    if task_state is not None:
        task_state.task.specific.on_action(task_state, user, "approve")
        return Outcome.APPROVED
    revision.publish(user=user)
    return Outcome.PUBLISHED


def save_draft(translation: Translation, user):
    """A new revision of the target, with the translation's current strings; the target
    and the revision. Nothing that partners see changes."""
    source, locale = translation.source, translation.target_locale
    target = target_of(translation)
    if target is None or not target.live:
        # Not public: wagtail-localize's own save (copying untranslated parent pages,
        # recording string errors), as a draft.
        target, _created = source.create_or_update_translation(
            locale, user=user, publish=False, fallback=True, copy_parent_pages=True
        )
        return target, target.latest_revision
    # Live: its row is what partners read, so the translation goes into a revision only,
    # as Wagtail's editor saves a change to a live page.
    draft = source.get_ephemeral_translated_instance(locale, fallback=True)
    if isinstance(draft, Page) and draft.alias_of_id:
        # An alias mirrors its source; translated, it becomes a page of its own.
        Page.objects.filter(pk=draft.pk).update(alias_of_id=None)
        draft.alias_of_id = None
    return draft, draft.save_revision(user=user, log_action=True)


def submit_for_moderation(target, user) -> WorkflowState | None:
    """Into the target's workflow, as Wagtail's "Submit for moderation" does: a workflow
    waiting for changes resumes, one in progress carries on (its moderators review the
    latest revision), otherwise a new one starts."""
    if not isinstance(target, WorkflowMixin):
        return None
    state = target.current_workflow_state
    if state is not None:
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user)
        return state
    workflow = target.get_workflow()
    return workflow.start(target, user) if workflow is not None else None
