"""Translations through wagtail-localize's admin views are moderated: an editor's new,
edited, uploaded or synced translation is a draft in the Moderators' workflow, absent from
the API until a moderator approves it; and each team translates only its own content."""

import polib
import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.test.client import encode_multipart
from django.urls import resolve, reverse
from rest_framework.test import APIClient
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.operations import translate_object

from api.models import Partner, PartnerAPIKey
from cms import translation_views
from cms.groups import COUNCIL_EDITORS, MODERATORS
from cms.teams import sync_team_permissions
from directory.factories import OrganisationFactory, ServicePageFactory
from directory.models import Organisation, ServicePage
from tests.conftest import publish

SUMMARY = "Messy play and sensory activities for under-fives with additional needs."
POLISH_SUMMARY = "Zabawy sensoryczne dla dzieci poniżej piątego roku życia."
BOUNDARY = "translation-test-boundary"


@pytest.fixture
def polish(sections):
    """Polish copies of the sections, published, each granted to its team's editors."""
    locale = Locale.objects.create(language_code="pl")
    for name in ("home", "directory", "council", "health"):
        translate_object(sections[name], [locale])
        publish(sections[name].get_translation(locale))
    sync_team_permissions()
    return locale


@pytest.fixture
def make_user(django_user_model):
    def make(username, group_name):
        user = django_user_model.objects.create_user(
            username=username, password="correct horse battery", email=f"{username}@example.org"
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def editor(sections, make_user):
    """A council editor's browser, apart from `client`."""
    browser = Client()
    browser.force_login(make_user("council-editor", COUNCIL_EDITORS))
    return browser


@pytest.fixture
def partner_api(db):
    partner = Partner.objects.create(name="Essex Family Hub", contact_email="hub@example.org")
    _key, key = PartnerAPIKey.objects.create_key(name="hub key", partner=partner)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Api-Key {key}")
    return api


@pytest.fixture
def service(sections):
    return publish(
        ServicePageFactory(
            parent=sections["council"],
            organisation=OrganisationFactory(team="council"),
            summary=SUMMARY,
        )
    )


def served(partner_api, client, page) -> dict | None:
    """The page as partners read it from /api/v1/; None if not served. ORUK serves the
    source language only, so never a translation, draft or not."""
    assert client.get(f"/api/oruk/services/{page.uuid}").status_code == 404
    v1 = partner_api.get(f"/api/v1/services/{page.uuid}/")
    if v1.status_code == 404:
        return None
    assert v1.status_code == 200
    return v1.json()


def translate(client, page, locale):
    return client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.id]),
        {"locales": [locale.id]},
    )


def translation_of(instance, locale) -> Translation:
    return Translation.objects.get(source__object_id=instance.translation_key, target_locale=locale)


def edit_string(client, translation, source_text, value):
    """What the editor's Save does: a multipart PUT with the session and CSRF token."""
    segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
    return client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id]),
        data=encode_multipart(BOUNDARY, {"value": value}),
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
    )


def workflow_state(page) -> WorkflowState | None:
    return WorkflowState.objects.filter(
        base_content_type__model="page", object_id=str(page.pk)
    ).last()


def approve(client, page):
    state = workflow_state(page)
    return client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.id, "approve", state.current_task_state.id],
        ),
        {"comment": ""},
    )


def test_wagtail_localizes_paths_reach_the_moderated_views(db):
    checked_for_editors = translation_views.for_editors_of_the_target(lambda request: None)
    for name, args, view in [
        ("submit_page_translation", [1], translation_views.SubmitPageTranslationView),
        (
            "submit_snippet_translation",
            ["directory", "organisation", "1"],
            translation_views.SubmitSnippetTranslationView,
        ),
        ("update_translations", [1], translation_views.UpdateTranslationsView),
    ]:
        assert resolve(reverse(f"wagtail_localize:{name}", args=args)).func.view_class is view
    for name, args in [
        ("edit_string_translation", [1, 2]),
        ("edit_override", [1, 2]),
        ("download_pofile", [1]),
        ("upload_pofile", [1]),
        ("machine_translate", [1]),
        ("preview_translation", [1]),
        ("stop_translation", [1]),
    ]:
        func = resolve(reverse(f"wagtail_localize:{name}", args=args)).func
        assert func.__code__ is checked_for_editors.__code__, name


