import os

from django.core.management import call_command
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import Translation

from home.models import HomePage


def load_demo_content(capture_on_commit):
    # wagtail-localize publishes translations when the loader's transaction commits.
    with capture_on_commit(execute=True):
        call_command("load_demo_content")


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "sites": Site.objects.count(),
        "locales": Locale.objects.count(),
        "translations": Translation.objects.count(),
    }


def test_demo_content_creates_site_locales_and_a_home_page_per_locale(
    db, django_capture_on_commit_callbacks
):
    load_demo_content(django_capture_on_commit_callbacks)

    assert sorted(Locale.objects.values_list("language_code", flat=True)) == ["en", "pl"]
    english = HomePage.objects.get(locale__language_code="en")
    polish = HomePage.objects.get(locale__language_code="pl")
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == english
    assert english.live
    assert polish.live
    assert polish.translation_key == english.translation_key
    assert polish.title == "Oferta lokalna hrabstwa Essex"
    assert "Pomoc dla dzieci" in polish.introduction
    # Wagtail's placeholder welcome page is gone.
    assert not Page.objects.filter(depth=2).exact_type(Page).exists()
    # The translation is managed by wagtail-localize, so it stays in sync.
    assert Translation.objects.filter(target_locale__language_code="pl", enabled=True).count() == 1


def test_demo_content_is_idempotent(db, django_capture_on_commit_callbacks):
    load_demo_content(django_capture_on_commit_callbacks)
    before = snapshot()
    load_demo_content(django_capture_on_commit_callbacks)
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
