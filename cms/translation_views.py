"""wagtail-localize's views, with translations moderated (cms.translation).

Wired in by cms/urls.py, ahead of the admin's URLs, at the paths wagtail-localize
reverses to, and by the editor hooks in cms/wagtail_hooks.py.
"""

import contextlib
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.tasks import background
from wagtail_localize.views import edit_translation, submit_translations, update_translations

from cms.translation import Outcome, can_edit, can_publish, save_target, target_of

SUBMITTED_NOTE = gettext_lazy("Partners see it once a moderator approves it.")


class ModeratedTranslationCreator(TranslationCreator):
    """wagtail-localize's, with each target saved by `cms.translation.save_target`, and
    the snippets an object uses translated along with it only if the user may edit them."""

    def __init__(self, user, target_locales):
        super().__init__(user, target_locales)
        self.outcomes: dict[Translation, Outcome] = {}

    def create_translations(self, instance, include_related_objects=True):
        if isinstance(instance, Page):
            instance = instance.specific
        if instance.translation_key in self.seen_objects:
            return
        self.seen_objects.add(instance.translation_key)
        if not can_edit(self.user, instance):
            return

        source, _created = TranslationSource.get_or_create_from_instance(instance)
        if include_related_objects:
            # One level, as wagtail-localize does, and before the object that needs them.
            for segment in source.relatedobjectsegment_set.all():
                self.create_translations(
                    segment.object.get_instance(instance.locale), include_related_objects=False
                )

        mode = getattr(
            instance,
            "localize_default_translation_mode",
            getattr(settings, "WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE", "synced"),
        )
        for locale in self.target_locales:
            if locale == source.locale:
                continue
            translation, _created = Translation.objects.update_or_create(
                source=source, target_locale=locale, defaults={"enabled": mode == "synced"}
            )
            self.mappings[source].append(translation)
            # A translation goes live with its source, if the user may publish it.
            with contextlib.suppress(ValidationError):
                self.outcomes[translation] = save_target(
                    translation, self.user, publish=getattr(instance, "live", True)
                )


@transaction.atomic
def translate_moderated_subtree(page_id, locales, components, user):
    """wagtail-localize's `translate_page_subtree`, with ModeratedTranslationCreator."""
    translator = ModeratedTranslationCreator(user, locales)
    for page in Page.objects.get(id=page_id).get_descendants().order_by("path"):
        translator.create_translations(page)
    if components is not None:
        components.save(translator, sources_and_translations=translator.mappings)


class ModeratedSubmitMixin:
    """ "Translate": only what the user may edit, each translation saved under moderation."""

    def get_object(self):
        instance = super().get_object()
        if not can_edit(self.request.user, instance):
            raise PermissionDenied
        return instance

    @transaction.atomic
    def form_valid(self, form):
        locales = form.cleaned_data["locales"]
        translator = ModeratedTranslationCreator(self.request.user, locales)
        translator.create_translations(self.object)
        self.components.save(translator, sources_and_translations=translator.mappings)
        if isinstance(self.object, Page) and form.cleaned_data["include_subtree"]:
            background.enqueue(
                translate_moderated_subtree,
                [self.object.id, locales, self.components, self.request.user],
                {},
            )

        single = self.object.get_translation(locales[0]) if len(locales) == 1 else None
        names = (
            locales[0].get_display_name()
            if single is not None
            else _("{} locales").format(len(locales))
        )
        messages.success(self.request, self.get_success_message(names))
        if Outcome.SUBMITTED in translator.outcomes.values():
            messages.info(
                self.request,
                _("The translation is a draft, submitted for moderation. {note}").format(
                    note=SUBMITTED_NOTE
                ),
            )
        return redirect(self.get_success_url() or self.get_default_success_url(single))


class SubmitPageTranslationView(
    ModeratedSubmitMixin, submit_translations.SubmitPageTranslationView
):
    pass


