from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from rest_framework.test import APIClient

from api.models import Partner, PartnerAPIKey
from directory.factories import TaxonomyTermFactory


def test_an_admin_creates_a_key_sees_it_once_and_can_revoke_it(admin_client):
    partner = Partner.objects.create(name="MAZE", contact_email="hello@maze.test")
    response = admin_client.post(
        reverse("partnerapikey:add"),
        {"partner": partner.pk, "name": "MAZE website", "expiry_date": ""},
    )
    assert response.status_code == 200
    key_object = PartnerAPIKey.objects.get(partner=partner)
    plain = response.context["secret"]
    assert plain in response.content.decode()
    assert plain.startswith(key_object.prefix)
    assert plain not in key_object.hashed_key

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Api-Key {plain}")
    assert api.get("/api/v1/services/").status_code == 200
    # The key is never shown again.
    assert (
        plain
        not in admin_client.get(
            reverse("partnerapikey:edit", args=(key_object.pk,))
        ).content.decode()
    )

    admin_client.post(
        reverse("partnerapikey:edit", args=(key_object.pk,)),
        {"partner": partner.pk, "name": "MAZE website", "expiry_date": "", "revoked": "on"},
    )
    assert api.get("/api/v1/services/").status_code == 401


def test_the_admin_edits_a_partners_scope(admin_client, db):
    response = admin_client.post(
        reverse("partner:add"),
        {
            "name": "DfE family hubs",
            "contact_email": "hubs@example.org",
            "is_active": "on",
            "scope_types": ["services"],
            "scope_areas": ["north-east", "mid"],
            "scope_locales": ["en"],
        },
    )
    assert response.status_code == 302
    partner = Partner.objects.get(name="DfE family hubs")
    assert partner.scope_types == ["services"]
    assert partner.scope_areas == ["north-east", "mid"]


def test_create_partner_prints_the_key_alone_on_the_last_line(db):
    autism = TaxonomyTermFactory(vocabulary="need", code="autism")
    out, err = StringIO(), StringIO()
    call_command(
        "create_partner",
        "Colchester schools",
        "--email",
        "schools@example.org",
        "--scope-types",
        "services",
        "guides",
        "--scope-terms",
        "autism",
        "--scope-areas",
        "north-east",
        "--scope-locales",
        "en",
        "pl",
        stdout=out,
        stderr=err,
    )
    key = out.getvalue().strip().splitlines()[-1]
    partner = Partner.objects.get(name="Colchester schools")
    assert list(partner.scope_terms.all()) == [autism]
    assert partner.scope_locales == ["en", "pl"]
    assert PartnerAPIKey.objects.get_from_key(key).partner == partner
    assert "not shown again" in err.getvalue()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--scope-types", "recipes"], "--scope-types: unknown recipes"),
        (["--scope-terms", "nonsense"], "--scope-terms: no taxonomy term"),
        (["--scope-areas", "kent"], "--scope-areas: unknown kent"),
        (["--scope-locales", "fr"], "--scope-locales: unknown fr"),
    ],
)
def test_create_partner_refuses_unknown_scopes(db, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("create_partner", "Somebody", *args)
    assert not Partner.objects.exists()


def test_the_partner_form_speaks_the_officers_words(admin_client, db):
    response = admin_client.post(
        reverse("partner:add"),
        {"name": "", "contact_email": "hubs.example.org", "scope_locales": ["en"]},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter an email address in the form name@example.org." in html
    assert "Enter the name." in html
    for wording in ("Enter a valid email address", "This field is required"):
        assert wording not in html
    assert not Partner.objects.exists()
