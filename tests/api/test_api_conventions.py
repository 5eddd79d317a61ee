"""The API's views keep their own conventions (JSON only, errors as `{"errors": [...]}`)
while DRF's settings stay DRF's defaults for the admin's DRF views, such as
wagtail-localize's editor, which saves a string as a form with the editor's session."""

import uuid

import pytest
from django.test.client import encode_multipart
from django.urls import URLPattern, URLResolver, resolve, reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.operations import translate_object

from api import urls as api_urls
from api.conventions import ApiConventions
from api.oruk import urls as oruk_urls
from cms.teams import sync_team_permissions
from directory.factories import ServicePageFactory
from tests.conftest import publish

FORM = "application/x-www-form-urlencoded"
DOCUMENTS = {"/api/v1/schema/", "/api/v1/docs/"}  # they answer in their own formats


def paths(patterns, namespace: str, prefix: str = ""):
    """A concrete path for every URL pattern, any id a UUID no item has (the same in
    every test process, so parallel workers collect the same tests)."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from paths(pattern.url_patterns, namespace, prefix)
        elif isinstance(pattern, URLPattern) and pattern.name:
            kwargs = {
                name: str(uuid.uuid5(uuid.NAMESPACE_URL, name))
                for name in pattern.pattern.regex.groupindex
            }
            if pattern.name == "not-found":
                yield "/api/oruk/nowhere"
            else:
                yield reverse(f"{namespace}:{pattern.name}", kwargs=kwargs)


API_PATHS = [*paths(api_urls.urlpatterns, "api"), *paths(oruk_urls.urlpatterns, "oruk")]


def test_every_view_under_api_has_the_apis_conventions():
    assert len(API_PATHS) > 20
    for path in API_PATHS:
        view = resolve(path).func
        view_class = getattr(view, "cls", None) or view.view_class
        assert issubclass(view_class, ApiConventions), path


@pytest.mark.parametrize("path", API_PATHS)
def test_a_form_posted_anywhere_under_api_gets_a_json_error(client, partner_api, path):
    response = partner_api.post(path, "name=value", content_type=FORM)
    assert response.status_code in (404, 405, 415), (path, response.status_code)
    if path in DOCUMENTS:
        return
    body = response.json() if response["Content-Type"] == "application/json" else None
    assert body is not None, (path, response["Content-Type"])
    assert body["errors"][0]["message"], path


def test_writes_of_anything_but_json_are_415s(partner_api, sections):
    service = publish(ServicePageFactory(parent=sections["council"]))
    created = partner_api.post(
        "/api/v1/webhooks/", {"url": "http://127.0.0.1:9/hooks"}, format="json"
    )
    assert created.status_code == 201, created.content
    for method, path in [
        ("post", "/api/v1/webhooks/"),
        ("patch", f"/api/v1/webhooks/{created.json()['id']}/"),
        ("post", f"/api/v1/services/{service.uuid}/feedback/"),
    ]:
        for content_type, body in [
            (FORM, "url=https://hub.example.org/other&message=Hello"),
            (
                "multipart/form-data; boundary=edge",
                encode_multipart("edge", {"url": "https://hub.example.org/other"}),
            ),
        ]:
            response = getattr(partner_api, method)(path, body, content_type=content_type)
            assert response.status_code == 415, (method, path, content_type)
            [error] = response.json()["errors"]
            assert error["message"].startswith("Unsupported media type"), error


def test_wagtail_localizes_editor_saves_a_string_with_a_form_and_the_session(
    client, sections, django_user_model
):
    from django.contrib.auth.models import Group

    from cms.groups import COUNCIL_EDITORS

    polish = Locale.objects.create(language_code="pl")
    for name in ("home", "directory", "council"):
        translate_object(sections[name], [polish])
    sync_team_permissions()  # the Polish council section is the council's too
    service = publish(ServicePageFactory(parent=sections["council"], summary="Messy play."))
    translate_object(service, [polish])
    translation = Translation.objects.get(
        source__object_id=service.translation_key, target_locale=polish
    )
    segment = StringSegment.objects.get(source=translation.source, string__data="Messy play.")
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    editor.groups.add(Group.objects.get(name=COUNCIL_EDITORS))
    client.force_login(editor)

    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id]),
        encode_multipart("edge", {"value": "Zabawa."}),
        content_type="multipart/form-data; boundary=edge",
    )
    assert response.status_code == 201, response.content
    assert response.json()["data"] == "Zabawa."


def test_the_browsable_api_is_a_setting_and_never_oruks_format(partner_api, settings, db):
    html = {"HTTP_ACCEPT": "text/html"}
    assert partner_api.get("/api/v1/services/", **html).status_code == 406
    settings.API_BROWSABLE = True  # as in development
    page = partner_api.get("/api/v1/services/", **html)
    assert page.status_code == 200
    assert page["Content-Type"].startswith("text/html")
    oruk = partner_api.get("/api/oruk/services", **html)
    assert oruk["Content-Type"] == "application/json"  # the standard's format, always
