import os
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models, transaction
from django.test import TestCase
from django.utils import timezone
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import Translation

from alerts.models import MaintainerAlert
from directory.models import Cluster, ClusterStaff, Organisation, PartnerPage, ServicePage
from guides.models import GuidePage
from home.demo import data
from home.models import HomePage
from tasks.bounces.models import ContactAddress, DeliveryEvent

RESERVED_EMAIL = re.compile(r"@([a-z0-9-]+\.)*(example\.org|[a-z0-9-]+\.test)$")


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """Loaded once for this module inside a transaction that is rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        # wagtail-localize publishes translations when the loader's transaction commits.
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("load_demo_content")
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_content, db):
    """Each test runs in a savepoint inside the module's transaction."""


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "sites": Site.objects.count(),
        "locales": Locale.objects.count(),
        "translations": Translation.objects.count(),
        "organisations": Organisation.objects.count(),
        "clusters": Cluster.objects.count(),
        "delivery events": DeliveryEvent.objects.count(),
        "alerts": MaintainerAlert.objects.count(),
    }


def test_site_locales_and_a_home_page_per_locale(demo):
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == ["en", "pl"]
    english = HomePage.objects.get(locale__language_code="en")
    polish = HomePage.objects.get(locale__language_code="pl")
    assert Site.objects.get(is_default_site=True).root_page.specific == english
    assert english.live
    assert polish.live
    assert polish.translation_key == english.translation_key
    assert polish.title == data.POLISH["home"][data.HOME["title"]]
    # Wagtail's placeholder welcome page is gone.
    assert not Page.objects.filter(depth=2).exact_type(Page).exists()


def test_the_directory_covers_every_category_and_quadrant(demo):
    services = ServicePage.objects.live().filter(locale__language_code="en")
    assert services.count() >= 30
    categories = set(
        services.filter(terms__vocabulary="category").values_list("terms__code", flat=True)
    )
    assert categories == {term["code"] for term in data.TAXONOMY["category"]}
    areas = {area for service in services for area in service.service_areas}
    assert areas == {"north-east", "mid", "south", "west"}
    for service in services.prefetch_related("contacts"):
        assert (
            any(c.is_public and (c.email or c.phone) for c in service.contacts.all())
            or service.website
        )


def test_the_abolished_ccg_is_defunct_with_listings_still_pointing_at_it(demo):
    ccg = Organisation.objects.get(
        name__contains="Clinical Commissioning Group", locale__language_code="en"
    )
    assert ccg.is_defunct
    assert "Integrated Care Board" in ccg.successor().name
    assert ServicePage.objects.filter(organisation=ccg).count() >= 2


def test_every_organisation_is_published_and_belongs_to_a_team(demo):
    organisations = Organisation.objects.filter(locale__language_code="en")
    assert organisations.count() == len(data.ORGANISATIONS)
    assert not organisations.filter(live=False).exists()
    assert all(o.live_revision_id for o in organisations)  # published through a revision
    teams = dict(organisations.values_list("name", "team"))
    assert teams["Essex County Council"] == "council"
    assert teams["NHS Suffolk and North East Essex Integrated Care Board"] == "health"
    assert teams["NHS North East Essex Clinical Commissioning Group"] == "health"
    assert teams["The MAZE Group CiC"] == "shared"
    assert teams["University of Essex"] == "shared"


def test_guides_partners_and_clusters_from_the_seeds(demo):
    titles = set(
        GuidePage.objects.filter(locale__language_code="en").values_list("title", flat=True)
    )
    assert any(title.startswith("When people can't agree") for title in titles)
    assert any("North East Essex" in title for title in titles)
    partners = set(PartnerPage.objects.values_list("organisation__name", flat=True))
    assert {"Multi Schools Council", "Colchester Parent Support"} <= partners
    assert any("MAZE" in name for name in partners)
    assert Cluster.objects.filter(live=True).count() >= 4
    for cluster in Cluster.objects.all():
        roles = set(cluster.staff.values_list("role", flat=True))
        assert {ClusterStaff.Role.INCLUSION_PARTNER, ClusterStaff.Role.QUADRANT_MANAGER} <= roles
    assert ClusterStaff.objects.filter(email=data.BOUNCING_EMAIL).exists()
    # Its address is known to bounce, and the cluster that shows it is flagged.
    bouncing = ContactAddress.objects.get(address=data.BOUNCING_EMAIL.lower())
    assert bouncing.status == ContactAddress.Status.BOUNCED
    alert = MaintainerAlert.objects.get(kind=MaintainerAlert.Kind.BOUNCING_CONTACT)
    assert isinstance(alert.subject, Cluster)
    assert alert.subject.staff.filter(email=data.BOUNCING_EMAIL).exists()


