import os
import socket
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import redis
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.core.cache import cache

from cms.celery import app as celery_app

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def _fresh_redis_database():
    """The suite owns its Redis database: start without leftovers from a previous run."""
    redis.Redis.from_url(settings.REDIS_URL).flushdb()


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


@pytest.fixture
def celery_worker(transactional_db):
    """A real Celery worker, in a thread of this process, consuming from Redis.

    Tasks run on their own database connection, so tests using it see only
    committed data: hence transactional_db.
    """
    celery_app.control.purge()
    with start_worker(
        celery_app,
        pool="solo",
        perform_ping_check=False,
        shutdown_timeout=10,
        loglevel="WARNING",
    ) as worker:
        yield worker


@pytest.fixture
def wagtail_root(db):
    """The tree's root page; transactional tests start from an empty database,
    without the locale and root that Wagtail's migrations create."""
    from wagtail.models import Locale, Page

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))


def publish(page):
    """Publish a page as an editor would (a revision, then publish) and reload it."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def clock(time_machine):
    """This process's clock, started at now and ticking; `clock.shift(timedelta)` moves
    it (time-machine). PostgreSQL and Redis keep their own time."""
    from django.utils import timezone

    time_machine.move_to(timezone.now(), tick=True)
    return time_machine


def published_with_expiry(item, minutes: int = 1):
    """Publish an item as an editor would, set to expire `minutes` from now."""
    from django.utils import timezone

    item.expire_at = timezone.now() + timedelta(minutes=minutes)
    item.save_revision().publish()
    item.refresh_from_db()
    return item


def expire(item, clock, *, later=timedelta(hours=1)):
    """Let a published item's expiry pass as it would in life: published with an expiry
    a minute ahead (the store records it), then the clock moved on past it. No signal
    and no change-log entry mark the moment itself."""
    published_with_expiry(item)
    clock.shift(later)
    return item


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_manage(
    *args: str, env: dict[str, str], timeout: float = 120
) -> subprocess.CompletedProcess:
    """Run manage.py in a fresh interpreter with exactly the environment given."""
    return subprocess.run(
        [sys.executable, str(REPO_ROOT / "manage.py"), *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def bare_environment(**extra: str) -> dict[str, str]:
    """What a newcomer's shell has: PATH and HOME, and nothing of ours."""
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}
    env.update(extra)
    return env


@pytest.fixture
def sections(wagtail_root):
    """A home page with a council and a health directory section and a guides section,
    each granted to its team's editors."""
    from django.apps import apps
    from wagtail.models import Site

    from cms.groups import ensure_groups
    from cms.teams import Team, sync_team_permissions
    from directory.factories import DirectoryIndexPageFactory
    from guides.factories import GuideIndexPageFactory
    from home.factories import HomePageFactory

    home = HomePageFactory(parent=wagtail_root, slug="local-offer")
    directory = DirectoryIndexPageFactory(parent=home, title="Directory", slug="directory")
    tree = {
        "home": home,
        "directory": directory,
        "council": DirectoryIndexPageFactory(
            parent=directory, title="Council services", slug="council", team=Team.COUNCIL
        ),
        "health": DirectoryIndexPageFactory(
            parent=directory, title="Health services", slug="health", team=Team.HEALTH
        ),
        "guides": GuideIndexPageFactory(
            parent=home, title="Guides", slug="guides", team=Team.COUNCIL
        ),
    }
    ensure_groups(apps)  # transactional tests start without the migrations' groups
    sync_team_permissions()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Test"},
    )
    return tree
