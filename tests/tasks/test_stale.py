from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from alerts.models import MaintainerAlert
from alerts.raising import raise_alert
from directory.factories import OrganisationFactory
from directory.models import Organisation
from tasks.listings import mark_listing_reviewed
from tasks.stale import check_stale_listings
from tests.tasks.conftest import NOW

pytestmark = pytest.mark.django_db

Kind = MaintainerAlert.Kind
INTERVALS = {"service": 365, "guide": 365, "partner": 365, "cluster": 120}


def open_alerts(kind=Kind.OVERDUE_REVIEW):
    return MaintainerAlert.objects.open().filter(kind=kind)


@pytest.mark.parametrize("kind", INTERVALS)
def test_a_listing_is_alerted_the_day_after_it_falls_due(make_listing, kind):
    listing = make_listing(kind, reviewed_days_ago=INTERVALS[kind])
    assert listing.next_review_due == NOW.date()

    assert check_stale_listings(now=NOW).alerts_raised == 0  # due today: not overdue yet
    assert not open_alerts().exists()

    scan = check_stale_listings(now=NOW + timedelta(days=1))

    assert scan.alerts_raised == 1
    alert = open_alerts().get()
    assert alert.subject == listing
    assert alert.cycle == NOW.date().isoformat()
    assert alert.label == str(listing)
    assert "2 March 2026" in alert.message
    assert alert.created_at == NOW + timedelta(days=1)


def test_running_the_scan_twice_raises_nothing_new(make_listing):
    for kind in INTERVALS:
        make_listing(kind, reviewed_days_ago=400)

    first = check_stale_listings(now=NOW)
    second = check_stale_listings(now=NOW)

    assert first.alerts_raised == 4
    assert second.alerts_raised == 0
    assert second.alerts_resolved == 0
    assert open_alerts().count() == 4


def test_a_review_resolves_the_alert_and_the_next_cycle_raises_a_new_one(make_listing):
    service = make_listing("service", reviewed_days_ago=400)
    check_stale_listings(now=NOW)
    first = open_alerts().get()

    mark_listing_reviewed(service, name="SEND Information Team", at=NOW + timedelta(hours=1))
    scan = check_stale_listings(now=NOW + timedelta(days=1))

    first.refresh_from_db()
    assert scan.alerts_resolved == 1
    assert first.resolved_at == NOW + timedelta(days=1)
    assert not open_alerts().exists()

    a_year_on = NOW + timedelta(days=367)
    scan = check_stale_listings(now=a_year_on)

    assert scan.alerts_raised == 1
    second = open_alerts().get()
    assert second.pk != first.pk
    assert second.cycle == (NOW + timedelta(days=365)).date().isoformat()


def test_unpublished_and_translated_listings_are_not_alerted(make_listing, sections):
    from wagtail.models import Locale

    draft = make_listing("service", reviewed_days_ago=400)
    draft.unpublish()
    source = make_listing("guide", reviewed_days_ago=400)
    polish = Locale.objects.create(language_code="pl")
    translation = source.copy_for_translation(polish, copy_parents=True)
    translation.live = True
    translation.save()
    assert translation.next_review_due == source.next_review_due

    check_stale_listings(now=NOW)

    assert [alert.subject for alert in open_alerts()] == [source]


def test_an_unpublished_listing_has_its_alert_resolved(make_listing):
    service = make_listing("service", reviewed_days_ago=400)
    check_stale_listings(now=NOW)
    service.unpublish()

    assert check_stale_listings(now=NOW).alerts_resolved == 1
    assert not open_alerts().exists()


def test_listings_of_a_defunct_organisation_are_flagged_at_once(make_listing):
    ccg = OrganisationFactory(name="NHS North East Essex CCG")
    icb = OrganisationFactory(name="Suffolk and North East Essex ICB")
    service = make_listing("service", reviewed_days_ago=10, organisation=ccg)
    partner = make_listing("partner", reviewed_days_ago=10, organisation=ccg)
    make_listing("service", reviewed_days_ago=10, organisation=icb)

    assert check_stale_listings(now=NOW).alerts_raised == 0

    Organisation.objects.filter(pk=ccg.pk).update(
        status=Organisation.Status.DEFUNCT, replaced_by=icb
    )
    scan = check_stale_listings(now=NOW)

    flagged = open_alerts(Kind.DEFUNCT_ORGANISATION)
    assert scan.alerts_raised == 2
    assert {alert.subject for alert in flagged} == {service, partner}
    assert all("NHS North East Essex CCG" in alert.message for alert in flagged)
    assert check_stale_listings(now=NOW).alerts_raised == 0

    # Moving the listing to the successor deals with it.
    service.organisation = icb
    service.save()
    assert check_stale_listings(now=NOW).alerts_resolved == 1
    assert [alert.subject for alert in open_alerts(Kind.DEFUNCT_ORGANISATION)] == [partner]