def test_an_editors_translation_is_moderated_from_creation_to_approval(
    client, editor, polish, service, partner_api, make_user
):
    response = translate(editor, service, polish)
    assert response.status_code == 302
    polish_page = service.get_translation(polish)
    assert not polish_page.live
    state = workflow_state(polish_page)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow == service.get_workflow()  # the source's: Moderators approval
    assert served(partner_api, client, polish_page) is None

    # The editor translates a segment: saved (this was a 415), not published.
    translation = translation_of(service, polish)
    response = edit_string(editor, translation, SUMMARY, POLISH_SUMMARY)
    assert response.status_code == 201, response.content
    assert response.json()["data"] == POLISH_SUMMARY

    # The editor's only action says it submits, and does.
    edit_url = reverse("wagtailadmin_pages:edit", args=[polish_page.id])
    page = editor.get(edit_url).content.decode()
    assert "Submit for moderation in " in page
    response = editor.post(edit_url, {"action": "publish"}, follow=True)
    assert "for moderation" in response.content.decode()
    polish_page = ServicePage.objects.get(pk=polish_page.pk)
    assert not polish_page.live
    assert polish_page.get_latest_revision_as_object().summary == POLISH_SUMMARY
    assert workflow_state(polish_page).status == WorkflowState.STATUS_IN_PROGRESS
    assert served(partner_api, client, polish_page) is None

    moderator = make_user("moderator", MODERATORS)
    client.force_login(moderator)
    assert approve(client, polish_page).status_code in (200, 302)
    assert workflow_state(polish_page).status == WorkflowState.STATUS_APPROVED
    item = served(partner_api, client, polish_page)
    assert item["summary"] == POLISH_SUMMARY
    assert item["locale"] == "pl"


def test_a_moderators_publish_in_the_editor_approves_the_translation(
    client, editor, polish, service, partner_api, make_user
):
    translate(editor, service, polish)
    polish_page = service.get_translation(polish)
    client.force_login(make_user("moderator", MODERATORS))
    edit_url = reverse("wagtailadmin_pages:edit", args=[polish_page.id])
    assert "Approve and publish in " in client.get(edit_url).content.decode()

    edit_string(client, translation_of(service, polish), SUMMARY, POLISH_SUMMARY)
    client.post(edit_url, {"action": "publish"})

    assert workflow_state(polish_page).status == WorkflowState.STATUS_APPROVED
    assert served(partner_api, client, polish_page)["summary"] == POLISH_SUMMARY


def test_a_live_translation_stays_as_published_while_its_update_is_moderated(
    client, editor, polish, service, partner_api, make_user
):
    moderator = make_user("moderator", MODERATORS)
    client.force_login(moderator)
    translate(client, service, polish)  # a moderator's translation is published at once
    polish_page = service.get_translation(polish)
    assert polish_page.live
    assert served(partner_api, client, polish_page)["summary"] == SUMMARY
    translation = translation_of(service, polish)

    # An editor uploads a PO file with a translation...
    po = polib.pofile(str(translation.export_po()))
    for entry in po:
        if entry.msgid == SUMMARY:
            entry.msgstr = POLISH_SUMMARY
    response = editor.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.id]),
        {"file": _uploaded(str(po)), "next": "/admin/"},
    )
    assert response.status_code == 302
    # ...and "Sync translated pages" with "Publish immediately" after the source changes.
    service.max_age = 8
    publish(service)
    sync_url = reverse("wagtail_localize:update_translations", args=[translation.source.id])
    form = editor.get(sync_url).content.decode()
    assert "Submit for moderation" in form
    response = editor.post(sync_url, {"publish_translations": "on"}, follow=True)
    assert "You may not publish these translations" in response.content.decode()

    polish_page = ServicePage.objects.get(pk=polish_page.pk)
    draft = polish_page.get_latest_revision_as_object()
    assert (draft.summary, draft.max_age) == (POLISH_SUMMARY, 8)
    assert (polish_page.summary, polish_page.max_age) == (SUMMARY, 5)  # the live row
    assert polish_page.live
    assert workflow_state(polish_page).status == WorkflowState.STATUS_IN_PROGRESS
    item = served(partner_api, client, polish_page)
    assert (item["summary"], item["max_age"]) == (SUMMARY, 5)

    assert approve(client, polish_page).status_code in (200, 302)
    assert served(partner_api, client, polish_page)["summary"] == POLISH_SUMMARY


