"""Browser tests: Debian's Chromium, driven by Playwright, against pytest-django's live server.

The live server runs on a transactional database that starts empty: none of the rows
that migrations create (the locale, the root page and collection, the editorial groups,
the default moderation workflow) are there, so `site_for_browser` builds them again.
"""

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = REPO_ROOT / "test-artifacts"
PASSWORD = "correct horse battery"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item (rep_setup, rep_call, rep_teardown), so a
    fixture can tell in its teardown whether the test failed."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


def failed(item) -> bool:
    reports = (getattr(item, f"rep_{when}", None) for when in ("setup", "call"))
    return any(report is not None and report.failed for report in reports)


@pytest.fixture
def browser(monkeypatch):
    from django.db import connections

    # Playwright's sync API runs an event loop in the test's thread, and Django refuses
    # ORM calls from a thread with a running loop unless told that this is fine.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    missing = "is not installed: run `make test-tools` (scripts/ensure-test-tools)"
    assert Path(CHROMIUM).exists(), f"Chromium {missing}"
    assert shutil.which("chromedriver"), f"chromium-driver {missing}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
            # While Playwright's event loop runs, Django gives this thread's ORM calls
            # connections of their own (asgiref's Local keys them by context, not by
            # thread). Close them here, while they can still be reached: left open,
            # they outlive the test and keep the test database from being dropped.
            connections.close_all()


@pytest.fixture
def new_page(request, browser):
    """Open pages, each in a fresh browser context (its own cookies, so its own login).
    When the test fails, every page opened is saved under test-artifacts/ as a
    screenshot and its HTML."""
    contexts = []

    def open_page():
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page

    if failed(request.node):
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        for number, context in enumerate(contexts, start=1):
            for page in context.pages:
                stem = ARTIFACTS / f"{name}-{number}"
                try:
                    page.screenshot(path=f"{stem}.png", full_page=True)
                    Path(f"{stem}.html").write_text(page.content(), encoding="utf-8")
                except Exception as error:  # a crashed page must not hide the failure
                    Path(f"{stem}.txt").write_text(f"No screenshot: {error!r}\n")
    for context in contexts:
        context.close()


@pytest.fixture
def site_for_browser(live_server, wagtail_root, request):
    """The page tree with its sections, the groups and their permissions, a default site
    and Wagtail's default moderation workflow (on the tree and on moderated snippets), as
    the migrations would have left them.

    Idempotent: the first transactional test of a session still sees what the migrations
    created (the database is flushed after each such test, not before)."""
    from django.apps import apps
    from django.contrib.auth.models import Group
    from wagtail.models import (
        Collection,
        GroupApprovalTask,
        Site,
        Workflow,
        WorkflowPage,
        WorkflowTask,
    )

    from cms.groups import MODERATORS, ensure_groups, ensure_snippet_workflows

    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    ensure_groups(apps)
    # Only now: `sections` grants the editors' groups their sections.
    sections = request.getfixturevalue("sections")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": sections["home"]},
    )

    # Wagtail's migration names the task and workflow after the groups that publish.
    task, _ = GroupApprovalTask.objects.get_or_create(name="Moderators approval")
    task.groups.set([Group.objects.get(name=MODERATORS)])
    workflow, _ = Workflow.objects.get_or_create(name="Moderators approval")
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=wagtail_root, defaults={"workflow": workflow})
    ensure_snippet_workflows(apps)
    return sections


@pytest.fixture
def make_user(django_user_model):
    def make(username, group_name):
        from django.contrib.auth.models import Group

        user = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD)
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def log_in(live_server, new_page):
    """A page in a fresh context, logged in to the admin as the user given."""
    from playwright.sync_api import expect

    def log_in_as(user):
        page = new_page()
        page.goto(f"{live_server.url}/admin/login/")
        page.locator("#id_username").fill(user.username)
        page.locator("#id_password").fill(PASSWORD)
        page.get_by_role("button", name=re.compile("sign in|log in", re.I)).click()
        expect(page).to_have_url(re.compile(r"/admin/$"))
        return page

    return log_in_as


def approve_from_dashboard(page, title: str, edit_url: str) -> None:
    """As a moderator: open `title` from "Awaiting your review" on the dashboard, check
    its edit view is `edit_url` (a pattern), and approve it (the workflow's last task,
    which Wagtail calls "Approve and Publish")."""
    from playwright.sync_api import expect

    awaiting = page.locator("section").filter(
        has=page.get_by_role("heading", name="Awaiting your review")
    )
    awaiting.get_by_role("link", name=title).first.click()
    expect(page).to_have_url(re.compile(edit_url))
    page.locator("footer").get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile(r"^Approve( and publish)?$", re.I)).click()
