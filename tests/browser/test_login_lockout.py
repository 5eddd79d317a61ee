"""The sign-in lockout as an editor meets it in Chromium: after five wrong passwords the
sign-in page says the account is locked and for how long, and the right password does not
get in until an administrator unlocks it."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import PASSWORD


@pytest.fixture
def editor(transactional_db, django_user_model, settings):
    settings.AXES_ENABLED = True
    return django_user_model.objects.create_superuser("alex", "alex@example.org", PASSWORD)


def sign_in(page, password):
    page.locator("#id_username").fill("alex")
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name=re.compile("sign in", re.I)).click()


def test_a_locked_out_editor_is_told_on_the_sign_in_page(live_server, new_page, editor):
    page = new_page()
    page.goto(f"{live_server.url}/admin/login/")
    messages = page.locator(".messages")
    for attempt in range(5):
        sign_in(page, f"guess {attempt}")
        if attempt < 4:
            expect(messages).to_contain_text("didn't match")
    expect(messages).to_contain_text("Too many failed sign-in attempts for this account")
    expect(messages).to_contain_text("Try again in 15 minutes")

    sign_in(page, PASSWORD)
    expect(messages).to_contain_text("Too many failed sign-in attempts")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    expect(page.locator("#id_password")).to_be_visible()  # the form, to try again later

    call_command("axes_reset_username", "alex")
    sign_in(page, PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/$"))