def _uploaded(content: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("translation.po", content.encode(), "text/x-gettext-translation")


def test_a_council_editor_cannot_translate_the_health_teams_content(
    client, editor, polish, sections, make_user
):
    health_service = publish(ServicePageFactory(parent=sections["health"]))
    url = reverse("wagtail_localize:submit_page_translation", args=[health_service.id])
    assert editor.get(url).status_code == 403
    assert translate(editor, health_service, polish).status_code == 403
    assert health_service.get_translation_or_none(polish) is None

    health_organisation = OrganisationFactory(team="health")
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["directory", "organisation", health_organisation.pk],
    )
    assert editor.post(url, {"locales": [polish.id]}).status_code == 403
    assert not Organisation.objects.filter(
        translation_key=health_organisation.translation_key, locale=polish
    ).exists()

    # Nor edit, upload to or sync a translation a moderator made.
    client.force_login(make_user("moderator", MODERATORS))
    client.post(url, {"locales": [polish.id]})
    translation = translation_of(health_organisation, polish)
    assert edit_string(editor, translation, health_organisation.name, "Zdrowie").status_code == 403
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.id])
    assert editor.post(upload, {"file": _uploaded("")}).status_code == 403
    sync = reverse("wagtail_localize:update_translations", args=[translation.source.id])
    assert editor.post(sync, {"publish_translations": "on"}).status_code == 403


def test_an_editors_translation_of_an_organisation_is_moderated_too(
    client, editor, polish, partner_api, make_user
):
    organisation = OrganisationFactory(team="council", name="Colchester Parent Support")
    organisation.save_revision().publish()
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["directory", "organisation", organisation.pk],
    )
    assert editor.post(url, {"locales": [polish.id]}).status_code == 302
    polish_organisation = Organisation.objects.get(
        translation_key=organisation.translation_key, locale=polish
    )
    assert not polish_organisation.live
    state = WorkflowState.objects.for_instance(polish_organisation).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    detail = f"/api/v1/organisations/{polish_organisation.uuid}/"
    assert partner_api.get(detail).status_code == 404

    # Its editor's only action submits it again, with the translated name.
    translation = translation_of(organisation, polish)
    edit_string(editor, translation, organisation.name, "Wsparcie dla rodziców w Colchester")
    edit_url = reverse("wagtailsnippets_directory_organisation:edit", args=[polish_organisation.pk])
    assert "Submit for moderation in " in editor.get(edit_url).content.decode()
    editor.post(edit_url, {"action": "publish"})
    polish_organisation.refresh_from_db()
    assert not polish_organisation.live
    assert partner_api.get(detail).status_code == 404

    client.force_login(make_user("moderator", MODERATORS))
    response = client.post(
        reverse(
            "wagtailsnippets_directory_organisation:workflow_action",
            args=[polish_organisation.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    assert partner_api.get(detail).json()["name"] == "Wsparcie dla rodziców w Colchester"


def test_an_editors_subtree_translation_is_moderated_page_by_page(
    editor, polish, sections, partner_api, client
):
    from directory.factories import DirectoryIndexPageFactory

    play = publish(DirectoryIndexPageFactory(parent=sections["council"], title="Play"))
    service = publish(ServicePageFactory(parent=play, summary=SUMMARY))
    response = editor.post(
        reverse("wagtail_localize:submit_page_translation", args=[play.id]),
        {"locales": [polish.id], "include_subtree": "on"},
    )
    assert response.status_code == 302
    for page in (play, service):
        translated = page.get_translation(polish)
        assert not translated.live
        assert workflow_state(translated).status == WorkflowState.STATUS_IN_PROGRESS
    assert served(partner_api, client, service.get_translation(polish)) is None
