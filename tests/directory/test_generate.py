from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from directory.generate import generate_directory
from directory.models import ServicePage


def test_generate_directory_makes_a_valid_tree_of_live_services(sections):
    call_command("generate_directory", "--services", "60", "--seed", "7", verbosity=0)

    services = ServicePage.objects.filter(slug__regex=r"-\d+$").live()
    assert services.count() == 60
    section = services.first().get_parent()
    assert section.numchild == 60
    assert Page.find_problems() == ([], [], [], [], [])
    for service in services.prefetch_related("locations", "contacts", "terms"):
        assert 1 <= service.locations.count() <= 3
        assert 1 <= service.contacts.count() <= 3
        assert 2 <= service.terms.count() <= 4
        assert service.min_age <= service.max_age <= 25
        assert service.next_review_due is not None
        assert service.url_path == f"{section.url_path}{service.slug}/"
    assert len({service.uuid for service in services}) == 60
    # Indexed for search, and editable as any other page.
    # Every generated summary speaks of "families": all 60 are in the search index.
    assert ServicePage.objects.live().search("families").count() == 60
    service = services.first()
    service.title = "Edited"
    service.save_revision().publish()


def test_the_same_seed_makes_the_same_directory(sections):
    first = generate_directory(5, seed=3, index=False)
    titles = list(
        ServicePage.objects.filter(pk__in=first).order_by("pk").values_list("summary", flat=True)
    )
    ServicePage.objects.filter(pk__in=first).delete()
    second = generate_directory(5, seed=3, index=False)
    again = list(
        ServicePage.objects.filter(pk__in=second).order_by("pk").values_list("summary", flat=True)
    )
    assert titles == again


def test_generation_is_bulk_work(sections):
    generate_directory(400, seed=1, index=False)  # section, terms and providers exist now

    def queries_for(count):
        with CaptureQueriesContext(connection) as captured:
            generate_directory(count, seed=1, index=False)
        return len(captured)

    assert queries_for(20) == queries_for(400)


def test_refuses_a_nonsense_count(db):
    import pytest
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="at least 1"):
        call_command("generate_directory", "--services", "0")


def test_generated_services_are_in_the_change_log(sections):
    from api.management.commands.generate_directory import record_generated
    from api.models import ChangeLogEntry

    created = generate_directory(10, seed=2, index=False, on_batch=record_generated)
    uuids = set(ServicePage.objects.filter(pk__in=created).values_list("uuid", flat=True))
    logged = ChangeLogEntry.objects.filter(object_id__in=uuids, action="upsert")
    assert logged.count() == 10
    assert all(entry.scope_after["terms"] for entry in logged)
