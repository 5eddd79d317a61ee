"""Drift between the store and the visibility rule is found and repaired; the store can be
rebuilt (and a rebuild resumed); the outbox loses nothing when rendering waits for the
worker, and a real worker renders it."""

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings

from api.publication.consistency import find_drift
from api.publication.models import PendingPublication, PublishedDocument
from api.publication.outbox import publish_pending
from directory.factories import ServicePageFactory
from tests.conftest import publish
from tests.tasks.test_celery import wait_for


@pytest.fixture
def services(sections):
    made = [publish(ServicePageFactory(parent=sections["council"])) for _ in range(3)]
    # Their organisations were made live by the factory, not published: store them too.
    call_command("rebuild_publication", "--no-progress")
    return made


def documents():
    return {
        str(row.object_id): {k: v for k, v in row.document.items() if k != "last_modified"}
        for row in PublishedDocument.objects.all()
    }


def test_a_store_in_step_has_no_drift(services, capsys):
    assert not find_drift()
    call_command("check_publication")
    assert "The store matches." in capsys.readouterr().out


def test_drift_is_reported_and_repaired(services, capsys):
    missing, tampered, hidden = services
    before = documents()
    PublishedDocument.objects.filter(object_id=missing.uuid).delete()
    row = PublishedDocument.objects.get(object_id=tampered.uuid)
    row.document = {**row.document, "title": "Not what the editor wrote"}
    row.save()
    # Out of public view without the writer hearing of it (as a bad import would leave it).
    type(hidden).objects.filter(pk=hidden.pk).update(live=False)

    drift = find_drift()
    assert drift.missing == {("services", missing.pk)}
    assert drift.stale == {("services", tampered.pk)}
    assert drift.extra == {("services", hidden.pk)}
    with pytest.raises(CommandError, match="drifted"):
        call_command("check_publication")
    out = capsys.readouterr().out
    assert "1 missing, 1 not public, 1 stale" in out

    call_command("check_publication", "--repair")
    assert "Repaired: 3 documents written." in capsys.readouterr().out
    assert not find_drift()
    after = documents()
    del before[str(hidden.uuid)]
    assert set(after) == set(before)
    assert after[str(tampered.uuid)]["title"] == tampered.title


def test_a_shallow_check_sees_only_which_items_are_stored(services):
    row = PublishedDocument.objects.get(object_id=services[0].uuid)
    row.document = {**row.document, "title": "Tampered"}
    row.save()
    assert not find_drift(deep=False)
    assert find_drift(deep=True).stale == {("services", services[0].pk)}


def test_a_rebuild_makes_the_same_documents_again(services, capsys):
    before = {
        key: {k: v for k, v in doc.items() if k != "version"} for key, doc in documents().items()
    }
    PublishedDocument.objects.all().delete()
    call_command("rebuild_publication", "--no-progress")
    assert "Rebuilding 6 items." in capsys.readouterr().out
    after = {
        key: {k: v for k, v in doc.items() if k != "version"} for key, doc in documents().items()
    }
    assert after == before
    assert not PendingPublication.objects.exists()


def test_a_rebuild_that_stopped_carries_on_where_it_stopped(services, capsys):
    PublishedDocument.objects.all().delete()
    # What a rebuild stopped after its first item leaves: the rest of its queue.
    for service in services[1:]:
        PendingPublication.objects.create(
            resource="services", source_pk=service.pk, reason="rebuild"
        )
    call_command("rebuild_publication", "--no-progress")
    assert "Resuming a rebuild: 2 items to go." in capsys.readouterr().out
    assert set(PublishedDocument.objects.values_list("source_pk", flat=True)) == {
        s.pk for s in services[1:]
    }
    call_command("rebuild_publication", "--no-progress", "--restart")
    assert PublishedDocument.objects.count() == 6


@override_settings(PUBLICATION_RENDER_IMMEDIATELY=False)
def test_without_a_worker_the_outbox_keeps_what_must_be_rendered(sections):
    # The queued task never runs here (the `db` fixture never commits): as if the broker
    # were away. The outbox row is there, and the sweep renders it.
    page = publish(ServicePageFactory(parent=sections["council"]))
    assert not PublishedDocument.objects.filter(object_id=page.uuid).exists()
    assert PendingPublication.objects.filter(resource="services", source_pk=page.pk).exists()
    assert publish_pending() >= 1
    assert PublishedDocument.objects.filter(object_id=page.uuid).exists()
    assert not PendingPublication.objects.exists()


@override_settings(PUBLICATION_RENDER_IMMEDIATELY=False)
def test_a_real_worker_renders_after_the_publish_commits(celery_worker, sections):
    with transaction.atomic():
        page = publish(ServicePageFactory(parent=sections["council"]))
        assert not PublishedDocument.objects.filter(object_id=page.uuid).exists()
    assert wait_for(lambda: PublishedDocument.objects.filter(object_id=page.uuid).exists()), (
        "the worker did not render the published page"
    )
    assert wait_for(lambda: not PendingPublication.objects.exists())


def test_the_daily_check_repairs_drift_and_tells_maintainers(services):
    from alerts.models import MaintainerAlert
    from tasks.publication import check_publication

    assert "0 missing, 0 not public, 0 stale" in check_publication()
    assert not MaintainerAlert.objects.exists()
    PublishedDocument.objects.filter(object_id=services[0].uuid).delete()

    assert "1 missing" in check_publication()
    assert not find_drift()
    alert = MaintainerAlert.objects.get()
    assert alert.kind == MaintainerAlert.Kind.PUBLICATION_DRIFT
    assert alert.subject == services[0]
    assert "missing" in alert.message
    check_publication()  # nothing new: no second alert
    assert MaintainerAlert.objects.count() == 1