class SubmitSnippetTranslationView(
    ModeratedSubmitMixin, submit_translations.SubmitSnippetTranslationView
):
    pass


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """ "Sync translated pages": for the source's editors; "Publish immediately" publishes
    what the user may publish and submits the rest for moderation."""

    def get_object(self):
        source = super().get_object()
        if not can_edit(self.request.user, source.get_source_instance()):
            raise PermissionDenied
        return source

    def targets(self):
        return [
            target
            for translation in self.object.translations.filter(enabled=True)
            if (target := target_of(translation)) is not None
        ]

    def get_form(self):
        form = super().get_form()
        if not all(can_publish(self.request.user, target) for target in self.targets()):
            field = form.fields["publish_translations"]
            field.label = _("Submit for moderation")
            field.help_text = _(
                "Apply the updates as drafts and submit them to the moderators: you may not "
                "publish these translations. The changes use the original language until "
                "translated."
            )
        return form

    @transaction.atomic
    def form_valid(self, form):
        if not form.cleaned_data["publish_translations"]:
            return super().form_valid(form)
        self.object.update_from_db()
        translations = self.object.translations.filter(enabled=True).select_related("target_locale")
        outcomes = []
        for translation in translations:
            with contextlib.suppress(ValidationError):
                outcomes.append(save_target(translation, self.request.user, publish=True))
        self.components.save(
            self.object, sources_and_translations={self.object: list(translations)}
        )
        messages.success(self.request, self.get_success_message())
        if Outcome.SUBMITTED in outcomes:
            messages.info(
                self.request,
                _(
                    "You may not publish these translations: the updates were submitted for "
                    "moderation. {note}"
                ).format(note=SUBMITTED_NOTE),
            )
        return redirect(self.get_success_url() or self.get_default_success_url())


def publish_from_editor(request, instance):
    """The editor's "Publish in …" (a `before_edit_page` and `before_edit_snippet` hook,
    ahead of wagtail-localize's): publishes, approves the moderation task, or submits the
    translation for moderation, whichever the user may do."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    if not isinstance(instance, TranslatableMixin):
        return None
    translation = Translation.objects.filter(
        source__object_id=instance.translation_key,
        target_locale_id=instance.locale_id,
        enabled=True,
    ).first()
    if translation is None:
        return None
    names = {"object": str(instance), "locale": translation.target_locale.get_display_name()}
    try:
        outcome = save_target(translation, request.user, publish=True)
    except ValidationError:
        messages.error(
            request,
            _(
                "New validation errors were found when saving '{object}' in {locale}. "
                "Please fix them and try again."
            ).format(**names),
        )
        return redirect(request.path)
    if outcome is Outcome.SUBMITTED:
        message = _("Submitted '{object}' in {locale} for moderation. {note}").format(
            note=SUBMITTED_NOTE, **names
        )
    elif outcome is Outcome.APPROVED:
        message = _("Approved and published '{object}' in {locale}.").format(**names)
    else:
        message = _("Published '{object}' in {locale}.").format(**names)
    messages.success(request, message)
    return redirect(request.path)


def for_editors_of_the_target(view):
    """wagtail-localize checks edit permission on a snippet's type; this checks it on the
    translation itself, so a team's editors keep to their team's snippets."""

    @wraps(view)
    def checked(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(Translation, id=translation_id)
        target = target_of(translation)
        if target is None or not can_edit(request.user, target):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    return checked


# The paths of wagtail-localize's own views (under admin/localize/), so its links reach these.
urlpatterns = [
    path(
        "submit/page/<int:page_id>/",
        SubmitPageTranslationView.as_view(),
    ),
    path(
        "submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        SubmitSnippetTranslationView.as_view(),
    ),
    path(
        "update/<int:translation_source_id>/",
        UpdateTranslationsView.as_view(),
    ),
    *(
        path(f"translate/<int:translation_id>/{route}", for_editors_of_the_target(view))
        for route, view in [
            ("strings/<int:string_segment_id>/edit/", edit_translation.edit_string_translation),
            ("overrides/<int:overridable_segment_id>/edit/", edit_translation.edit_override),
            ("pofile/download/", edit_translation.download_pofile),
            ("pofile/upload/", edit_translation.upload_pofile),
            ("machine_translate/", edit_translation.machine_translate),
            ("preview/", edit_translation.preview_translation),
            ("preview/<str:mode>/", edit_translation.preview_translation),
            ("disable/", edit_translation.stop_translation),
        ]
    ),
]
