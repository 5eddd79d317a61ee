"""runlocal's process manager and its default Site, without the whole run (test_run.py)."""

import io
import os
import signal
import sys

import pytest
from wagtail.models import Site

from cms.management.commands.runlocal import Command, LocalProcesses, terminate_worker

SLEEPER = f"exec {sys.executable} -c 'import time; time.sleep(60)'"


@pytest.fixture
def run_manager():
    """Run a manager's loop here, as runlocal does, then give back the signal handlers
    honcho's loop replaced."""
    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}

    def run(manager):
        manager.loop()
        return manager

    yield run
    for signum, handler in handlers.items():
        signal.signal(signum, handler)


def exit_status(manager):
    stderr = io.StringIO()
    return Command(stdout=io.StringIO(), stderr=stderr).exit_status(manager), stderr.getvalue()


def test_a_process_stopping_by_itself_with_status_0_is_not_a_clean_stop(run_manager):
    manager = LocalProcesses()
    manager.add_process("beat", "exit 0", stop=terminate_worker)
    manager.add_process("worker", SLEEPER, stop=terminate_worker)

    run_manager(manager)
    status, stderr = exit_status(manager)

    assert manager.stopped_unasked == {"beat": 0}
    assert manager.asked_to_stop == {"worker"}
    assert status != 0
    assert "beat stopped by itself (exit status 0)" in stderr


def test_ctrl_c_before_every_process_has_started_stops_each_once_it_has(run_manager):
    manager = LocalProcesses()
    # The first process sends the Ctrl-C as it starts, likely before honcho knows its pid.
    manager.add_process(
        "web", f"kill -INT {os.getpid()}; {SLEEPER}", stop=lambda pid: os.kill(pid, signal.SIGTERM)
    )
    manager.add_process("worker", SLEEPER, stop=terminate_worker)

    run_manager(manager)
    status, stderr = exit_status(manager)

    assert manager.asked_to_stop == {"web", "worker"}
    assert manager.stopped_unasked == {}
    assert stderr == ""
    assert status != 0  # each died of the signal: not the clean stop runlocal's own make


def test_stopping_before_a_process_has_started_stops_what_has(run_manager):
    stopped = []
    manager = LocalProcesses()
    for name in ("web", "worker", "beat"):
        manager.add_process(name, "true", stop=lambda pid, name=name: stopped.append((name, pid)))
    # As honcho's loop records them, one start message at a time.
    manager._processes["web"]["pid"] = 101

    manager.terminate()  # Ctrl-C, with the worker's and beat's start not yet reported
    assert stopped == [("web", 101)]

    manager._processes["worker"]["pid"] = 102
    manager._processes["beat"]["pid"] = 103
    assert manager._all_started()
    assert stopped == [("web", 101), ("worker", 102), ("beat", 103)]


@pytest.fixture
def demo_site(wagtail_root):
    Site.objects.all().delete()
    return Site.objects.create(
        hostname="localhost", port=80, root_page=wagtail_root, is_default_site=True
    )


@pytest.mark.parametrize(
    "address",
    ["http://127.0.0.1:8001", "https://local-offer.example.org", "http://[::1]:8000"],
)
def test_the_demo_site_names_the_address_links_name(demo_site, address):
    Command().serve_default_site_at(address)

    demo_site.refresh_from_db()
    assert demo_site.root_url == address


def test_an_address_a_site_cannot_name_leaves_the_demo_site_alone(demo_site):
    Command().serve_default_site_at("https://local-offer.example.org:8443")

    demo_site.refresh_from_db()
    assert demo_site.root_url == "http://localhost"


def test_a_site_someone_named_is_left_alone(demo_site):
    Site.objects.filter(pk=demo_site.pk).update(hostname="offer.example.org")

    Command().serve_default_site_at("http://127.0.0.1:8001")

    demo_site.refresh_from_db()
    assert demo_site.root_url == "http://offer.example.org"