def test_polish_translations_and_overdue_listings(demo):
    polish_pages = Page.objects.filter(locale__language_code="pl", live=True)
    assert polish_pages.exclude(depth__lte=2).count() >= 5
    assert Translation.objects.filter(target_locale__language_code="pl").count() >= 5
    assert ServicePage.objects.filter(next_review_due__lt=timezone.localdate()).exists()


def test_polish_listings_name_their_terms_in_polish(demo):
    from rest_framework.test import APIClient

    from api.models import Partner, PartnerAPIKey

    partner = Partner.objects.create(name="Essex Family Hub", contact_email="hub@example.org")
    _key, key = PartnerAPIKey.objects.create_key(name="hub key", partner=partner)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Api-Key {key}")
    polish_names = {name for name, _description in data.TAXONOMY_POLISH.values()}
    english_names = {item["name"] for items in data.TAXONOMY.values() for item in items}

    services = api.get("/api/v1/services/", {"locale": "pl", "page_size": 100}).json()["results"]
    assert services
    names = {term["name"] for service in services for term in service["terms"]}
    assert names <= polish_names
    assert {"Wsparcie, grupy i zajęcia", "Autyzm"} <= names
    assert not names & (english_names - {"ADHD"})  # "ADHD" is the same in both


def test_every_email_in_the_demo_uses_a_reserved_domain(demo):
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.EmailField):
                for address in model.objects.exclude(**{field.name: ""}).values_list(
                    field.name, flat=True
                ):
                    assert RESERVED_EMAIL.search(address), (
                        f"{model.__name__}.{field.name}: {address}"
                    )
    source = Path(data.__file__).read_text()
    for address in re.findall(r"[\w.+-]+@[\w.-]+", source):
        assert RESERVED_EMAIL.search(address), address


def test_demo_content_is_idempotent(demo, django_capture_on_commit_callbacks):
    before = snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content")
    assert snapshot() == before


def test_ensure_admin_creates_an_account_and_prints_how_to_sign_in(
    db, capsys, monkeypatch, settings, tmp_path
):
    from django.contrib.auth import get_user_model

    settings.LOCAL_DATA_DIR = tmp_path
    for name in (
        "DJANGO_SUPERUSER_USERNAME",
        "DJANGO_SUPERUSER_PASSWORD",
        "DJANGO_SUPERUSER_EMAIL",
    ):
        monkeypatch.delenv(name, raising=False)

    call_command("ensure_admin")
    out = capsys.readouterr().out
    password = (tmp_path / "admin-password").read_text().strip()
    assert "username: admin" in out
    assert f"password: {password}" in out
    assert oct(os.stat(tmp_path / "admin-password").st_mode & 0o777) == "0o600"
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password(password)

    call_command("ensure_admin")  # a second run keeps the account and shows it again
    assert f"password: {password}" in capsys.readouterr().out
    assert get_user_model().objects.filter(is_superuser=True).count() == 1


def test_ensure_admin_takes_the_account_from_the_environment(
    db, capsys, monkeypatch, settings, tmp_path
):
    from django.contrib.auth import get_user_model

    settings.LOCAL_DATA_DIR = tmp_path
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "send-team")
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "send-team@example.org")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-passphrase-for-tests")

    call_command("ensure_admin")

    user = get_user_model().objects.get(username="send-team")
    assert user.email == "send-team@example.org"
    assert user.check_password("a-long-passphrase-for-tests")
    assert not (tmp_path / "admin-password").exists()
    assert "username: send-team" in capsys.readouterr().out


def test_every_languages_team_sections_are_open_to_their_editors(demo):
    from wagtail.models import GroupPagePermission

    from cms.teams import TEAM_GROUPS, team_sections

    sections = team_sections()
    assert {section.locale.language_code for section in sections} == {"en", "pl"}
    for section in sections:
        granted = GroupPagePermission.objects.filter(
            page=section, group__name=TEAM_GROUPS[section.team]
        )
        assert granted.filter(permission__codename="change_page").exists(), section
