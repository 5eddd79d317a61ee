"""Webhooks in the Wagtail admin: endpoints with a secret shown once, deliveries with
their attempts, and replay."""

from django.urls import reverse

from api.webhooks.delivery import deliver
from api.webhooks.dispatch import dispatch_events
from api.webhooks.models import WebhookDelivery, WebhookEndpoint
from api.webhooks.secrets import decrypt
from directory.factories import ServicePageFactory
from tests.api.webhooks.conftest import Reply
from tests.conftest import publish


def test_an_admin_creates_an_endpoint_and_sees_its_secret_once(admin_client, make_partner):
    partner = make_partner()
    response = admin_client.post(
        reverse("webhook_endpoints:add"),
        {
            "partner": partner.pk,
            "url": "http://127.0.0.1:9/hooks",
            "events": ["content.published", "content.deleted"],
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    endpoint = WebhookEndpoint.objects.get()
    secret = decrypt(endpoint.secret_encrypted)
    assert secret in response.content.decode()
    assert endpoint.events == ["content.published", "content.deleted"]

    for url in (
        reverse("webhook_endpoints:index"),
        reverse("webhook_endpoints:edit", args=[endpoint.pk]),
        reverse("webhook_endpoints:inspect", args=[endpoint.pk]),
    ):
        page = admin_client.get(url)
        assert page.status_code == 200
        assert secret not in page.content.decode()
        assert endpoint.secret_encrypted not in page.content.decode()


def test_the_admin_form_refuses_unsafe_urls(admin_client, make_partner, settings):
    settings.WEBHOOK_ALLOW_LOOPBACK = False
    response = admin_client.post(
        reverse("webhook_endpoints:add"),
        {
            "partner": make_partner().pk,
            "url": "http://10.0.0.8/hooks",
            "events": ["content.deleted"],
        },
    )
    assert response.status_code == 200
    assert "Use an https:// URL." in response.content.decode()
    assert not WebhookEndpoint.objects.exists()


def test_the_endpoint_form_speaks_the_officers_words(admin_client, make_partner):
    response = admin_client.post(
        reverse("webhook_endpoints:add"),
        {"partner": make_partner().pk, "url": "", "events": []},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter the URL." in html
    assert "Choose the events." in html
    assert "This field is required" not in html
    assert not WebhookEndpoint.objects.exists()


def test_switching_an_endpoint_back_on_in_the_admin_clears_the_failures(
    admin_client, make_partner, subscribe
):
    endpoint = subscribe(make_partner(), "http://127.0.0.1:9/hooks")
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
        is_active=False, consecutive_failures=20, disabled_reason="20 failures in a row"
    )
    response = admin_client.post(
        reverse("webhook_endpoints:edit", args=[endpoint.pk]),
        {
            "partner": endpoint.partner.pk,
            "url": endpoint.url,
            "events": endpoint.events,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    endpoint.refresh_from_db()
    assert endpoint.is_active
    assert endpoint.consecutive_failures == 0
    assert endpoint.disabled_reason == ""


def test_deliveries_show_their_attempts_and_can_be_replayed(
    admin_client, sections, make_partner, subscribe, receiver, django_capture_on_commit_callbacks
):
    subscribe(make_partner(), receiver.url, events=["content.published"])
    page = publish(ServicePageFactory(parent=sections["council"], slug="replayed"))
    dispatch_events()
    delivery = WebhookDelivery.objects.get(object_id=page.uuid)
    receiver.replies = [Reply(status=404, body=b"no such hook")]
    assert deliver(delivery.pk).status == "failed"

    listing = admin_client.get(reverse("webhook_deliveries:index"))
    assert delivery.message_id in listing.content.decode()
    assert reverse("webhook_deliveries:add") not in listing.content.decode()  # read-only
    inspect = admin_client.get(reverse("webhook_deliveries:inspect", args=[delivery.pk]))
    body = inspect.content.decode()
    assert "no such hook" in body
    assert "404" in body
    assert reverse("webhook_deliveries:replay", args=[delivery.pk]) in body
    assert admin_client.get(reverse("webhook_deliveries:edit", args=[delivery.pk])).status_code in (
        302,
        403,
    )

    replay_url = reverse("webhook_deliveries:replay", args=[delivery.pk])
    assert admin_client.get(replay_url).status_code == 200  # a confirmation, changing nothing
    delivery.refresh_from_db()
    assert delivery.state == WebhookDelivery.State.FAILED
    with django_capture_on_commit_callbacks() as queued:
        response = admin_client.post(replay_url)
    assert response.status_code == 302
    assert len(queued) == 1  # the delivery goes back on the queue
    delivery.refresh_from_db()
    assert delivery.state == WebhookDelivery.State.PENDING
    assert deliver(delivery.pk).status == "delivered"
    first, second = receiver.wait_for(2)
    assert first.headers["webhook-id"] == second.headers["webhook-id"]


def test_editors_cannot_see_webhooks(client, django_user_model):
    from django.contrib.auth.models import Group, Permission

    editor = django_user_model.objects.create_user("editor", password="pw")
    group = Group.objects.create(name="Editors here")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    client.force_login(editor)
    assert client.get(reverse("webhook_endpoints:index")).status_code in (302, 403)
    assert client.get(reverse("webhook_deliveries:index")).status_code in (302, 403)