def test_a_closure_flags_the_listings_when_it_is_published_not_when_drafted(make_listing):
    icb = OrganisationFactory(name="Suffolk and North East Essex ICB")
    ccg = OrganisationFactory(name="NHS North East Essex CCG")
    service = make_listing("service", reviewed_days_ago=10, organisation=ccg)

    ccg.status, ccg.replaced_by = Organisation.Status.DEFUNCT, icb
    revision = ccg.save_revision()  # an editor's draft, awaiting moderation
    assert not open_alerts(Kind.DEFUNCT_ORGANISATION).exists()
    assert check_stale_listings(now=NOW).alerts_raised == 0  # the scan reads what is live

    revision.publish()  # no scan: publishing flags the listing
    assert [alert.subject for alert in open_alerts(Kind.DEFUNCT_ORGANISATION)] == [service]

    ccg.status, ccg.replaced_by = Organisation.Status.ACTIVE, None
    ccg.save_revision().publish()  # it turned out not to close after all
    assert not open_alerts(Kind.DEFUNCT_ORGANISATION).exists()


def test_a_provider_report_stays_open_until_the_listing_is_reviewed(make_listing):
    service = make_listing("service", reviewed_days_ago=10)
    report, created = raise_alert(
        Kind.PROVIDER_CHANGES, service, cycle="x", message="New phone number", now=NOW
    )
    assert created

    assert check_stale_listings(now=NOW + timedelta(days=1)).alerts_resolved == 0
    mark_listing_reviewed(service, name="SEND Information Team", at=NOW + timedelta(days=2))
    assert check_stale_listings(now=NOW + timedelta(days=2)).alerts_resolved == 1

    report.refresh_from_db()
    assert report.resolved_at is not None


def test_raising_an_open_alert_again_is_a_no_op(make_listing):
    service = make_listing("service", reviewed_days_ago=10)
    first, created = raise_alert(Kind.READER_FEEDBACK, service, cycle="1", message="Closed?")
    again, created_again = raise_alert(Kind.READER_FEEDBACK, service, cycle="1", message="Other")

    assert created
    assert not created_again
    assert again.pk == first.pk
    assert again.message == "Closed?"
    assert raise_alert(Kind.READER_FEEDBACK, service, cycle="2")[1]


def test_the_database_allows_one_open_alert_per_object_kind_and_cycle(make_listing):
    service = make_listing("service", reviewed_days_ago=10)
    alert, _ = raise_alert(Kind.OVERDUE_REVIEW, service, cycle="2026-01-01")
    duplicate = MaintainerAlert(
        kind=alert.kind,
        content_type=alert.content_type,
        object_id=alert.object_id,
        cycle=alert.cycle,
        label="again",
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()

    MaintainerAlert.objects.filter(pk=alert.pk).update(resolved_at=NOW)
    duplicate.save()  # once the first is resolved, the same alert may open again
    assert MaintainerAlert.objects.open().get() == duplicate


def test_a_change_of_default_interval_moves_due_dates(make_listing, settings):
    service = make_listing("service", reviewed_days_ago=200)
    cluster = make_listing("cluster", reviewed_days_ago=100)
    assert check_stale_listings(now=NOW).alerts_raised == 0

    settings.REVIEW_INTERVAL_DAYS = {**settings.REVIEW_INTERVAL_DAYS, "directory.servicepage": 180}
    scan = check_stale_listings(now=NOW)

    service.refresh_from_db()
    cluster.refresh_from_db()
    assert scan.due_dates_recomputed == 1
    assert service.next_review_due == (NOW - timedelta(days=20)).date()
    assert service.next_review_due == service.compute_next_review_due()
    assert cluster.next_review_due == (NOW + timedelta(days=20)).date()
    assert [alert.subject for alert in open_alerts()] == [service]
    assert check_stale_listings(now=NOW).due_dates_recomputed == 0


def test_an_interval_set_on_the_listing_wins_over_the_default(make_listing):
    service = make_listing("service", reviewed_days_ago=40, review_interval_days=30)

    check_stale_listings(now=NOW)

    assert service.next_review_due == (NOW - timedelta(days=10)).date()
    assert open_alerts().get().subject == service


def test_the_scan_runs_the_same_number_of_queries_for_more_listings(make_listing):
    ccg = OrganisationFactory(status=Organisation.Status.DEFUNCT, defunct_note="Abolished.")

    def add_listings(count: int) -> None:
        for _ in range(count):
            for kind in INTERVALS:
                make_listing(kind, reviewed_days_ago=400)
            make_listing("service", reviewed_days_ago=1, organisation=ccg)

    def queries_for_a_fresh_scan() -> tuple[int, int]:
        MaintainerAlert.objects.all().delete()
        with CaptureQueriesContext(connection) as queries:
            scan = check_stale_listings(now=NOW)
        return len(queries), scan.alerts_raised

    add_listings(1)
    queries_for_a_fresh_scan()  # warm the content type cache
    small = queries_for_a_fresh_scan()
    add_listings(9)
    large = queries_for_a_fresh_scan()

    assert small[1] == 5
    assert large[1] == 50
    assert small[0] == large[0]
